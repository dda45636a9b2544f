'use strict';
/**
 * Runs the tsc build: `node -r ./tools/runtime/dist-paths.js dist/apps/<svc>/src/main.js`.
 * Maps each @rj/* alias of tsconfig.base.json ("./libs/x/src/index") to its compiled file
 * (dist/libs/x/src/index.js), the way tools/runtime/register.js maps them to the sources.
 * Used by the container image, where neither swc nor the TypeScript sources are present.
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const { paths } = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const aliases = new Map(
  Object.entries(paths).map(([alias, [target]]) => [alias, path.join(DIST, `${path.normalize(target)}.js`)]),
);

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveWithDistAliases(request, ...rest) {
  const aliased = aliases.get(request);
  return originalResolve.call(this, aliased ?? request, ...rest);
};

process.setSourceMapsEnabled(true);
