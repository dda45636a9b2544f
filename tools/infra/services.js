'use strict';
/** Checks the Postgres and Redis the platform is configured for, and says exactly what to start. */
const net = require('node:net');

const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

function postgresAdminUrl() {
  return process.env.POSTGRES_ADMIN_URL || DEFAULT_POSTGRES_URL;
}

async function checkPostgres(url = postgresAdminUrl()) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query('show server_version');
    return rows[0].server_version;
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${redactUrl(url)} (${error.message}). Start it with: ` +
        'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start — or set POSTGRES_ADMIN_URL.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url = process.env.REDIS_URL || DEFAULT_REDIS_URL) {
  const Redis = require('ioredis');
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  // connect() rejects with "Connection is closed."; the cause arrives as an 'error' event, which
  // ioredis would otherwise print as an unhandled error.
  let cause;
  redis.on('error', (error) => {
    cause = error;
  });
  try {
    await redis.connect();
    const info = await redis.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${redactUrl(url)} (${(cause ?? error).message}). Start it with: ` +
        'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no — or set REDIS_URL.',
    );
  } finally {
    redis.disconnect();
  }
}

/** Creates a database if it does not exist yet (CREATE DATABASE cannot run in a transaction). */
async function ensureDatabase(name, adminUrl = postgresAdminUrl()) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing odd database name ${name}`);
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await client.query(`create database ${name}`).catch((error) => {
        if (error.code !== '42P04') throw error; // created concurrently by another process
      });
    }
  } finally {
    await client.end();
  }
}

function databaseUrl(name, adminUrl = postgresAdminUrl()) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable url)';
  }
}

// Below Linux's ephemeral range (32768-60999): the kernel hands none of these to a listen(0) or
// an outgoing connection, so a port found free stays free until the process it is for binds it.
// Asking for port 0 and closing is racy while other suites run: the kernel may give that port to
// someone else's next connection first. (libs/shared/testing's freePort, for the TypeScript tests.)
const handedOut = new Set();

async function freePort() {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = require('node:crypto').randomInt(20_000, 32_000);
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error('no free port between 20000 and 32000 after 100 tries');
}

function canListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

module.exports = {
  checkPostgres,
  checkRedis,
  ensureDatabase,
  databaseUrl,
  postgresAdminUrl,
  freePort,
  DEFAULT_REDIS_URL,
};
