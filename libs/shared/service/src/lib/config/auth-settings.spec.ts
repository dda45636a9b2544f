import { DEV_JWT_SECRET } from '@rj/shared/auth';
import {
  authSettingsOf,
  DEFAULT_AUTH_FAILURE_LIMIT,
  sharedSecretAccepted,
  TEST_AUTH_FAILURE_LIMIT,
} from './auth-settings';
import { BaseServiceEnv } from './base-service-env';
import { validateConfig } from './validate-config';

const BASE = { PORT: '3001', DATABASE_URL: 'postgres://rj@127.0.0.1:5432/referral' };
const IDP = {
  AUTH_JWKS_URL: 'https://idp.example/jwks',
  AUTH_ISSUER: 'https://idp.example',
  AUTH_AUDIENCE: 'rj-platform',
};
const settings = (env: Record<string, string>) => {
  const { config, errors } = validateConfig(BaseServiceEnv, { ...BASE, ...env });
  if (errors) throw new Error(errors.join('\n'));
  return authSettingsOf(config);
};

describe('hardening 2: in production only asymmetric (JWKS) service tokens are accepted', () => {
  it('gives the verifier no shared secret in production, even when one is configured', () => {
    const options = settings({
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'a-production-secret-of-enough-length-000',
      ...IDP,
    });
    expect(options.jwtSecret).toBeUndefined();
    expect(options.jwksUrl).toBe(IDP.AUTH_JWKS_URL);
  });

  it('gives it none under npm start either (development with the identity provider)', () => {
    expect(settings({ NODE_ENV: 'development', ...IDP }).jwtSecret).toBeUndefined();
    expect(sharedSecretAccepted({ NODE_ENV: 'development', AUTH_JWKS_URL: IDP.AUTH_JWKS_URL })).toBe(false);
  });

  it('keeps HS256 for automated tests, and for a service run alone without a provider', () => {
    expect(settings({ NODE_ENV: 'test', ...IDP }).jwtSecret).toBe(DEV_JWT_SECRET);
    expect(settings({ NODE_ENV: 'development' }).jwtSecret).toBe(DEV_JWT_SECRET);
  });
});

describe('hardening 1: failed authentication is limited per client', () => {
  it('allows 20 failures a minute by default, a limit no test suite trips under NODE_ENV=test, and takes overrides', () => {
    expect(settings({ NODE_ENV: 'development', ...IDP }).failedAuthLimit).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      limit: DEFAULT_AUTH_FAILURE_LIMIT,
      windowSeconds: 60,
      keyPrefix: 'rj:auth-failures:',
    });
    expect(settings({ NODE_ENV: 'test' }).failedAuthLimit?.limit).toBe(TEST_AUTH_FAILURE_LIMIT);
    // Environments sharing a Redis keep their own counters, as they keep their own topics.
    expect(settings({ NODE_ENV: 'test', KAFKA_TOPIC_PREFIX: 'run-42.' }).failedAuthLimit?.keyPrefix).toBe(
      'rj:auth-failures:run-42.:',
    );
    expect(
      settings({
        NODE_ENV: 'test',
        AUTH_FAILURE_LIMIT: '3',
        AUTH_FAILURE_WINDOW_S: '10',
        AUTH_FAILURE_KEY_PREFIX: 'suite-1:',
      }).failedAuthLimit,
    ).toMatchObject({ limit: 3, windowSeconds: 10, keyPrefix: 'suite-1:' });
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(validateConfig(BaseServiceEnv, { ...BASE, AUTH_FAILURE_LIMIT: '0' }).errors).toEqual([
      '[config] AUTH_FAILURE_LIMIT: must be at least 1 (got "0")',
    ]);
  });
});
