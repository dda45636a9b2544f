import { ClientCredentialsTokenSource } from './client-credentials';
import { mintServiceToken } from './mint-token';

export interface ServiceTokenSettings {
  /** The calling service (its client id unless `clientId` says otherwise). */
  serviceName: string;
  nodeEnv: string;
  /** AUTH_CLIENT_ID, AUTH_CLIENT_SECRET: the service's own credentials at the identity provider. */
  clientId?: string;
  clientSecret?: string;
  /** AUTH_ISSUER (discovery) or AUTH_TOKEN_URL. */
  issuer?: string;
  tokenUrl?: string;
  /** AUTH_JWT_SECRET: tests mint HS256 service tokens with it instead. */
  jwtSecret?: string;
}

/** How long a minted test token is reused before a new one is minted (it lives 15 minutes). */
const MINTED_REUSE_MS = 10 * 60_000;

/**
 * Where a service's token for calling another service comes from: the identity provider by
 * client credentials when the service has a secret there (development under `npm start`,
 * production); otherwise, outside production only, a token minted with the tests' shared
 * secret. Production without credentials is refused here, at start-up.
 */
export function serviceTokenSource(settings: ServiceTokenSettings): () => Promise<string> {
  if (settings.clientSecret) {
    const source = new ClientCredentialsTokenSource({
      issuer: settings.issuer,
      tokenUrl: settings.tokenUrl,
      clientId: settings.clientId ?? settings.serviceName,
      clientSecret: settings.clientSecret,
    });
    return () => source.token();
  }
  if (settings.nodeEnv === 'production' || !settings.jwtSecret) {
    throw new Error(
      `${settings.serviceName} needs AUTH_CLIENT_SECRET (and AUTH_ISSUER or AUTH_TOKEN_URL) to get service tokens from the identity provider`,
    );
  }
  const secret = settings.jwtSecret;
  let minted: { token: string; at: number } | undefined;
  return async () => {
    if (!minted || Date.now() - minted.at > MINTED_REUSE_MS)
      minted = { token: mintServiceToken(settings.serviceName, secret), at: Date.now() };
    return minted.token;
  };
}
