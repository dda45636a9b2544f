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
  // recorded_at never goes backwards, even if the clock does: a time range is a chain stretch.
  const inserted: { recorded_at: Date }[] = await manager.query(
    `insert into ledger_entry (sequence, event_id, topic, kafka_partition, kafka_offset, event_type, aggregate_type, aggregate_id,
       referral_id, occurred_at, recorded_at, canonical, prev_hash, hash)
     select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, greatest(clock_timestamp(), h.recorded_at), $11, $12, $13
       from ledger_head h where h.id = 1
     on conflict (event_id) do nothing
     returning recorded_at`,
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
    ],
  );
  if (!inserted.length) return null;
  await manager.query('update ledger_head set sequence = $1, hash = $2, recorded_at = $3 where id = 1', [
    sequence,
    hash,
    inserted[0].recorded_at,
  ]);
  if (envelope.referralId) await projectReferralState(manager, envelope, sequence);
  return sequence;
}

/** Folds the event into its referral's row of the live projection (same transaction). */
async function projectReferralState(manager: EntityManager, envelope: EventEnvelope, sequence: number): Promise<void> {
  const rows: { state: { referral: unknown; case: unknown; outcome: unknown } }[] = await manager.query(
    'select state from referral_state where referral_id = $1',
    [envelope.referralId],
  );
  const current = rows.length ? parseReferralState(rows[0].state) : initialReferralState();
  const next = storedReferralState(reduceReferralState(current, envelope));
  await manager.query(
    `insert into referral_state (referral_id, state, last_sequence) values ($1, $2::jsonb, $3)
     on conflict (referral_id) do update set state = excluded.state, last_sequence = excluded.last_sequence`,
    [envelope.referralId, next, sequence],
  );
}
