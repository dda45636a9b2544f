import { DependencyUnavailable } from '@rj/shared/contracts';

export interface ClientCredentialsOptions {
  /** The identity provider; its token endpoint is read from its discovery document. */
  issuer?: string;
  /** The token endpoint itself, when discovery is not wanted (AUTH_TOKEN_URL). */
  tokenUrl?: string;
  clientId: string;
  clientSecret: string;
  /** Renew once this share of the token's lifetime has passed (default 0.75). */
  refreshAt?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

interface HeldToken {
  token: string;
  refreshAt: number;
  expiresAt: number;
}

/**
 * A service's own access token, obtained from the identity provider by the OAuth client
 * credentials grant (client_secret_basic) and kept until three quarters of its lifetime,
 * then renewed; concurrent callers share one request. If a renewal fails while the old token
 * is still valid, the old one is used (the provider may be restarting). A rotated secret
 * takes effect with the next renewal; nothing is read once and kept forever.
 */
export class ClientCredentialsTokenSource {
  private held?: HeldToken;
  private inFlight?: Promise<HeldToken>;
  private tokenEndpoint?: string;
  /** How many tokens were requested (tests). */
  requests = 0;
  private readonly now: () => number;

  constructor(private readonly options: ClientCredentialsOptions) {
    if (!options.issuer && !options.tokenUrl)
      throw new Error('ClientCredentialsTokenSource needs an issuer or a token URL');
    this.tokenEndpoint = options.tokenUrl;
    this.now = options.now ?? Date.now;
  }

  async token(): Promise<string> {
    const held = this.held;
    if (held && this.now() < held.refreshAt) return held.token;
    try {
      return (await this.renew()).token;
    } catch (error) {
      if (held && this.now() < held.expiresAt - 5_000) return held.token;
      throw error;
    }
  }

  private renew(): Promise<HeldToken> {
    this.inFlight ??= this.request().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async request(): Promise<HeldToken> {
    const fetchImpl = this.options.fetchImpl ?? fetch;
    const signal = () => AbortSignal.timeout(this.options.timeoutMs ?? 5000);
    try {
      this.tokenEndpoint ??= await this.discoverTokenEndpoint(fetchImpl, signal());
      this.requests += 1;
      const basic = Buffer.from(
        `${encodeURIComponent(this.options.clientId)}:${encodeURIComponent(this.options.clientSecret)}`,
      ).toString('base64');
      const requestedAt = this.now();
      const response = await fetchImpl(this.tokenEndpoint, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
        signal: signal(),
      });
      const body = (await response.json().catch(() => ({}))) as {
        access_token?: unknown;
        expires_in?: unknown;
        error?: unknown;
      };
      if (!response.ok || typeof body.access_token !== 'string') {
        throw new Error(
          `the token endpoint answered ${response.status}${typeof body.error === 'string' ? ` (${body.error})` : ''}`,
        );
      }
      const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300) * 1000;
      this.held = {
        token: body.access_token,
        refreshAt: requestedAt + lifetimeMs * (this.options.refreshAt ?? 0.75),
        expiresAt: requestedAt + lifetimeMs,
      };
      return this.held;
    } catch (error) {
      throw new DependencyUnavailable(`no service token from the identity provider: ${(error as Error).message}`);
    }
  }

  private async discoverTokenEndpoint(fetchImpl: typeof fetch, signal: AbortSignal): Promise<string> {
    const url = `${(this.options.issuer ?? '').replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetchImpl(url, { signal, headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`discovery at ${url} answered ${response.status}`);
    const { token_endpoint: endpoint } = (await response.json()) as { token_endpoint?: unknown };
    if (typeof endpoint !== 'string') throw new Error(`discovery at ${url} names no token_endpoint`);
    return endpoint;
  }
}
