#!/usr/bin/env node
'use strict';
/**
 * `npm run token -- --role prosecutor --org <id> [--sub alice] [--name "Alice"] [--expires-in 8h]`
 * Prints an HS256 bearer token for development and manual tests. Plain JS with jsonwebtoken
 * so it runs with bare node; it mirrors mintToken of libs/shared/auth.
 */
const { parseArgs } = require('node:util');
const jwt = require('jsonwebtoken');

// Kept in step with ROLES and DEV_JWT_SECRET of libs/shared (this file cannot import TS).
const ROLES = ['prosecutor', 'partner_admin', 'mediator', 'auditor', 'admin', 'service'];
const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789';

function fail(message) {
  process.stderr.write(`[token] ${message}\n`);
  process.stderr.write('usage: npm run token -- --role <role> [--org <id>] [--sub <id>] [--name <name>] [--expires-in 1h]\n');
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      'expires-in': { type: 'string', default: '1h' },
    },
  }));
} catch (error) {
  fail(error.message);
}

const { role, org } = values;
if (!role) fail('--role is required');
if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')} (got "${role}")`);
if (role !== 'service' && role !== 'admin' && role !== 'auditor' && !org) fail(`--org is required for the role ${role}`);

const sub = values.sub ?? `dev-${role}`;
const name = values.name ?? `Dev ${role.replace('_', ' ')}`;
const expiresIn = /^\d+$/.test(values['expires-in']) ? Number(values['expires-in']) : values['expires-in'];
const secret = process.env.AUTH_JWT_SECRET || DEV_JWT_SECRET;

const token = jwt.sign({ role, org: org ?? null, name }, secret, {
  algorithm: 'HS256',
  subject: sub,
  expiresIn,
  ...(process.env.AUTH_ISSUER ? { issuer: process.env.AUTH_ISSUER } : {}),
  ...(process.env.AUTH_AUDIENCE ? { audience: process.env.AUTH_AUDIENCE } : {}),
});
process.stdout.write(`${token}\n`);
