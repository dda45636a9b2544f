import { randomBytes } from 'node:crypto';
import { DEV_MASTER_KEYS } from '@rj/shared/pii';
import { validateConfig } from '@rj/shared/service';
import { missingFromEnvExample } from '@rj/shared/testing';
import { ReferralIntakeEnv } from './referral-intake.env';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://rj:pw@db:5432/rj_referral_intake',
  AUTH_JWT_SECRET: 'a-production-secret-of-enough-length-000',
  AUTH_JWKS_URL: 'https://idp.example/jwks.json',
  AUTH_ISSUER: 'https://idp.example/',
  AUTH_AUDIENCE: 'rj-platform',
  CASE_NUMBER_INDEX_KEY: randomBytes(32).toString('base64'),
};
const ownKey = `mk1:${randomBytes(32).toString('base64')}`;

describe('ReferralIntakeEnv', () => {
  it('is documented variable by variable in .env.example', () => {
    expect(missingFromEnvExample(ReferralIntakeEnv)).toEqual([]);
  });

  it('serves the key store on 4001 and uses the development master key outside production', () => {
    const { config } = validateConfig(ReferralIntakeEnv, { NODE_ENV: 'development' });
    expect(config).toMatchObject({
      PORT: 3001,
      INTERNAL_PORT: 4001,
      PII_MASTER_KEYS: DEV_MASTER_KEYS,
      DEADLINE_RISK_DAYS: 14,
      JOBS_PREFIX: 'rj-referral-intake',
    });
  });

  it('keeps the key store off the public port', () => {
    expect(
      validateConfig(ReferralIntakeEnv, { NODE_ENV: 'development', PORT: '4001', INTERNAL_PORT: '4001' }).errors,
    ).toEqual([
      '[config] INTERNAL_PORT: must differ from PORT: the key store never shares the public listener (got "4001")',
    ]);
  });

  it('accepts production master keys of its own', () => {
    expect(validateConfig(ReferralIntakeEnv, { ...PRODUCTION, PII_MASTER_KEYS: ownKey }).errors).toBeUndefined();
  });

  it('refuses the development master key in production, also when left to its default or listed second', () => {
    const line = '[config] PII_MASTER_KEYS: holds the development master key; production needs keys of its own';
    expect(validateConfig(ReferralIntakeEnv, PRODUCTION).errors).toEqual(['[config] PII_MASTER_KEYS: is required']);
    expect(validateConfig(ReferralIntakeEnv, { ...PRODUCTION, PII_MASTER_KEYS: DEV_MASTER_KEYS }).errors).toEqual([
      line,
    ]);
    expect(
      validateConfig(ReferralIntakeEnv, { ...PRODUCTION, PII_MASTER_KEYS: `${ownKey},${DEV_MASTER_KEYS}` }).errors,
    ).toEqual([line]);
  });

  it('names a malformed master key without printing it', () => {
    const short = `mk1:${randomBytes(16).toString('base64')}`;
    const errors = validateConfig(ReferralIntakeEnv, { NODE_ENV: 'development', PII_MASTER_KEYS: short }).errors ?? [];
    expect(errors).toEqual(['[config] PII_MASTER_KEYS: master keys: mk1 must decode to 32 bytes (AES-256), got 16']);
    expect(errors.join()).not.toContain(short.slice(4));
  });
});
