'use strict';
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

const FRAMEWORKS = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'kafkajs',
  'bullmq',
  'ioredis',
  'express',
  'nestjs-pino',
  'pino',
  'pino-http',
  'nodemailer',
];

/**
 * Module boundaries (architecture.md, Layout): apps never import apps; domain libs and the
 * contracts import no framework; a scope reaches another only through shared libs — except
 * that the audit scope may import other scopes' domain libs for their reducers.
 */
const depConstraints = (allowTestingLibs) => [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:data-access',
      'type:domain',
      'type:util',
      'type:contracts',
      ...(allowTestingLibs ? ['type:testing'] : []),
    ],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:data-access',
      'type:domain',
      'type:util',
      'type:contracts',
      ...(allowTestingLibs ? ['type:testing'] : []),
    ],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: [
      'type:data-access',
      'type:domain',
      'type:util',
      'type:contracts',
      ...(allowTestingLibs ? ['type:testing'] : []),
    ],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
    bannedExternalImports: FRAMEWORKS,
  },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: FRAMEWORKS },
  {
    sourceTag: 'type:util',
    onlyDependOnLibsWithTags: ['type:util', 'type:contracts', ...(allowTestingLibs ? ['type:testing'] : [])],
  },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:util', 'type:contracts'] },
  { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:referral', onlyDependOnLibsWithTags: ['scope:referral', 'scope:shared'] },
  { sourceTag: 'scope:matching', onlyDependOnLibsWithTags: ['scope:matching', 'scope:shared'] },
  { sourceTag: 'scope:scheduling', onlyDependOnLibsWithTags: ['scope:scheduling', 'scope:shared'] },
  { sourceTag: 'scope:outcome', onlyDependOnLibsWithTags: ['scope:outcome', 'scope:shared'] },
  // The console is a backend for the frontend: it calls the services' HTTP APIs and may share
  // only their contracts and utilities, never a service's domain or data access.
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'] },
  { sourceTag: 'scope:audit', onlyDependOnLibsWithTags: ['scope:audit', 'scope:shared', 'type:domain'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
];

const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'];

module.exports = [
  { ignores: ['node_modules/**', 'dist/**', '.cache/**', 'coverage/**', '.nx/**', '**/*.js'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: depConstraints(false) },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: depConstraints(true) },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Test samples and helpers sit at a lib's `/testing` entry point (@rj/shared/contracts/testing):
  // for tests, test kits and tools, never for what a service runs.
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [...TEST_FILES, 'libs/shared/testing/**', 'libs/*/*/src/testing.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@rj/*/*/testing'], message: 'test samples and helpers are for tests only' }] },
      ],
    },
  },
  { files: ['tools/**/*.ts'], rules: { 'no-console': 'off' } },
  // Test code reads untyped JSON bodies all the time; `any` there is ergonomics, not a hole.
  {
    files: [
      ...TEST_FILES,
      'libs/shared/testing/**/*.ts',
      'tools/e2e/**/*.ts',
      'tools/chaos/**/*.ts',
      'tools/browser/**/*.ts',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...tseslint.config({ files: ['**/*.ts'], extends: [], rules: {} }),
];
