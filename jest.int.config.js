'use strict';
/**
 * Integration tests against the real Postgres, Redis and Kafka that tools/infra/up.js ensures.
 * Run in band: the suites share one broker and two cores.
 */
module.exports = {
  ...require('./jest.preset'),
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
  testTimeout: 120_000,
  slowTestThreshold: 30,
};
