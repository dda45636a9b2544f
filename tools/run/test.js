#!/usr/bin/env node
'use strict';
/**
 * `npm test`: every test against real infrastructure, in the order that fails fastest.
 * prerequisites → infrastructure → typecheck → lint → contracts → unit → integration → end-to-end → browser
 * (the web console in Chromium). Set TEST_STEPS=unit,int to run a subset; the step names are
 * typecheck, lint (with format and duplication), contracts, unit, int, e2e and browser.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

const STEPS = [
  // TypeScript 7 (the native compiler, installed as typescript-7) checks the types, in seconds;
  // `typescript` stays at 6 for what needs its JavaScript API, which 7 does not offer
  // (typescript-eslint's parser, Nx's ESLint plugin), and for the build (`npm run build`, the image).
  {
    name: 'typecheck',
    command: [
      process.execPath,
      path.join(ROOT, 'node_modules/typescript-7/bin/tsc'),
      '-p',
      'tsconfig.json',
      '--noEmit',
    ],
  },
  // The module-boundary rule reads Nx's cached project graph and skips itself without one
  // (a fresh clone has none): compute it first, so the boundaries are really enforced.
  { name: 'project-graph', command: [bin('nx'), 'show', 'projects'] },
  { name: 'lint', command: [bin('eslint'), '--max-warnings', '0', '.'] },
  // One format for the code (.prettierrc.json, print width 120): a diff shows what changed, not who typed it.
  { name: 'format', command: [bin('prettier'), '--check', '--log-level', 'warn', '.'] },
  // Copy-paste across apps and libs (.jscpd.json): the glue lives once, in the shared libs.
  { name: 'duplication', command: [bin('jscpd'), '--config', '.jscpd.json'] },
  // The merged OpenAPI document through Redocly CLI and Spectral with the OWASP ruleset (0 errors).
  { name: 'contracts', command: [process.execPath, path.join(ROOT, 'tools/contracts/lint.js')] },
  { name: 'unit', command: [bin('jest'), '-c', 'jest.unit.config.js', '--maxWorkers=2'] },
  // Two suites at once: each owns its database, topics, queue prefix and ports (jest.int.config.js).
  { name: 'int', command: [bin('jest'), '-c', 'jest.int.config.js', '--maxWorkers=2'] },
  // Every request of the end-to-end journeys goes through a validating front door: an answer
  // whose status or body the merged OpenAPI document does not declare fails the suite
  // (tools/e2e/platform.ts), so the documents a client generates its types from stay true.
  {
    name: 'e2e',
    command: [bin('jest'), '-c', 'jest.e2e.config.js', '--runInBand'],
    optionalConfig: 'jest.e2e.config.js',
    env: { FRONT_DOOR_VALIDATE: '1' },
  },
  // One platform, one console and one Chromium shared by every journey (tools/browser/stack.ts).
  {
    name: 'browser',
    command: [bin('jest'), '-c', 'jest.browser.config.js', '--runInBand'],
    optionalConfig: 'jest.browser.config.js',
  },
];

function loadAverage() {
  return require('node:os')
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

function say(line) {
  process.stderr.write(`[test] ${line}\n`);
}

async function main() {
  const wanted = process.env.TEST_STEPS ? new Set(process.env.TEST_STEPS.split(',')) : null;
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NODE_ENV: 'test' };
  const started = Date.now();
  // Every tool the tests need is checked first (tools/run/prerequisites.js, through up): a
  // missing one stops the run in its first second, not after minutes of unit tests.
  const { up } = require('../infra/up');
  await up({ command: 'test' });
  const timings = [['infrastructure', Date.now() - started]];
  for (const step of STEPS) {
    if (
      wanted &&
      !wanted.has(step.name) &&
      !(['project-graph', 'format', 'duplication'].includes(step.name) && wanted.has('lint'))
    )
      continue;
    if (step.optionalConfig && !require('node:fs').existsSync(path.join(ROOT, step.optionalConfig))) continue;
    const stepStart = Date.now();
    say(`${step.name}: ${step.command.map((c) => path.relative(ROOT, c) || c).join(' ')} (load ${loadAverage()})`);
    const result = spawnSync(step.command[0], step.command.slice(1), {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...env, ...step.env },
    });
    timings.push([step.name, Date.now() - stepStart]);
    say(`${step.name}: ${((Date.now() - stepStart) / 1000).toFixed(0)} s (load ${loadAverage()})`);
    if (result.status !== 0) {
      say(`${step.name} FAILED (exit ${result.status ?? result.signal})`);
      process.exit(1);
    }
  }
  // The load average beside the times: on a shared machine a slow step may be another's run.
  say(
    `all green in ${((Date.now() - started) / 1000).toFixed(0)} s: ${timings.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(0)}s`).join(', ')} (load ${loadAverage()})`,
  );
}

main().catch((error) => {
  say(`FAILED: ${error.message}`);
  process.exit(1);
});
