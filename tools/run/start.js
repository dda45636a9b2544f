#!/usr/bin/env node
'use strict';
/**
 * `npm start`: infrastructure (Kafka, Postgres/Redis checks, topics, migrations), then all
 * five services as child processes, with their URLs printed. Ctrl-C (or SIGTERM) stops the
 * services gracefully, and the Kafka broker too if this command started it.
 * SERVICES=referral-intake,partner-matching limits which services run.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const { up } = require('../infra/up');
const { stopKafka } = require('../infra/kafka');

const ROOT = path.resolve(__dirname, '../..');
const SERVICES = [
  { name: 'referral-intake', port: 3001, extra: 'internal key store on http://127.0.0.1:4001 (services only)' },
  { name: 'partner-matching', port: 3002 },
  { name: 'mediation-scheduling', port: 3003 },
  { name: 'outcome-tracking', port: 3004 },
  { name: 'audit-ledger', port: 3005 },
];

function say(line) {
  process.stderr.write(`[start] ${line}\n`);
}

async function main() {
  const startedAt = Date.now();
  const infra = await up();
  const wanted = process.env.SERVICES ? new Set(process.env.SERVICES.split(',')) : null;
  const children = [];
  let stopping = false;
  async function stop(code) {
    if (stopping) return;
    stopping = true;
    say('stopping services…');
    await Promise.all(children.map(({ child }) => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    })));
    if (!infra.reused && !infra.external) {
      say('stopping the Kafka broker this command started');
      await stopKafka({ port: Number(process.env.KAFKA_LOCAL_PORT || 9092) });
    }
    process.exit(code);
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  for (const service of SERVICES.filter((s) => !wanted || wanted.has(s.name))) {
    const child = spawn(process.execPath, ['-r', path.join(ROOT, 'tools/runtime/register.js'), path.join(ROOT, 'apps', service.name, 'src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, KAFKA_BROKERS: infra.brokers.join(',') },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code, signal) => {
      if (!stopping) say(`${service.name} exited (${signal ?? code}); stopping the others`);
      if (!stopping) void stop(1);
    });
    children.push({ service, child });
  }
  await Promise.all(children.map(({ service }) => waitUntilReady(service)));
  say(`all services ready in ${((Date.now() - startedAt) / 1000).toFixed(0)} s:`);
  for (const { service } of children) {
    say(`  ${service.name.padEnd(22)} http://127.0.0.1:${service.port}  (docs /api/docs)${service.extra ? `; ${service.extra}` : ''}`);
  }
  say('get a token: npm run token -- --role admin; Ctrl-C stops everything');


}

async function waitUntilReady(service, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${service.name} was not ready within ${timeoutMs / 1000} s`);
}

main().catch((error) => {
  say(`FAILED: ${error.message}`);
  process.exit(1);
});
