import type { EntityManager } from 'typeorm';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';
import { caseNumberIndex } from '@rj/referral/domain';
import { createDataSource } from '@rj/shared/persistence';
import { decryptField, parseMasterKeys } from '@rj/shared/pii';
import { loadConfig } from '@rj/shared/service';
import { KeyStore } from '../../key-store/key-store';
import { ReferralIntakeEnv } from '../../referral-intake.env';
import { parseCaseNumberIndexKey } from './case-number-index-key';

const BATCH_SIZE = 500;

/**
 * Re-computes the blind index of one batch of referrals after `afterId` (in id order) from their
 * decrypted case numbers, under the current CASE_NUMBER_INDEX_KEY; an erased referral's index
 * is cleared. Returns the last id of the batch, or null when there is none left.
 */
export async function reindexCaseNumberBatch(
  manager: EntityManager,
  keys: KeyStore,
  indexKey: Uint8Array,
  afterId: string | null,
  batchSize = BATCH_SIZE,
): Promise<string | null> {
  const rows: { id: string; data_key_id: string; case_number: string | null }[] = await manager.query(
    `select id, data_key_id, case_number from referral where ($1::uuid is null or id > $1::uuid) order by id limit $2 for update`,
    [afterId, batchSize],
  );
  for (const row of rows) {
    const dataKey = row.case_number === null ? null : await keys.usableKey(manager, row.data_key_id);
    const index =
      dataKey && row.case_number !== null ? caseNumberIndex(decryptField(row.case_number, dataKey), indexKey) : null;
    // A number the office referred twice before the rule (OneReferralPerCaseNumber) keeps its index on every
    // referral; all but one are marked repeated, so the office's unique index holds it once.
    await manager.query(
      `update referral r set case_number_index = $2, case_number_repeated = r.case_number_repeated or exists (
         select 1 from referral o where o.office_id = r.office_id and o.case_number_index = $2 and o.id <> r.id
           and not o.case_number_repeated)
       where r.id = $1`,
      [row.id, index],
    );
  }
  return rows.length ? rows[rows.length - 1].id : null;
}

/**
 * One-off: `node -r ./tools/runtime/register.js apps/referral-intake/src/referrals/search/reindex-case-numbers.ts`
 * with the service's environment. Fills in the index of referrals submitted before it existed,
 * and re-computes every index after CASE_NUMBER_INDEX_KEY changed (until it has run, a search
 * finds only referrals submitted under the new key). Batch by batch, each in its own
 * transaction; safe to run again. Prints counts only, never a case number.
 */
async function reindex(): Promise<void> {
  const config = loadConfig(ReferralIntakeEnv);
  const keys = new KeyStore(parseMasterKeys(config.PII_MASTER_KEYS));
  const indexKey = parseCaseNumberIndexKey(config.CASE_NUMBER_INDEX_KEY);
  const dataSource = createDataSource({ url: config.DATABASE_URL, entities: REFERRAL_DATABASE.entities, poolSize: 2 });
  await dataSource.initialize();
  try {
    let batches = 0;
    for (
      let last = await dataSource.transaction((m) => reindexCaseNumberBatch(m, keys, indexKey, null));
      last;
      last = await dataSource.transaction((m) => reindexCaseNumberBatch(m, keys, indexKey, last))
    ) {
      batches += 1;
    }
    process.stdout.write(
      `referral-intake: case-number index re-computed in ${batches} batch(es) of up to ${BATCH_SIZE}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  reindex().catch((error: Error) => {
    process.stderr.write(`referral-intake: re-indexing failed: ${error.message}\n`);
    process.exit(1);
  });
}
