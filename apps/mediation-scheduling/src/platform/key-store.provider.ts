import type { Provider } from '@nestjs/common';
import { serviceTokenSource } from '@rj/shared/auth';
import { KeyStoreClient } from '@rj/shared/pii';
import { SERVICE_CONFIG } from '@rj/shared/service';
import type { MediationSchedulingEnv } from '../mediation-scheduling.env';

/**
 * The one KeyStoreClient of the process, so `forget` on referral.personal_data_erased drops
 * the key every reader uses. It calls the key store as mediation-scheduling itself: a token
 * from the identity provider by client credentials (AUTH_CLIENT_ID/AUTH_CLIENT_SECRET),
 * renewed before expiry; in tests, an HS256 token minted with the tests' secret.
 */
export const keyStoreProvider: Provider = {
  provide: KeyStoreClient,
  inject: [SERVICE_CONFIG],
  useFactory: (config: MediationSchedulingEnv) => {
    const serviceToken = serviceTokenSource({
      serviceName: 'mediation-scheduling',
      nodeEnv: config.NODE_ENV,
      clientId: config.AUTH_CLIENT_ID,
      clientSecret: config.AUTH_CLIENT_SECRET,
      issuer: config.AUTH_ISSUER,
      tokenUrl: config.AUTH_TOKEN_URL,
      jwtSecret: config.AUTH_JWT_SECRET,
    });
    return new KeyStoreClient({
      baseUrl: config.PII_KEY_STORE_URL.replace(/\/$/, ''),
      serviceToken,
      ttlMs: config.KEY_CACHE_TTL_MS,
    });
  },
};
