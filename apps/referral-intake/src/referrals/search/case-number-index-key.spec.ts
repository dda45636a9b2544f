import { randomBytes } from 'node:crypto';
import { validateConfig } from '@rj/shared/service';
import { ReferralIntakeEnv } from '../../referral-intake.env';
import { DEV_CASE_NUMBER_INDEX_KEY } from './case-number-index-key';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://rj:pw@db:5432/rj_referral_intake',
  AUTH_JWT_SECRET: 'a-production-secret-of-enough-length-000',
  AUTH_JWKS_URL: 'https://idp.example/jwks.json',
  AUTH_ISSUER: 'https://idp.example/',
  AUTH_AUDIENCE: 'rj-platform',
  PII_MASTER_KEYS: `mk1:${randomBytes(32).toString('base64')}`,
};

describe('CASE_NUMBER_INDEX_KEY', () => {
  it('uses the development key outside production', () => {
    expect(validateConfig(ReferralIntakeEnv, { NODE_ENV: 'development' }).config?.CASE_NUMBER_INDEX_KEY).toBe(
      DEV_CASE_NUMBER_INDEX_KEY,
    );
  });

  it('accepts a key of its own in production', () => {
    expect(
      validateConfig(ReferralIntakeEnv, { ...PRODUCTION, CASE_NUMBER_INDEX_KEY: randomBytes(32).toString('base64') })
        .errors,
    ).toBeUndefined();
  });

  it('refuses the development key in production, also when left to its default', () => {
    expect(validateConfig(ReferralIntakeEnv, PRODUCTION).errors).toEqual([
      '[config] CASE_NUMBER_INDEX_KEY: is required',
    ]);
    expect(
      validateConfig(ReferralIntakeEnv, { ...PRODUCTION, CASE_NUMBER_INDEX_KEY: DEV_CASE_NUMBER_INDEX_KEY }).errors,
    ).toEqual(['[config] CASE_NUMBER_INDEX_KEY: holds the development key; production needs a key of its own']);
  });

  it('refuses a short or malformed key without printing it', () => {
    const short = randomBytes(16).toString('base64');
    const errors =
      validateConfig(ReferralIntakeEnv, { NODE_ENV: 'development', CASE_NUMBER_INDEX_KEY: short }).errors ?? [];
    expect(errors).toEqual(['[config] CASE_NUMBER_INDEX_KEY: must decode to at least 32 bytes, got 16']);
    expect(errors.join()).not.toContain(short);
    expect(
      validateConfig(ReferralIntakeEnv, { NODE_ENV: 'development', CASE_NUMBER_INDEX_KEY: 'not base64!' }).errors,
    ).toEqual(['[config] CASE_NUMBER_INDEX_KEY: must be base64']);
  });
});
