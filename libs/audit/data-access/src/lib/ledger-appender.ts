import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@rj/shared/contracts';
import {
  canonicalJson,
  chainHash,
  initialReferralState,
  parseReferralState,
  reduceReferralState,
  storedReferralState,
  type ReferralState,
} from '@rj/audit/domain';

export interface AppendInput {
  envelope: EventEnvelope;
  /** The contract topic (without a test or environment prefix). */
  topic: string;
  partition?: number;
  offset?: string;
}

/**
 * The events of one consumer run, gathered by the ledger's handler and appended together just
 * before the run commits (a RunBatch of `@rj/shared/messaging`, which it matches by shape).
 */
export class LedgerAppends {
  private readonly inputs: AppendInput[] = [];

  add(input: AppendInput): void {
    this.inputs.push(input);
  }

  async flush(manager: EntityManager): Promise<void> {
    const inputs = this.inputs.splice(0);
    if (inputs.length) await appendToLedger(manager, inputs);
  }
}

/**
 * Appends events to the ledger, in the given order, in the caller's transaction, and folds each
 * into the live referral-state projection. Three statements, however many events (issue 15:
 * three per event before, and a catch-up applies a hundred a run): lock the head, read what is
 * already there, write every entry, the head and the projection at once. Returns, per event, the
 * sequence given, or null if the event was already in the ledger (a redelivery that slipped
 * past the inbox, e.g. a DLQ replay under another group).
 *
 * The `for update` on the single head row is what makes the sequence gap-free: partitions are
 * consumed concurrently, each run in its own transaction, and the second waits for the first
 * to commit before it reads the head. The lock is held to commit, so sequence order is commit
 * order and every entry's prev_hash is its predecessor's committed hash.
 */
export async function appendToLedger(
  manager: EntityManager,
  inputs: readonly AppendInput[],
): Promise<(number | null)[]> {
  const [head]: { sequence: string; hash: string }[] = await manager.query(
    'select sequence, hash from ledger_head where id = 1 for update',
  );
  // Read once the head's lock is held: every writer of the ledger holds it too, so this
  // statement's snapshot has the latest entries and projection rows (one taken before waiting
  // would not).
  const present = await readPresent(manager, inputs);
  const plan = planAppend(head, inputs, present);
  if (!plan.entries.sequence.length) return plan.sequences;
  const { entries: e, head: next, projection: p } = plan;
  const [{ appended }]: { appended: number }[] = await manager.query(APPEND_STATEMENT, [
    ...[e.sequence, e.eventId, e.topic, e.partition, e.offset, e.type, e.aggregateType, e.aggregateId],
    ...[e.referralId, e.occurredAt, e.canonical, e.prevHash, e.hash],
    ...[next.sequence, next.hash],
    ...[p.referralId, p.state, p.lastSequence],
  ]);
  // Cannot happen while every writer holds the head's lock; if it did, the chain would have a
  // gap, so the whole run rolls back instead.
  if (appended !== plan.entries.sequence.length)
    throw new Error(`ledger append wrote ${appended} of ${plan.entries.sequence.length} entries`);
  return plan.sequences;
}

/** What the ledger already holds of a batch: its events' ids, and its referrals' projected states. */
interface Present {
  eventIds: Set<string>;
  states: Map<string, ReferralState>;
}

async function readPresent(manager: EntityManager, inputs: readonly AppendInput[]): Promise<Present> {
  const referralIds = [...new Set(inputs.map((i) => i.envelope.referralId).filter((id) => id !== null))];
  const rows: { event_id: string | null; referral_id: string | null; state: StoredState | null }[] =
    await manager.query(
      `select event_id::text, null::text as referral_id, null::jsonb as state
         from ledger_entry where event_id = any($1::uuid[])
       union all
       select null, referral_id::text, state from referral_state where referral_id = any($2::uuid[])`,
      [inputs.map((i) => i.envelope.id), referralIds],
    );
  const present: Present = { eventIds: new Set(), states: new Map() };
  for (const row of rows) {
    if (row.event_id !== null) present.eventIds.add(row.event_id);
    else if (row.referral_id !== null && row.state) present.states.set(row.referral_id, parseReferralState(row.state));
  }
  return present;
}

type StoredState = Parameters<typeof parseReferralState>[0];

/** The columns of APPEND_STATEMENT, one array each (unnest turns them into rows). */
interface EntryColumns {
  sequence: number[];
  eventId: string[];
  topic: string[];
  partition: (number | null)[];
  offset: (string | null)[];
  type: string[];
  aggregateType: string[];
  aggregateId: string[];
  referralId: (string | null)[];
  occurredAt: string[];
  canonical: string[];
  prevHash: string[];
  hash: string[];
}

interface AppendPlan {
  sequences: (number | null)[];
  entries: EntryColumns;
  head: { sequence: number; hash: string };
  /** One row per referral: its state after its last event of the batch. */
  projection: { referralId: string[]; state: string[]; lastSequence: number[] };
}

/** Numbers and chains the new events after the head, and folds each into its referral's state. */
function planAppend(
  head: { sequence: string; hash: string },
  inputs: readonly AppendInput[],
  present: Present,
): AppendPlan {
  const entries: EntryColumns = {
    sequence: [],
    eventId: [],
    topic: [],
    partition: [],
    offset: [],
    type: [],
    aggregateType: [],
    aggregateId: [],
    referralId: [],
    occurredAt: [],
    canonical: [],
    prevHash: [],
    hash: [],
  };
  const sequences: (number | null)[] = [];
  const folded = new Map<string, { state: ReferralState; lastSequence: number }>();
  let sequence = Number(head.sequence);
  let hash = head.hash;
  for (const { envelope, topic, partition, offset } of inputs) {
    const eventId = envelope.id.toLowerCase();
    if (present.eventIds.has(eventId)) {
      sequences.push(null);
      continue;
    }
    present.eventIds.add(eventId);
    const canonical = canonicalJson(envelope);
    const prevHash = hash;
    sequence += 1;
    hash = chainHash(prevHash, canonical);
    sequences.push(sequence);
    entries.sequence.push(sequence);
    entries.eventId.push(envelope.id);
    entries.topic.push(topic);
    entries.partition.push(partition ?? null);
    entries.offset.push(offset ?? null);
    entries.type.push(envelope.type);
    entries.aggregateType.push(envelope.aggregateType);
    entries.aggregateId.push(envelope.aggregateId);
    entries.referralId.push(envelope.referralId);
    entries.occurredAt.push(envelope.occurredAt);
    entries.canonical.push(canonical);
    entries.prevHash.push(prevHash);
    entries.hash.push(hash);
    if (envelope.referralId === null) continue;
    const referralId = envelope.referralId.toLowerCase();
    const before = folded.get(referralId)?.state ?? present.states.get(referralId) ?? initialReferralState();
    folded.set(referralId, { state: reduceReferralState(before, envelope), lastSequence: sequence });
  }
  const projection: AppendPlan['projection'] = { referralId: [], state: [], lastSequence: [] };
  for (const [referralId, { state, lastSequence }] of folded) {
    projection.referralId.push(referralId);
    projection.state.push(storedReferralState(state));
    projection.lastSequence.push(lastSequence);
  }
  return { sequences, entries, head: { sequence, hash }, projection };
}

/**
 * Every entry, the head and the projection in one statement. The batch's entries share one
 * recorded_at, taken under the head's lock and never before the head's: it never goes
 * backwards, even if the clock does, so a time range is a chain stretch. Parameters: the
 * EntryColumns in order ($1–$13), the new head ($14, $15), the projection's rows ($16–$18).
 */
const APPEND_STATEMENT = `
  with stamp as (
    select greatest(clock_timestamp(), recorded_at) as at from ledger_head where id = 1
  ), entry as (
    insert into ledger_entry (sequence, event_id, topic, kafka_partition, kafka_offset, event_type, aggregate_type,
      aggregate_id, referral_id, occurred_at, recorded_at, canonical, prev_hash, hash)
    select e.sequence, e.event_id, e.topic, e.kafka_partition, e.kafka_offset, e.event_type, e.aggregate_type,
      e.aggregate_id, e.referral_id, e.occurred_at, stamp.at, e.canonical, e.prev_hash, e.hash
    from unnest($1::bigint[], $2::uuid[], $3::text[], $4::int[], $5::bigint[], $6::text[], $7::text[], $8::text[],
      $9::uuid[], $10::timestamptz[], $11::text[], $12::text[], $13::text[])
      as e(sequence, event_id, topic, kafka_partition, kafka_offset, event_type, aggregate_type, aggregate_id,
        referral_id, occurred_at, canonical, prev_hash, hash)
    cross join stamp
    on conflict (event_id) do nothing
    returning 1
  ), head as (
    update ledger_head set sequence = $14, hash = $15, recorded_at = stamp.at from stamp where ledger_head.id = 1
  ), projection as (
    insert into referral_state (referral_id, state, last_sequence)
    select r.referral_id, r.state::jsonb, r.last_sequence
    from unnest($16::uuid[], $17::text[], $18::bigint[]) as r(referral_id, state, last_sequence)
    on conflict (referral_id) do update set state = excluded.state, last_sequence = excluded.last_sequence
  )
  select count(*)::int as appended from entry`;
