import type { AuthModuleOptions } from '@rj/shared/auth';
import type { BaseServiceEnv } from './base-service-env';

/** Failed authentications per window when AUTH_FAILURE_LIMIT is unset. */
export const DEFAULT_AUTH_FAILURE_LIMIT = 20;
/** Under NODE_ENV=test every suite calls from 127.0.0.1: a limit they cannot trip by accident. */
export const TEST_AUTH_FAILURE_LIMIT = 10_000;

/**
 * True when the HS256 shared secret is accepted: in automated tests, and for a service run
 * alone without an identity provider in development. Whenever a JWKS is configured outside
 * tests — `npm start`, production — only the identity provider's RS256 tokens are, so a
 * leaked shared secret mints nobody, service or person.
 */
export function sharedSecretAccepted(config: Pick<BaseServiceEnv, 'NODE_ENV' | 'AUTH_JWKS_URL'>): boolean {
  if (config.NODE_ENV === 'production') return false;
  return config.NODE_ENV === 'test' || !config.AUTH_JWKS_URL;
}

/** The AuthModule's options from a service's validated config. */
export function authSettingsOf(config: BaseServiceEnv): AuthModuleOptions {
  return {
    jwtSecret: sharedSecretAccepted(config) ? config.AUTH_JWT_SECRET : undefined,
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    jwksMinRefreshMs: config.AUTH_JWKS_MIN_REFRESH_MS,
    failedAuthLimit: {
      redisUrl: config.REDIS_URL,
      limit:
        config.AUTH_FAILURE_LIMIT ??
        (config.NODE_ENV === 'test' ? TEST_AUTH_FAILURE_LIMIT : DEFAULT_AUTH_FAILURE_LIMIT),
      windowSeconds: config.AUTH_FAILURE_WINDOW_S,
      keyPrefix:
        config.AUTH_FAILURE_KEY_PREFIX ??
        `rj:auth-failures:${config.KAFKA_TOPIC_PREFIX ? `${config.KAFKA_TOPIC_PREFIX}:` : ''}`,
    },
  };
}
