#!/usr/bin/env node
/**
 * The development OpenID Connect provider (`npm run idp`; `npm start` runs it first). People
 * sign in by choosing a demo account; services get tokens by client credentials; scripts get
 * one from POST /dev/token. Access tokens are RS256 JWTs the services verify through the
 * JWKS, exactly as they verify the organisation's provider in production. Development only.
 * See docs/sign-in.md.
 */
import { createServer } from 'node:http';
import { demoAccounts } from './accounts.mjs';
import { readConfig } from './config.mjs';
import { DevTokenError, devToken } from './dev-token.mjs';
import { errorPage, homePage, signInPage } from './pages.mjs';
import { createProvider } from './provider.mjs';
import { loadOrCreateKeys } from './signing-key.mjs';

const BODY_LIMIT = 64 * 1024;

if (process.env.NODE_ENV === 'production') {
  process.stderr.write(
    '[idp] refusing to start: this identity provider is for development only (NODE_ENV=production)\n',
  );
  process.exit(1);
}

const config = readConfig();
const keys = loadOrCreateKeys(config.keyFile);
const provider = createProvider(config, keys);
const callback = provider.callback();

function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res, status, contentType, body, headers = {}) {
  res.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

const html = (res, status, body) =>
  send(res, status, 'text/html; charset=utf-8', body, {
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  });
const json = (res, status, body) => send(res, status, 'application/json', JSON.stringify(body));

async function showInteraction(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    html(
      res,
      200,
      signInPage({ action: `/interaction/${uid}/login`, accounts: demoAccounts(config.organisationsFile) }),
    );
    return;
  }
  // Consent is granted by loadExistingGrant for our first-party client; nothing to ask.
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  grant.addOIDCScope('openid profile offline_access');
  grant.addResourceScope(config.resource, 'api');
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
}

async function finishLogin(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  const chosen = new URLSearchParams(await readBody(req)).get('account');
  const accounts = demoAccounts(config.organisationsFile);
  if (!chosen || !accounts.some((account) => account.sub === chosen)) {
    html(
      res,
      400,
      signInPage({ action: `/interaction/${uid}/login`, accounts, error: 'Choose the account to sign in as.' }),
    );
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: chosen } }, { mergeWithLastSubmission: false });
}

async function issueDevToken(req, res) {
  let body;
  try {
    body = JSON.parse((await readBody(req)) || 'null');
  } catch {
    json(res, 400, { error: 'invalid_request', error_description: 'the body must be JSON' });
    return;
  }
  try {
    json(res, 200, devToken(body, config, keys.signingKey));
  } catch (error) {
    if (!(error instanceof DevTokenError)) throw error;
    json(res, 400, { error: 'invalid_request', error_description: error.message });
  }
}

/**
 * Leniency for clients written against other providers: the bare audience as a resource
 * indicator means our resource, and the console's secret may come in the body or in Basic.
 */
async function normalise(req) {
  const url = new URL(req.url, config.issuer);
  if (url.searchParams.get('resource') === config.audience) {
    url.searchParams.set('resource', config.resource);
    req.url = `${url.pathname}${url.search}`;
  }
  if (
    req.method !== 'POST' ||
    !String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
  )
    return;
  const form = new URLSearchParams(await readBody(req));
  if (form.getAll('resource').includes(config.audience)) form.set('resource', config.resource);
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  if (clientId && clientSecret && !req.headers.authorization && req.url.startsWith('/token')) {
    req.headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
    form.delete('client_id');
    form.delete('client_secret');
  }
  const body = form.toString();
  req.body = body;
  req.headers['content-length'] = String(Buffer.byteLength(body));
}

const server = createServer(async (req, res) => {
  try {
    const { pathname } = new URL(req.url, config.issuer);
    const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(pathname);
    if (pathname === '/' && req.method === 'GET') return html(res, 200, homePage({ issuer: config.issuer }));
    if (pathname === '/dev/token' && req.method === 'POST') return await issueDevToken(req, res);
    if (interaction && !interaction[2] && req.method === 'GET') return await showInteraction(req, res, interaction[1]);
    if (interaction && interaction[2] && req.method === 'POST') return await finishLogin(req, res, interaction[1]);
    await normalise(req);
    return callback(req, res);
  } catch (error) {
    const expired = error?.name === 'SessionNotFound';
    if (!res.headersSent) {
      html(
        res,
        expired ? 400 : 500,
        errorPage({
          error: expired ? 'session_expired' : 'server_error',
          description: expired
            ? 'This sign-in took too long or was already used. Start again from the console.'
            : 'Something went wrong in the development identity provider.',
        }),
      );
    }
    if (!expired) process.stderr.write(`[idp] ${error?.stack ?? error}\n`);
  }
});

server.listen(config.port, config.host, () => {
  process.stdout.write(`[idp] development identity provider ready at ${config.issuer} (audience ${config.audience})\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
