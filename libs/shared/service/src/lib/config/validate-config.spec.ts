import { IsInt } from 'class-validator';
import { DEV_JWT_SECRET } from '@rj/shared/auth';
import { BaseServiceEnv } from './base-service-env';
import { DEV_SECRETS } from './dev-secrets';
import { EnvNumber } from './env-decorators';
import { validateConfig } from './validate-config';

const VALID = { PORT: '3001', DATABASE_URL: 'postgres://rj:pw@127.0.0.1:5432/referral' };
const PRODUCTION = {
  ...VALID,
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: 'a-production-secret-of-enough-length-000',
  AUTH_JWKS_URL: 'https://idp.example/jwks.json',
  AUTH_ISSUER: 'https://idp.example/',
  AUTH_AUDIENCE: 'rj-platform',
};

class AppEnv extends BaseServiceEnv {
  @EnvNumber()
  @IsInt()
  OFFER_TTL_HOURS = 72;
}

describe('validateConfig', () => {
  it('applies the defaults and coerces numbers and lists', () => {
    const { config } = validateConfig(BaseServiceEnv, { ...VALID, KAFKA_BROKERS: 'a:9092, b:9093' });
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3001,
      BODY_LIMIT: '256kb',
      SHUTDOWN_GRACE_MS: 25000,
      KAFKA_BROKERS: ['a:9092', 'b:9093'],
      // Overload defaults (issue 15): 64 sockets accept a burst of new connections in a few turns
      // of a busy loop where 16 took seconds (refusals on new connections p50 0.7-0.9 s against 1.9 s).
      MAX_IN_FLIGHT_REQUESTS: 32,
      HTTP_ACCEPT_SOCKETS: 64,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 65000,
      DATABASE_PREPARED_STATEMENTS: true,
    });
  });

  it('turns prepared statements off with false (behind a pooler that drops them), and refuses a typo', () => {
    expect(validateConfig(BaseServiceEnv, { ...VALID, DATABASE_PREPARED_STATEMENTS: 'false' }).config).toMatchObject({
      DATABASE_PREPARED_STATEMENTS: false,
    });
    expect(validateConfig(BaseServiceEnv, { ...VALID, DATABASE_PREPARED_STATEMENTS: 'off' }).errors).toEqual([
      expect.stringContaining('[config] DATABASE_PREPARED_STATEMENTS'),
    ]);
  });

  it('fetches with the first byte by default, and bounds how long a fetch may wait for more', () => {
    expect(validateConfig(BaseServiceEnv, VALID).config).toMatchObject({
      KAFKA_FETCH_MIN_BYTES: 1,
      KAFKA_FETCH_MAX_WAIT_MS: 5000,
    });
    expect(
      validateConfig(BaseServiceEnv, { ...VALID, KAFKA_FETCH_MIN_BYTES: '65536', KAFKA_FETCH_MAX_WAIT_MS: '500' })
        .config,
    ).toMatchObject({ KAFKA_FETCH_MIN_BYTES: 65536, KAFKA_FETCH_MAX_WAIT_MS: 500 });
    // A fetch held past the consumer's session would cost the member its partitions.
    expect(validateConfig(BaseServiceEnv, { ...VALID, KAFKA_FETCH_MAX_WAIT_MS: '10000' }).errors).toEqual([
      expect.stringContaining('[config] KAFKA_FETCH_MAX_WAIT_MS: must be at most 5000 ms'),
    ]);
  });

  it('reports each missing required variable on its own line', () => {
    expect(validateConfig(BaseServiceEnv, {}).errors).toEqual([
      '[config] PORT: is required',
      '[config] DATABASE_URL: is required',
    ]);
  });

  it('reports a malformed variable with the value it got', () => {
    expect(validateConfig(BaseServiceEnv, { ...VALID, PORT: 'abc' }).errors).toEqual([
      '[config] PORT: must be a number between 0 and 65535 (got "abc")',
    ]);
  });

  it('reports several problems at once, one line each', () => {
    const { errors } = validateConfig(BaseServiceEnv, {
      PORT: '70000',
      DATABASE_URL: 'mysql://x/y',
      KAFKA_BROKERS: 'nohost',
      LOG_LEVEL: 'loud',
    });
    expect(errors).toHaveLength(4);
    expect(errors).toContain('[config] KAFKA_BROKERS: must be a comma-separated list of host:port (got "nohost")');
    expect(errors).toContain(
      '[config] DATABASE_URL: must be a URL starting with postgres:// or postgresql:// (got "mysql://x/y")',
    );
  });

  it('never prints a secret or a URL password in a problem line', () => {
    const { errors } = validateConfig(BaseServiceEnv, {
      ...VALID,
      AUTH_JWT_SECRET: 'short',
      DATABASE_URL: 'postgres://rj:hunter2@',
    });
    expect(errors!.join('\n')).not.toMatch(/short"|hunter2/);
    expect(errors).toContain('[config] AUTH_JWT_SECRET: must be at least 32 characters');
  });

  it('validates the variables an app adds to the base class', () => {
    expect(validateConfig(AppEnv, { ...VALID, OFFER_TTL_HOURS: 'soon' }).errors).toEqual([
      '[config] OFFER_TTL_HOURS: must be an integer number (got "soon")',
    ]);
    expect(validateConfig(AppEnv, VALID).config?.OFFER_TTL_HOURS).toBe(72);
  });

  it('accepts a complete production environment', () => {
    expect(validateConfig(BaseServiceEnv, PRODUCTION).errors).toBeUndefined();
  });

  it('needs no shared secret in production (it is never used there), but refuses the development one when set', () => {
    const { AUTH_JWT_SECRET: _unset, ...env } = PRODUCTION;
    expect(validateConfig(BaseServiceEnv, env).errors).toBeUndefined();
    expect(validateConfig(BaseServiceEnv, { ...env, AUTH_JWT_SECRET: DEV_JWT_SECRET }).errors).toEqual([
      '[config] AUTH_JWT_SECRET: holds a development default; production needs a secret of its own',
    ]);
  });

  it('requires the OIDC issuer settings in production, one line each', () => {
    const { AUTH_JWKS_URL: _a, AUTH_ISSUER: _b, AUTH_AUDIENCE: _c, ...env } = PRODUCTION;
    expect(validateConfig(BaseServiceEnv, env).errors).toEqual([
      '[config] AUTH_JWKS_URL: is required in production',
      '[config] AUTH_ISSUER: is required in production',
      '[config] AUTH_AUDIENCE: is required in production',
    ]);
  });

  it('refuses any *_MASTER_KEY or *_SIGNING_KEY equal to a registered development default in production', () => {
    DEV_SECRETS.add('dev-master-key-for-tests');
    const env = {
      ...PRODUCTION,
      PII_MASTER_KEY: 'dev-master-key-for-tests',
      AUDIT_SIGNING_KEY: 'dev-master-key-for-tests',
    };
    expect(validateConfig(BaseServiceEnv, env).errors).toEqual([
      '[config] PII_MASTER_KEY: holds a development default; production needs a secret of its own',
      '[config] AUDIT_SIGNING_KEY: holds a development default; production needs a secret of its own',
    ]);
    expect(validateConfig(BaseServiceEnv, { ...env, NODE_ENV: 'development' }).errors).toBeUndefined();
  });
});
