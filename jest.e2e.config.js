'use strict';
/**
 * End-to-end: the five services as real processes on the real infrastructure, driven only
 * through their public HTTP APIs. In band: the suites share one broker and two cores.
 */
module.exports = {
  ...require('./jest.preset'),
  displayName: 'e2e',
  testMatch: ['<rootDir>/tools/{e2e,chaos}/**/*.e2e-spec.ts'],
  testTimeout: 300_000,
  slowTestThreshold: 60,
};
