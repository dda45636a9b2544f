import type { Provider } from '@nestjs/common';
import { mintServiceToken } from '@rj/shared/auth';
import { KeyStoreClient } from '@rj/shared/pii';
import { SERVICE_CONFIG } from '@rj/shared/service';
import type { MediationSchedulingEnv } from '../mediation-scheduling.env';

const TOKEN_REFRESH_MS = 10 * 60_000;

/**
 * The one KeyStoreClient of the process, so `forget` on referral.personal_data_erased drops
 * the key every reader uses. A pre-issued SERVICE_TOKEN (production) wins; otherwise a
 * short-lived service token is minted and renewed before its 15 minutes run out.
 */
export const keyStoreProvider: Provider = {
  provide: KeyStoreClient,
  inject: [SERVICE_CONFIG],
  useFactory: (config: MediationSchedulingEnv) => {
    let minted: { token: string; at: number } | undefined;
    const serviceToken = () => {
      if (config.SERVICE_TOKEN) return config.SERVICE_TOKEN;
      if (!minted || Date.now() - minted.at > TOKEN_REFRESH_MS) {
        minted = { token: mintServiceToken('mediation-scheduling', config.AUTH_JWT_SECRET), at: Date.now() };
      }
      return minted.token;
    };
    return new KeyStoreClient({ baseUrl: config.PII_KEY_STORE_URL.replace(/\/$/, ''), serviceToken, ttlMs: config.KEY_CACHE_TTL_MS });
  },
};
