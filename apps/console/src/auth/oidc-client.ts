import * as oidc from 'openid-client';
import type { ConsoleEnv } from '../console.env';
import type { PendingSignIn, SessionUser } from '../platform/session-user';
import { claimsToUser } from './claims';

/**
 * The console as an OpenID Connect client: authorization code with PKCE (S256), state and
 * nonce, against the configured issuer. openid-client is ESM-only; Node 24 loads it with
 * require(), so this one file is the only place that touches it (jest never loads it).
 */
export class OidcClient {
  private constructor(
    private readonly configuration: oidc.Configuration,
    private readonly settings: ConsoleEnv,
  ) {}

  static async discover(settings: ConsoleEnv): Promise<OidcClient> {
    const insecure = settings.OIDC_ISSUER.startsWith('http:');
    const configuration = await oidc.discovery(
      new URL(settings.OIDC_ISSUER),
      settings.OIDC_CLIENT_ID,
      undefined,
      oidc.ClientSecretBasic(settings.OIDC_CLIENT_SECRET),
      // The development provider runs on plain http on loopback; production is https only
      // (validateConsoleConfig refuses an http PUBLIC_URL in production).
      insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    return new OidcClient(configuration, settings);
  }

  get redirectUri(): string {
    return new URL('/auth/callback', this.settings.PUBLIC_URL).toString();
  }

  /** Where to send the browser to sign in, and what the callback must find in the session. */
  async startSignIn(returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const pending: PendingSignIn = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier, returnTo };
    const parameters: Record<string, string> = {
      redirect_uri: this.redirectUri,
      scope: this.settings.OIDC_SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    };
    if (this.settings.OIDC_RESOURCE) parameters['resource'] = this.settings.OIDC_RESOURCE;
    return { url: oidc.buildAuthorizationUrl(this.configuration, parameters).toString(), pending };
  }

  /** Exchanges the code of the callback URL for tokens and reads who signed in. */
  async finishSignIn(callbackUrl: URL, pending: PendingSignIn): Promise<SessionUser> {
    const tokens = await oidc.authorizationCodeGrant(
      this.configuration,
      callbackUrl,
      {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      },
      this.settings.OIDC_RESOURCE ? { resource: this.settings.OIDC_RESOURCE } : undefined,
    );
    const idClaims = tokens.claims() ?? {};
    const accessClaims = decodeJwtPayload(tokens.access_token);
    return claimsToUser({ ...accessClaims, ...idClaims }, tokens.access_token, tokens.id_token, tokens.expiresIn());
  }

  /** The provider's end-session URL, so signing out ends the provider's session too. */
  signOutUrl(idToken: string | undefined): string {
    const parameters: Record<string, string> = {
      post_logout_redirect_uri: new URL('/signed-out', this.settings.PUBLIC_URL).toString(),
    };
    if (idToken) parameters['id_token_hint'] = idToken;
    else parameters['client_id'] = this.settings.OIDC_CLIENT_ID;
    return oidc.buildEndSessionUrl(this.configuration, parameters).toString();
  }
}

/**
 * The access token's claims, read without verifying: it came straight from the token endpoint
 * over the back channel, and the services verify it on every call.
 */
function decodeJwtPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
