'use strict';
// One jest setup for the whole workspace: swc transpiles (decorator metadata included, which
// NestJS DI needs), and the tsconfig path aliases resolve to the libs' sources.
const fs = require('node:fs');
const path = require('node:path');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const { paths } = JSON.parse(fs.readFileSync(path.join(__dirname, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias.replace(/\//g, '\\/')}$`, path.join(__dirname, target)]),
);

const ESM_ONLY = '(intl-messageformat|@formatjs/[^/]+|@nestjs/[^/]+)';

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcrc],
    // ES-module-only packages (intl-messageformat and its @formatjs parts, and NestJS 12's
    // @nestjs/* packages): compiled to CommonJS for jest, which cannot require() ES modules
    // without --experimental-vm-modules; Node 24 can, so the services themselves load them as they are.
    [`node_modules/${ESM_ONLY}/.+\\.js$`]: [
      '@swc/jest',
      { ...swcrc, jsc: { ...swcrc.jsc, parser: { syntax: 'ecmascript' } } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.cache/'],
  // The run ends with its slowest files (tools/run/slowest-files.js): where CI's minutes go.
  reporters: ['default', '<rootDir>/tools/run/slowest-files.js'],
};
