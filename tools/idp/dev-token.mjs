/**
 * `POST /dev/token`: a token for scripts and manual calls (`npm run token`), signed with the
 * same key, issuer and audience as the tokens of the sign-in flow. Body: `{ "account": "<sub>" }`
 * for a demo account, or `{ "role", "org", "sub", "name" }` for anyone; optional `expires_in`
 * in seconds. Exists only because the whole provider is for development.
 */
import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { claimsOf, findDemoAccount } from './accounts.mjs';
import { ROLES, ROLES_WITH_ORGANISATION } from './config.mjs';

const MAX_TTL_S = 24 * 60 * 60;

export class DevTokenError extends Error {}

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(payload, signingKey) {
  const header = { alg: 'RS256', typ: 'at+jwt', kid: signingKey.kid };
  const input = `${base64url(header)}.${base64url(payload)}`;
  const signature = sign('sha256', Buffer.from(input), createPrivateKey({ key: signingKey, format: 'jwk' }));
  return `${input}.${signature.toString('base64url')}`;
}

function subjectOf(body, config) {
  if (typeof body.account === 'string') {
    const account = findDemoAccount(config.organisationsFile, body.account);
    if (!account) throw new DevTokenError(`no demo account "${body.account}" (the sign-in page lists them)`);
    return { sub: account.sub, ...claimsOf(account) };
  }
  const { role, org, sub, name } = body;
  if (!ROLES.includes(role)) throw new DevTokenError(`role must be one of ${ROLES.join(', ')}`);
  if (org !== undefined && org !== null && (typeof org !== 'string' || !org))
    throw new DevTokenError('org must be a non-empty string when given');
  if (ROLES_WITH_ORGANISATION.includes(role) && !org) throw new DevTokenError(`the role ${role} needs an org`);
  const subject = typeof sub === 'string' && sub ? sub : `dev-${role}`;
  return {
    sub: subject,
    role,
    name: typeof name === 'string' && name ? name : `Dev ${role.replace('_', ' ')}`,
    ...(org ? { org } : {}),
  };
}

export function devToken(body, config, signingKey) {
  if (!body || typeof body !== 'object')
    throw new DevTokenError('send a JSON object: { "account": "<sub>" } or { "role", "org", "sub", "name" }');
  const ttl = body.expires_in === undefined ? config.accessTokenTtl : Number(body.expires_in);
  if (!Number.isInteger(ttl) || ttl <= 0 || ttl > MAX_TTL_S)
    throw new DevTokenError(`expires_in must be whole seconds between 1 and ${MAX_TTL_S}`);
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    ...subjectOf(body, config),
    iss: config.issuer,
    aud: config.audience,
    iat: now,
    exp: now + ttl,
    jti: randomUUID(),
  };
  return { access_token: signJwt(payload, signingKey), token_type: 'Bearer', expires_in: ttl };
}
