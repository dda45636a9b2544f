/**
 * The development identity provider's settings, from the environment (IDP_*), with defaults
 * that fit `npm start` on one machine. Nothing here is a secret worth keeping: the provider
 * refuses to run in production.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The services that may ask for a token by client credentials (their client_id). */
export const SERVICE_CLIENTS = [
  'referral-intake',
  'partner-matching',
  'mediation-scheduling',
  'outcome-tracking',
  'audit-ledger',
];

/** Roles a token may carry (kept in step with ROLES of libs/shared/contracts). */
export const ROLES = ['prosecutor', 'partner_admin', 'mediator', 'auditor', 'admin', 'service'];

/** Roles whose tokens must name an organisation (an office or a partner). */
export const ROLES_WITH_ORGANISATION = ['prosecutor', 'partner_admin', 'mediator'];

const list = (value, fallback) =>
  (value ?? fallback)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function positiveInteger(name, value, fallback) {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0)
    throw new Error(`${name} must be a positive whole number (got "${value}")`);
  return number;
}

export function readConfig(env = process.env) {
  const port = positiveInteger('IDP_PORT', env.IDP_PORT, 3100);
  const audience = env.IDP_AUDIENCE || 'rj-platform';
  return {
    port,
    host: env.IDP_HOST || '127.0.0.1',
    issuer: (env.IDP_ISSUER || `http://127.0.0.1:${port}`).replace(/\/$/, ''),
    audience,
    // oidc-provider takes only absolute URIs as resource indicators; a bare audience such as
    // "rj-platform" is wrapped into a URN, and a client asking for the bare name gets it too.
    resource: /^[a-z][a-z0-9+.-]*:/i.test(audience) ? audience : `urn:rj:${audience}`,
    accessTokenTtl: positiveInteger('IDP_ACCESS_TOKEN_TTL', env.IDP_ACCESS_TOKEN_TTL, 15 * 60),
    consoleSecret: env.IDP_CONSOLE_SECRET || 'dev-console-secret',
    consoleRedirectUris: list(env.IDP_CONSOLE_REDIRECT_URIS, 'http://127.0.0.1:3000/auth/callback'),
    consolePostLogoutUris: list(env.IDP_CONSOLE_POST_LOGOUT_URIS, 'http://127.0.0.1:3000/signed-out'),
    serviceSecret: env.IDP_SERVICE_SECRET || 'dev-service-secret',
    organisationsFile: path.resolve(ROOT, env.DEMO_ORGANISATIONS_FILE || '.cache/demo/organisations.json'),
    keyFile: path.resolve(ROOT, env.IDP_KEY_FILE || '.cache/idp/signing-key.json'),
  };
}
