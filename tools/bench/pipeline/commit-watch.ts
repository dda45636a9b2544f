import { Client } from 'pg';

/**
 * When rows commit, without polling: a row trigger NOTIFYs the row's referral id, and Postgres
 * delivers a notification only once its transaction has committed (and in commit order). A
 * listener of the bench stamps each id at arrival with one process's clock, so the referral's
 * commit in intake's database and the offer's commit in matching's subtract. The trigger is
 * the bench's own, added to the scratch database of this run only.
 */
export interface CommitWatch {
  /** First arrival of each id, ms since the epoch. */
  committedAt: Map<string, number>;
  stop(): Promise<void>;
}

export async function watchCommits(databaseUrl: string, table: string, idColumn: string): Promise<CommitWatch> {
  const channel = `bench_${table}_commit`;
  const client = new Client({ connectionString: databaseUrl, application_name: `bench-watch-${table}` });
  await client.connect();
  await client.query(`create or replace function ${channel}() returns trigger language plpgsql as $$
    begin perform pg_notify('${channel}', new.${idColumn}::text); return null; end $$`);
  await client.query(`drop trigger if exists ${channel} on ${table}`);
  await client.query(`create trigger ${channel} after insert on ${table} for each row execute function ${channel}()`);
  const committedAt = new Map<string, number>();
  client.on('notification', (message) => {
    if (message.channel === channel && message.payload && !committedAt.has(message.payload))
      committedAt.set(message.payload, Date.now());
  });
  await client.query(`listen ${channel}`);
  return {
    committedAt,
    stop: async () => {
      await client.query(`drop trigger if exists ${channel} on ${table}`).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
