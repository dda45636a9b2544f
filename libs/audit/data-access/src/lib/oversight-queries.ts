import type { DataSource, EntityManager } from 'typeorm';
import type { ReadVolume } from '@rj/audit/domain';

type Db = EntityManager | DataSource;
const TIME = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * personal_data.read per reader: in [recentFrom, until), and in the baseline [baselineFrom,
 * recentFrom). The reader is in the event's data (not personal data: who read, not whom).
 */
export async function personalDataReadVolumes(
  db: Db,
  window: { baselineFrom: string; recentFrom: string; until: string },
): Promise<ReadVolume[]> {
  return db.query(
    `select canonical::jsonb #>> '{data,reader,sub}' as actor, canonical::jsonb #>> '{data,reader,role}' as role,
            canonical::jsonb #>> '{data,reader,org}' as org,
            count(*) filter (where occurred_at >= $2)::int as recent,
            count(*) filter (where occurred_at < $2)::int as baseline
       from ledger_entry
      where event_type = 'personal_data.read' and occurred_at >= $1 and occurred_at < $3
      group by 1, 2, 3`,
    [window.baselineFrom, window.recentFrom, window.until],
  );
}

export interface LedgerException {
  sequence: number;
  kind: 'disclosure' | 'screening_override' | 'erasure' | 'back_dated_session';
  eventType: string;
  referralId: string | null;
  occurredAt: string;
  actorRole: string;
}

/**
 * What oversight looks at first: disclosures, screening decisions that overrode an exclusion,
 * erasures of personal data and sessions recorded after the fact — newest first.
 */
export async function ledgerExceptions(db: Db, since: string, limit: number): Promise<LedgerException[]> {
  const rows: (Omit<LedgerException, 'sequence'> & { sequence: string })[] = await db.query(
    `select sequence::text as sequence, event_type as "eventType", referral_id as "referralId", ${TIME('occurred_at')} as "occurredAt",
            canonical::jsonb #>> '{actor,role}' as "actorRole",
            case event_type when 'disclosure.recorded' then 'disclosure' when 'referral.reviewed' then 'screening_override'
                            when 'referral.personal_data_erased' then 'erasure' else 'back_dated_session' end as kind
       from ledger_entry
      where occurred_at >= $1 and (
            event_type in ('disclosure.recorded', 'referral.personal_data_erased')
         or (event_type = 'referral.reviewed' and (canonical::jsonb #>> '{data,overrodeExclusion}') = 'true')
         or (event_type = 'session.completed' and (canonical::jsonb #>> '{data,recordedLate}') = 'true'))
      order by sequence desc limit ${Math.floor(limit)}`,
    [since],
  );
  return rows.map((row) => ({ ...row, sequence: Number(row.sequence) }));
}

/** A few referrals picked at random, for a reviewer to read end to end. */
export async function sampleReferrals(
  db: Db,
  size: number,
): Promise<{ referralId: string; events: number; lastOccurredAt: string }[]> {
  return db.query(
    `select referral_id as "referralId", count(*)::int as events, ${TIME('max(occurred_at)')} as "lastOccurredAt"
       from ledger_entry where referral_id is not null group by referral_id order by random() limit ${Math.floor(size)}`,
  );
}
