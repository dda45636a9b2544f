import { createDataSource } from '@rj/shared/persistence';
import { AUDIT_DATABASE, rebuildReferralState } from '@rj/audit/data-access';

/**
 * The rebuild check: folds the ledger into a scratch copy of the referral-state projection and
 * compares it with the live one. Exit 0 when equal, 1 when not (the ledger or the projection
 * was changed behind the ledger's back), 2 on error.
 *   node -r ./tools/runtime/register.js apps/audit-ledger/src/rebuild-check.ts [--keep] [--schema name]
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const url = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${AUDIT_DATABASE.defaultName}`;
  const dataSource = createDataSource({ url, entities: AUDIT_DATABASE.entities });
  await dataSource.initialize();
  try {
    const schemaAt = args.indexOf('--schema');
    const report = await rebuildReferralState(dataSource, {
      keep: args.includes('--keep'),
      schema: schemaAt >= 0 ? args[schemaAt + 1] : undefined,
      onProgress: (events) => process.stderr.write(`\rrebuilt ${events.toLocaleString('en')} events`),
    });
    process.stderr.write('\n');
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.equal ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`rebuild check failed: ${error.message}\n`);
    process.exit(2);
  },
);
