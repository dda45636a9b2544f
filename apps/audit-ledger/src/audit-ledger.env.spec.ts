import { missingFromEnvExample } from '@rj/shared/testing';
import { AuditLedgerEnv } from './audit-ledger.env';

describe('AuditLedgerEnv', () => {
  it('is documented variable by variable in .env.example', () => {
    expect(missingFromEnvExample(AuditLedgerEnv)).toEqual([]);
  });
});
