'use strict';
/**
 * Browser tests of the console: Chromium (Debian's package) driven by playwright-core, with
 * axe for accessibility. One stack (services, identity provider, console, browser) is started
 * by the global setup and shared by every test file; in band, as the machine has two cores.
 */
module.exports = {
  ...require('./jest.preset'),
  displayName: 'browser',
  testMatch: ['<rootDir>/tools/browser/**/*.browser-spec.ts'],
  globalSetup: '<rootDir>/tools/browser/global-setup.js',
  globalTeardown: '<rootDir>/tools/browser/global-teardown.js',
  testTimeout: 180_000,
  slowTestThreshold: 60,
};
