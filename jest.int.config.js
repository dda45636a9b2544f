'use strict';
/**
 * Integration tests against the real Postgres, Redis and Kafka that tools/infra/up.js ensures.
 * Two suites run at once (`--maxWorkers=2`, npm test and test:int): each has its own scratch
 * database, topics under its own prefix (consumer groups and auth-failure keys follow it), its own
 * BullMQ prefix, and takes ports from the kernel (port 0) or from freePort (libs/shared/testing),
 * never a fixed one. A suite must not restart or flush the shared infrastructure.
 */
module.exports = {
  ...require('./jest.preset'),
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
  testTimeout: 120_000,
  slowTestThreshold: 30,
};
