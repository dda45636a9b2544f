import { missingFromEnvExample } from '@rj/shared/testing';
import { validateConfig } from '@rj/shared/service';
import { DEV_CHECKPOINT_KEY } from '@rj/audit/domain';
import { AuditLedgerEnv } from '../audit-ledger.env';
import { CheckpointSignerEnv } from './signer.env';

describe('CheckpointSignerEnv', () => {
  it('is documented variable by variable in .env.example', () => {
    expect(missingFromEnvExample(CheckpointSignerEnv)).toEqual([]);
  });

  it('refuses the development checkpoint key in production', () => {
    const result = validateConfig(CheckpointSignerEnv, {
      NODE_ENV: 'production',
      AUDIT_CHECKPOINT_PRIVATE_KEY: DEV_CHECKPOINT_KEY,
    });
    expect(result.errors?.join('\n')).toMatch(/AUDIT_CHECKPOINT_PRIVATE_KEY/);
  });
});

describe('AuditLedgerEnv and the signer', () => {
  it('has no variable for the private key: the API holds the public key only', () => {
    expect(Object.keys(new AuditLedgerEnv()).filter((name) => /PRIVATE/.test(name))).toEqual([]);
  });

  it('in production needs the signer\u2019s address and refuses the development public key', () => {
    const errors = validateConfig(AuditLedgerEnv, { NODE_ENV: 'production' }).errors?.join('\n') ?? '';
    expect(errors).toMatch(/AUDIT_SIGNER_URL/);
    expect(errors).toMatch(/AUDIT_CHECKPOINT_PUBLIC_KEY/);
  });
});
