/**
 * The oidc-provider configuration: the console's client (authorization code + PKCE), one
 * client-credentials client per service, JWT access tokens for the services' audience through
 * a default resource indicator, and the platform's claims (`role`, `org`, `name`) in both
 * access and ID tokens.
 */
import Provider from 'oidc-provider';
import { claimsOf, demoAccounts, findDemoAccount } from './accounts.mjs';
import { MemoryAdapter } from './memory-adapter.mjs';
import { SERVICE_CLIENTS } from './config.mjs';
import { signOutPage, signedOutPage, errorPage } from './pages.mjs';

/** The resource server's only scope; the token's audience is what matters to the services. */
const API_SCOPE = 'api';

function clients(config) {
  return [
    {
      client_id: 'rj-console',
      client_secret: config.consoleSecret,
      redirect_uris: config.consoleRedirectUris,
      post_logout_redirect_uris: config.consolePostLogoutUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    ...SERVICE_CLIENTS.map((clientId) => ({
      client_id: clientId,
      client_secret: config.serviceSecret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
  ];
}

export function createProvider(config, keys) {
  const account = (sub) => findDemoAccount(config.organisationsFile, sub);
  const resourceServer = {
    scope: API_SCOPE,
    audience: config.audience,
    accessTokenFormat: 'jwt',
    accessTokenTTL: config.accessTokenTtl,
    jwt: { sign: { alg: 'RS256' } },
  };

  const provider = new Provider(config.issuer, {
    adapter: MemoryAdapter,
    clients: clients(config),
    jwks: { keys: [keys.signingKey] },
    cookies: { keys: keys.cookieKeys },
    claims: { openid: ['sub'], profile: ['name', 'role', 'org'] },
    // The ID token carries name, role and org itself (the console reads them from it).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: {
      AccessToken: config.accessTokenTtl,
      ClientCredentials: config.accessTokenTtl,
      IdToken: config.accessTokenTtl,
      Interaction: 15 * 60,
      Session: 12 * 60 * 60,
      Grant: 12 * 60 * 60,
      AuthorizationCode: 60,
      RefreshToken: 12 * 60 * 60,
    },
    async findAccount(_ctx, sub) {
      const found = account(sub);
      if (!found) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claimsOf(found) }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // A first-party client: grant it the scopes and the platform resource without a consent page.
    async loadExistingGrant(ctx) {
      const clientId = ctx.oidc.client.clientId;
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile offline_access');
      grant.addOIDCClaims(['name', 'role', 'org']);
      grant.addResourceScope(config.resource, API_SCOPE);
      await grant.save();
      ctx.oidc.session.grantIdFor(clientId, grant.jti);
      return grant;
    },
    async extraTokenClaims(_ctx, token) {
      // Client credentials: the service itself; `sub` is already its client_id.
      if (token.kind === 'ClientCredentials') return { role: 'service', name: token.clientId };
      const found = token.accountId ? account(token.accountId) : undefined;
      return found ? claimsOf(found) : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => config.resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== config.resource)
            throw new Provider.errors.InvalidTarget(`the only resource is ${config.resource}`);
          return resourceServer;
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = signOutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage({ error: out.error, description: out.error_description });
    },
  });
  provider.proxy = false;
  return provider;
}

export { demoAccounts };
