#!/usr/bin/env node
'use strict';
/**
 * `npm test`: every test against real infrastructure, in the order that fails fastest.
 * infrastructure → typecheck → lint → unit → integration → end-to-end.
 * Set TEST_STEPS=unit,int to run a subset.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { up } = require('../infra/up');

const ROOT = path.resolve(__dirname, '../..');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

const STEPS = [
  { name: 'typecheck', command: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  // The module-boundary rule reads Nx's cached project graph and skips itself without one
  // (a fresh clone has none): compute it first, so the boundaries are really enforced.
  { name: 'project-graph', command: [bin('nx'), 'show', 'projects'] },
  { name: 'lint', command: [bin('eslint'), '--max-warnings', '0', '.'] },
  { name: 'unit', command: [bin('jest'), '-c', 'jest.unit.config.js', '--maxWorkers=2'] },
  { name: 'int', command: [bin('jest'), '-c', 'jest.int.config.js', '--runInBand'] },
  { name: 'e2e', command: [bin('jest'), '-c', 'jest.e2e.config.js', '--runInBand'], optionalConfig: 'jest.e2e.config.js' },
];

function say(line) {
  process.stderr.write(`[test] ${line}\n`);
}

async function main() {
  const wanted = process.env.TEST_STEPS ? new Set(process.env.TEST_STEPS.split(',')) : null;
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NODE_ENV: 'test' };
  const started = Date.now();
  await up();
  const timings = [[ 'infrastructure', Date.now() - started ]];
  for (const step of STEPS) {
    if (wanted && !wanted.has(step.name) && !(step.name === 'project-graph' && wanted.has('lint'))) continue;
    if (step.optionalConfig && !require('node:fs').existsSync(path.join(ROOT, step.optionalConfig))) continue;
    const stepStart = Date.now();
    say(`${step.name}: ${step.command.map((c) => path.relative(ROOT, c) || c).join(' ')}`);
    const result = spawnSync(step.command[0], step.command.slice(1), { cwd: ROOT, stdio: 'inherit', env });
    timings.push([step.name, Date.now() - stepStart]);
    if (result.status !== 0) {
      say(`${step.name} FAILED (exit ${result.status ?? result.signal})`);
      process.exit(1);
    }
  }
  say(`all green in ${((Date.now() - started) / 1000).toFixed(0)} s: ${timings.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(0)}s`).join(', ')}`);
}

main().catch((error) => {
  say(`FAILED: ${error.message}`);
  process.exit(1);
});
