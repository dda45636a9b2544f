import { REFERRAL_DATABASE } from '@rj/referral/data-access';
import { createDataSource } from '@rj/shared/persistence';
import { parseMasterKeys } from '@rj/shared/pii';
import { loadConfig } from '@rj/shared/service';
import { KeyStore } from './key-store/key-store';
import { ReferralIntakeEnv } from './referral-intake.env';

/**
 * Master-key rotation, step two. Step one: put the new master key first in PII_MASTER_KEYS
 * and keep the old one after it (`new:<base64>,old:<base64>`); new data keys are then wrapped
 * by the new one, old wrappings still unwrap. This job re-wraps every live data key under the
 * new key, batch by batch; afterwards the old key can leave PII_MASTER_KEYS. Erased keys have
 * nothing left to re-wrap.
 */
async function rewrap(): Promise<void> {
  const config = loadConfig(ReferralIntakeEnv);
  const store = new KeyStore(parseMasterKeys(config.PII_MASTER_KEYS));
  const dataSource = createDataSource({ url: config.DATABASE_URL, entities: REFERRAL_DATABASE.entities, poolSize: 2 });
  await dataSource.initialize();
  try {
    let total = 0;
    for (
      let batch = await dataSource.transaction((manager) => store.rewrapBatch(manager));
      batch > 0;
      batch = await dataSource.transaction((manager) => store.rewrapBatch(manager))
    ) {
      total += batch;
    }
    process.stdout.write(`referral-intake: ${total} data key(s) re-wrapped under the current master key\n`);
  } finally {
    await dataSource.destroy();
  }
}

rewrap().catch((error: Error) => {
  process.stderr.write(`referral-intake: re-wrapping failed: ${error.message}\n`);
  process.exit(1);
});
