'use strict';
/**
 * The environments `npm start` gives the web console and the demo seed, and the lines it
 * prints when everything is up. Pure functions, so the tests can check them without starting
 * anything.
 */

/** The public URL of each service under `npm start`, by name. */
function serviceUrls(services) {
  return Object.fromEntries(services.map((service) => [service.name, `http://127.0.0.1:${service.port}`]));
}

const URL_VARIABLES = {
  'referral-intake': 'REFERRAL_INTAKE_URL',
  'partner-matching': 'PARTNER_MATCHING_URL',
  'mediation-scheduling': 'MEDIATION_SCHEDULING_URL',
  'outcome-tracking': 'OUTCOME_TRACKING_URL',
  'audit-ledger': 'AUDIT_LEDGER_URL',
};

/**
 * The console signs people in at the provider and calls the five services with their token.
 * It gets no service credential and no key store: it decides nothing and decrypts nothing.
 */
function consoleEnv(baseEnv, { port, issuer, urls }) {
  const env = { ...baseEnv, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, OIDC_ISSUER: issuer };
  for (const name of [
    'AUTH_JWT_SECRET',
    'AUTH_CLIENT_ID',
    'AUTH_CLIENT_SECRET',
    'AUTH_TOKEN_URL',
    'SERVICE_TOKEN',
    'PII_KEY_STORE_URL',
    'DATABASE_URL',
  ])
    delete env[name];
  for (const [service, variable] of Object.entries(URL_VARIABLES)) if (urls[service]) env[variable] = urls[service];
  return env;
}

/** The seed reads the services' URLs as RJ_URL_<SERVICE> and asks the provider for tokens. */
function seedEnv(baseEnv, { issuer, urls }) {
  const env = { ...baseEnv, IDP_ISSUER: issuer };
  for (const [service, url] of Object.entries(urls)) env[`RJ_URL_${service.toUpperCase().replace(/-/g, '_')}`] = url;
  return env;
}

/**
 * What `npm start` prints once everything answers: the console first (where a person starts),
 * then the services, the mail catcher and how to get a token for the API.
 */
function readyLines({ seconds, consoleUrl, issuer, jwksUri, services, mail, seed }) {
  const lines = [`ready in ${seconds} s.`, '', `  Open ${consoleUrl} and sign in with a demo account.`];
  if (seed) lines.push(`  ${seed}`);
  lines.push('');
  lines.push(`  ${'web console'.padEnd(22)} ${consoleUrl}`);
  lines.push(
    `  ${'identity provider'.padEnd(22)} ${issuer}  (development sign-in; tokens verified through ${jwksUri})`,
  );
  for (const service of services) {
    lines.push(
      `  ${service.name.padEnd(22)} http://127.0.0.1:${service.port}  (docs /api/docs)${service.extra ? `; ${service.extra}` : ''}`,
    );
  }
  lines.push(`  ${'mail catcher'.padEnd(22)} ${mail}`);
  lines.push('');
  lines.push('  A token for the API: npm run token -- --account admin-1 (or --role/--org). Ctrl-C stops everything.');
  return lines;
}

module.exports = { consoleEnv, readyLines, seedEnv, serviceUrls };
