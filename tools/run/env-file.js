'use strict';
/**
 * `.env` for `npm start`: when the file exists its variables are added to the environment,
 * never replacing one already set in the shell. Variables that belong to one service each
 * (PORT, DATABASE_URL, …) are skipped with a line saying so: `npm start` runs several
 * services, and one PORT for all of them would make them collide.
 */
const fs = require('node:fs');
const { parseEnv } = require('node:util');

const PER_SERVICE = new Set([
  'PORT',
  'INTERNAL_PORT',
  'DATABASE_URL',
  'JOBS_PREFIX',
  'SERVICE_NAME',
  'KAFKA_CLIENT_ID',
  'AUTH_CLIENT_ID',
  'AUTH_CLIENT_SECRET',
]);

/**
 * What loading `text` into `env` changes: the variables to set and the ones skipped (with why).
 * Pure, for the tests; `loadEnvFile` applies it.
 */
function envFileChanges(text, env) {
  const set = {};
  const skipped = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined) continue;
    if (PER_SERVICE.has(name)) skipped.push(name);
    else set[name] = value;
  }
  return { set, skipped };
}

/** Loads `file` into `env` if it exists; returns null without a file, else what it did. */
function loadEnvFile(file, env = process.env) {
  if (!fs.existsSync(file)) return null;
  const changes = envFileChanges(fs.readFileSync(file, 'utf8'), env);
  Object.assign(env, changes.set);
  return changes;
}

module.exports = { envFileChanges, loadEnvFile, PER_SERVICE };
