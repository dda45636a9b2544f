import { createPrivateKey } from 'node:crypto';
import { DEV_CHECKPOINT_KEY, generateCheckpointKeyPair } from '@rj/audit/domain';
import { validateConfig } from '@rj/shared/service';
import { AuditLedgerEnv } from './audit-ledger.env';

const production = { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'idp', AUTH_AUDIENCE: 'rj', AUTH_JWT_SECRET: 'x'.repeat(40) };
const problemsOf = (env: Record<string, string>) => (validateConfig(AuditLedgerEnv, env).errors ?? []).filter((line) => line.includes('AUDIT_CHECKPOINT_PRIVATE_KEY'));

describe('audit-ledger configuration', () => {
  it('signs with the public development key by default outside production', () => {
    expect(validateConfig(AuditLedgerEnv, {}).config?.AUDIT_CHECKPOINT_PRIVATE_KEY).toBe(DEV_CHECKPOINT_KEY);
  });

  it('refuses the development checkpoint key in production, as the default and when given in PEM form', () => {
    expect(problemsOf(production)).not.toHaveLength(0);
    const pem = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(DEV_CHECKPOINT_KEY, 'base64')]), format: 'der', type: 'pkcs8' })
      .export({ format: 'pem', type: 'pkcs8' }) as string;
    expect(problemsOf({ ...production, AUDIT_CHECKPOINT_PRIVATE_KEY: pem })).not.toHaveLength(0);
  });

  it('accepts a key of its own in production and refuses what is not an Ed25519 key', () => {
    const own = generateCheckpointKeyPair().privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    expect(problemsOf({ ...production, AUDIT_CHECKPOINT_PRIVATE_KEY: own })).toHaveLength(0);
    expect(problemsOf({ AUDIT_CHECKPOINT_PRIVATE_KEY: 'not-a-key' })).not.toHaveLength(0);
  });
});
