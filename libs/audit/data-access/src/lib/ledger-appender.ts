import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@rj/shared/contracts';
import {
  canonicalJson,
  chainHash,
  initialReferralState,
  parseReferralState,
  reduceReferralState,
  storedReferralState,
} from '@rj/audit/domain';

export interface AppendInput {
  envelope: EventEnvelope;
  /** The contract topic (without a test or environment prefix). */
  topic: string;
  partition?: number;
  offset?: string;
}

/**
 * Appends one event to the ledger in the caller's transaction and folds it into the live
 * referral-state projection. Returns the sequence given, or null if the event was already in
 * the ledger (a redelivery that slipped past the inbox, e.g. a DLQ replay under another group).
 *
 * The `for update` on the single head row is what makes the sequence gap-free: partitions are
 * consumed concurrently, each run in its own transaction, and the second waits for the first
 * to commit before it reads the head. The lock is held to commit, so sequence order is commit
 * order and every entry's prev_hash is its predecessor's committed hash.
 */
export async function appendToLedger(manager: EntityManager, input: AppendInput): Promise<number | null> {
  const { envelope } = input;
  const [head]: { sequence: string; hash: string }[] = await manager.query(
    'select sequence, hash from ledger_head where id = 1 for update',
  );
  const sequence = Number(head.sequence) + 1;
  const canonical = canonicalJson(envelope);
  const hash = chainHash(head.hash, canonical);
  // Read once the head's lock is held: every writer of the projection holds it too, so this
  // statement's snapshot has the referral's latest state (one taken before waiting would not).
  const projected = envelope.referralId ? await nextReferralState(manager, envelope) : null;
  // The entry, the head and the projection in one statement (issue 15: two round trips fewer
  // per event than one statement each). recorded_at never goes backwards, even if the clock
  // does: a time range is a chain stretch. A repeated event_id inserts nothing, and so nothing
  // else is written either.
  const inserted: { recorded_at: Date }[] = await manager.query(
    `with entry as (
       insert into ledger_entry (sequence, event_id, topic, kafka_partition, kafka_offset, event_type, aggregate_type,
         aggregate_id, referral_id, occurred_at, recorded_at, canonical, prev_hash, hash)
       select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, greatest(clock_timestamp(), h.recorded_at), $11, $12, $13
         from ledger_head h where h.id = 1
       on conflict (event_id) do nothing
       returning recorded_at
     ), head as (
       update ledger_head set sequence = $1, hash = $13, recorded_at = entry.recorded_at from entry where ledger_head.id = 1
     ), projection as (
       insert into referral_state (referral_id, state, last_sequence)
       select $9, $14::jsonb, $1 from entry where $14::jsonb is not null
       on conflict (referral_id) do update set state = excluded.state, last_sequence = excluded.last_sequence
     )
     select recorded_at from entry`,
    [
      sequence,
      envelope.id,
      input.topic,
      input.partition ?? null,
      input.offset ?? null,
      envelope.type,
      envelope.aggregateType,
      envelope.aggregateId,
      envelope.referralId,
      envelope.occurredAt,
      canonical,
      head.hash,
      hash,
      projected,
    ],
  );
  return inserted.length ? sequence : null;
}

/** The referral's row of the live projection with the event folded in, as stored. */
async function nextReferralState(manager: EntityManager, envelope: EventEnvelope): Promise<string> {
  const rows: { state: { referral: unknown; case: unknown; outcome: unknown } }[] = await manager.query(
    'select state from referral_state where referral_id = $1',
    [envelope.referralId],
  );
  const current = rows.length ? parseReferralState(rows[0].state) : initialReferralState();
  return storedReferralState(reduceReferralState(current, envelope));
}
