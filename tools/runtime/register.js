'use strict';
/**
 * Runs the workspace's TypeScript directly: `node -r ./tools/runtime/register.js app.ts`.
 * swc transpiles each .ts file on load (with the decorator metadata NestJS needs) and the
 * tsconfig path aliases (@rj/...) resolve to the libs' sources. Used by `npm start`, by the
 * tools and by tests that spawn real processes; the container image runs the tsc build instead.
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const ROOT = path.resolve(__dirname, '../..');
const swcOptions = JSON.parse(fs.readFileSync(path.join(ROOT, '.swcrc'), 'utf8'));
delete swcOptions.$schema;
const { paths } = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const aliases = new Map(Object.entries(paths).map(([alias, [target]]) => [alias, path.join(ROOT, `${target}.ts`)]));

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveWithAliases(request, ...rest) {
  const aliased = aliases.get(request);
  return originalResolve.call(this, aliased ?? request, ...rest);
};

// Stack traces name the .ts lines. RJ_SOURCE_MAPS=0 leaves the maps out: they hold ~20 MB per
// service (measured, issue 15) that the image's compiled build does not, so a benchmark of the
// services' memory turns them off to measure what production runs.
const sourceMaps = process.env.RJ_SOURCE_MAPS !== '0';

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...swcOptions, filename, sourceMaps: sourceMaps ? 'inline' : false });
  module._compile(code, filename);
};

if (sourceMaps) process.setSourceMapsEnabled(true);
