#!/usr/bin/env node
'use strict';
/**
 * `npm run token -- --account <sub>` (a demo account, as listed on the sign-in page) or
 * `npm run token -- --role prosecutor --org <id> [--sub alice] [--name "Alice"] [--expires-in 8h]`
 * Prints a bearer token from the running development identity provider (POST /dev/token):
 * RS256, with the issuer and audience the services under `npm start` verify.
 * IDP_ISSUER (default http://127.0.0.1:3100, or http://127.0.0.1:$IDP_PORT) says where it runs.
 */
const { parseArgs } = require('node:util');

// Kept in step with ROLES of libs/shared/contracts (this file cannot import TS).
const ROLES = ['prosecutor', 'partner_admin', 'mediator', 'auditor', 'admin', 'service'];
const ROLES_WITH_ORGANISATION = ['prosecutor', 'partner_admin', 'mediator'];
const USAGE =
  'usage: npm run token -- --account <sub> | --role <role> [--org <id>] [--sub <id>] [--name <name>] [--expires-in 1h]';

function fail(message, usage = true) {
  process.stderr.write(`[token] ${message}\n`);
  if (usage) process.stderr.write(`${USAGE}\n`);
  process.exit(1);
}

/** "90", "90s", "15m", "8h", "1d" → seconds. */
function seconds(value) {
  const match = /^(\d+)([smhd]?)$/.exec(value);
  if (!match) fail(`--expires-in must be a number of seconds or like 15m, 8h, 1d (got "${value}")`);
  return Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2]];
}

function request(values) {
  const expires = values['expires-in'] ? { expires_in: seconds(values['expires-in']) } : {};
  if (values.account) return { account: values.account, ...expires };
  const { role, org } = values;
  if (!role) fail('--account or --role is required');
  if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')} (got "${role}")`);
  if (ROLES_WITH_ORGANISATION.includes(role) && !org) fail(`--org is required for the role ${role}`);
  return {
    role,
    ...(org ? { org } : {}),
    sub: values.sub ?? `dev-${role}`,
    name: values.name ?? `Dev ${role.replace('_', ' ')}`,
    ...expires,
  };
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        account: { type: 'string' },
        role: { type: 'string' },
        org: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        'expires-in': { type: 'string' },
      },
    }));
  } catch (error) {
    fail(error.message);
  }
  const body = request(values);
  const issuer = (process.env.IDP_ISSUER || `http://127.0.0.1:${process.env.IDP_PORT || 3100}`).replace(/\/$/, '');
  let response;
  try {
    response = await fetch(`${issuer}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    fail(`no identity provider answers at ${issuer}: run \`npm start\` (or \`npm run idp\`) first`, false);
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) fail(answer.error_description || `the identity provider answered ${response.status}`, false);
  process.stdout.write(`${answer.access_token}\n`);
}

void main();
