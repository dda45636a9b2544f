import type { DataSource, QueryRunner } from 'typeorm';
import { initialReferralState, reduceReferralState, storedReferralState, type ReferralState } from '@rj/audit/domain';

export interface RebuildOptions {
  /** Scratch schema name; created, filled, compared, and dropped unless `keep`. */
  schema?: string;
  keep?: boolean;
  batchSize?: number;
  onProgress?: (events: number) => void;
}

export interface RebuildReport {
  schema: string;
  events: number;
  referrals: number;
  /** Referrals whose live row differs from the rebuilt one (or exists on one side only). */
  mismatches: number;
  sample: string[];
  equal: boolean;
  ms: number;
}

/**
 * Rebuilds the referral-state projection from the ledger into a scratch schema and compares it
 * with the live one, in ONE repeatable-read transaction: both sides are read from the same
 * snapshot, so appends running meanwhile cannot make them differ. Streams the ledger per
 * referral (referral_id, sequence) through a cursor: memory holds one referral and one batch.
 * Without `keep` the transaction rolls back, and the scratch schema goes with it.
 */
export async function rebuildReferralState(
  dataSource: DataSource,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const started = Date.now();
  const schema = options.schema ?? `rebuild_${Date.now()}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new RangeError(`not a plain schema name: ${schema}`);
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  try {
    await runner.query('begin isolation level repeatable read');
    await runner.query(`create schema ${schema}`);
    await runner.query(`create table ${schema}.referral_state (like public.referral_state including all)`);
    const { events, referrals } = await foldInto(runner, schema, options);
    const [diff]: { n: number; sample: string[] | null }[] = await runner.query(`
      select count(*)::int as n, (array_agg(referral_id::text order by referral_id))[1:10] as sample
      from public.referral_state live full outer join ${schema}.referral_state rebuilt using (referral_id)
      where live.state is distinct from rebuilt.state or live.last_sequence is distinct from rebuilt.last_sequence`);
    await runner.query(options.keep ? 'commit' : 'rollback');
    return {
      schema,
      events,
      referrals,
      mismatches: diff.n,
      sample: diff.sample ?? [],
      equal: diff.n === 0,
      ms: Date.now() - started,
    };
  } catch (error) {
    await runner.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

async function foldInto(
  runner: QueryRunner,
  schema: string,
  options: RebuildOptions,
): Promise<{ events: number; referrals: number }> {
  const batchSize = options.batchSize ?? 5000;
  await runner.query(`declare rebuild_cursor no scroll cursor for
    select referral_id as "referralId", sequence::float8 as sequence, canonical from ledger_entry
    where referral_id is not null order by referral_id, sequence`);
  let pending: { ids: string[]; states: string[]; sequences: number[] } = { ids: [], states: [], sequences: [] };
  const flush = async () => {
    if (!pending.ids.length) return;
    await runner.query(
      `insert into ${schema}.referral_state (referral_id, state, last_sequence)
       select id, state::jsonb, seq from unnest($1::uuid[], $2::text[], $3::bigint[]) as r(id, state, seq)`,
      [pending.ids, pending.states, pending.sequences],
    );
    pending = { ids: [], states: [], sequences: [] };
  };
  let current: { id: string; state: ReferralState; sequence: number } | undefined;
  const finish = () => {
    if (!current) return;
    pending.ids.push(current.id);
    pending.states.push(storedReferralState(current.state));
    pending.sequences.push(current.sequence);
  };
  let events = 0;
  let referrals = 0;
  for (;;) {
    const rows: { referralId: string; sequence: number; canonical: string }[] = await runner.query(
      `fetch ${batchSize} from rebuild_cursor`,
    );
    for (const row of rows) {
      if (current?.id !== row.referralId) {
        finish();
        current = { id: row.referralId, state: initialReferralState(), sequence: 0 };
        referrals++;
      }
      current.state = reduceReferralState(current.state, JSON.parse(row.canonical));
      current.sequence = row.sequence;
      events++;
    }
    if (pending.ids.length >= 1000 || rows.length < batchSize) await flush();
    options.onProgress?.(events);
    if (rows.length < batchSize) break;
  }
  finish();
  await flush();
  await runner.query('close rebuild_cursor');
  return { events, referrals };
}
