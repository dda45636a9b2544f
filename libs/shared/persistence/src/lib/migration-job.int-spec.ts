import { randomBytes } from 'node:crypto';
import { dropDatabase } from './database-admin';
import { createDataSource } from './data-source.factory';
import { runMigrationJob } from './migration-job';
import { CreateIdempotencyRecords1764300000000 } from './migrations/1764300000000-create-idempotency-records';

describe('runMigrationJob: the one migration job every service runs', () => {
  // As the test kit's scratch databases do (the kit depends on this library, not the reverse).
  const url = new URL(process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/rj_test_migration_job_${randomBytes(4).toString('hex')}`;
  afterAll(() => dropDatabase(url.toString()));

  it('creates the database when missing, applies the migrations once, and says how many', async () => {
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((line) => written.push(String(line)) > 0);
    try {
      const env = { DATABASE_URL: url.toString() };
      await runMigrationJob('partner-matching', [CreateIdempotencyRecords1764300000000], env);
      await runMigrationJob('partner-matching', [CreateIdempotencyRecords1764300000000], env);
    } finally {
      write.mockRestore();
    }
    expect(written).toEqual([
      'partner-matching: 1 migration(s) applied\n',
      'partner-matching: 0 migration(s) applied\n',
    ]);
    const dataSource = await createDataSource({ url: url.toString() }).initialize();
    try {
      expect(await dataSource.query("select to_regclass('idempotency_record') is not null as present")).toEqual([
        { present: true },
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
});
