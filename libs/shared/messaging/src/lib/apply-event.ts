import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@rj/shared/contracts';
import { messageKeyOf } from '@rj/shared/contracts';
import type { MessagingLogger } from './messaging-logger';
import { MissingPrerequisite } from './prerequisite';
import type { Subscription } from './subscription';

/** The handler itself threw: the event's fault (counts as an attempt), not the database's. */
export class HandlerFailed extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
    this.name = 'HandlerFailed';
  }
}

export type ApplyResult = { kind: 'applied' } | { kind: 'duplicate' } | { kind: 'parked'; waitingFor: string };

export interface ApplyInput {
  dataSource: DataSource;
  groupId: string;
  topic: string;
  partition?: number;
  offset?: string;
  envelope: EventEnvelope;
  subscription: Subscription;
  logger: MessagingLogger;
  /** Set when re-applying a parked event: its pending row is removed in the same transaction. */
  pendingSeq?: string;
}

/**
 * Applies one event exactly once: the inbox row and the handler's writes commit together.
 * - already in the inbox → duplicate, nothing happens;
 * - an earlier event of the same referral (ordering key) on this topic is parked → this one
 *   parks behind it, so one referral's events still apply in their committed order;
 * - the handler lacks a prerequisite → its writes are rolled back to a savepoint and the
 *   event is parked until the prerequisite is applied.
 * Any other error rolls the whole transaction back and propagates (the caller retries).
 */
export function applyEvent(input: ApplyInput): Promise<ApplyResult> {
  return input.dataSource.transaction((manager) => applyWithin(manager, input));
}

export interface ChunkOutcome {
  results: ApplyResult[];
  /** The first event that failed; the ones before it committed, the ones after were not tried. */
  failure?: { index: number; error: Error };
}

/**
 * Applies consecutive events of one partition in ONE transaction, a savepoint each: one
 * commit (one fsync) for the run instead of one per event, with the same exactly-once
 * guarantee, since every inbox row still commits with its handler's writes. A failing event
 * ends the run there, so nothing after it overtakes it; the caller retries it on its own.
 */
export function applyChunk(inputs: ApplyInput[]): Promise<ChunkOutcome> {
  if (!inputs.length) return Promise.resolve({ results: [] });
  const { dataSource, groupId, topic } = inputs[0];
  return dataSource.transaction(async (manager) => {
    // One statement claims every event of the run in the inbox; the ones it did not insert
    // were applied before (redelivery).
    const claimed: { event_id: string }[] = await manager.query(
      `insert into inbox (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset)
       select $1, e.id, e.type, $2, e.kafka_partition, e.kafka_offset
       from unnest($3::uuid[], $4::text[], $5::int[], $6::bigint[]) as e(id, type, kafka_partition, kafka_offset)
       on conflict do nothing returning event_id`,
      [groupId, topic, inputs.map((i) => i.envelope.id), inputs.map((i) => i.envelope.type), inputs.map((i) => i.partition ?? null), inputs.map((i) => i.offset ?? null)],
    );
    const fresh = new Set(claimed.map((row) => row.event_id));
    // One statement finds the referrals of this run that already have a parked event here.
    const parked: { ordering_key: string; waiting_for: string }[] = await manager.query(
      `select distinct on (ordering_key) ordering_key, waiting_for from pending_event
       where consumer_group = $1 and topic = $2 and ordering_key = any($3::text[]) order by ordering_key, seq`,
      [groupId, topic, [...new Set(inputs.map((i) => messageKeyOf(i.envelope)))]],
    );
    const waitingByKey = new Map(parked.map((row) => [row.ordering_key, row.waiting_for]));
    const results: ApplyResult[] = [];
    for (let index = 0; index < inputs.length; index++) {
      const input = inputs[index];
      const orderingKey = messageKeyOf(input.envelope);
      if (!fresh.delete(input.envelope.id)) {
        results.push({ kind: 'duplicate' });
        continue;
      }
      const waitingFor = waitingByKey.get(orderingKey);
      if (waitingFor) {
        results.push(await park(manager, input, orderingKey, waitingFor));
        continue;
      }
      const outcome = await runHandler(manager, input);
      if (outcome.kind === 'failed') {
        // Nothing from here on was applied: release their inbox claims, then commit the rest.
        await manager.query('delete from inbox where consumer_group = $1 and event_id = any($2::uuid[])', [groupId, inputs.slice(index).map((i) => i.envelope.id)]);
        return { results, failure: { index, error: outcome.error } };
      }
      if (outcome.kind === 'missing') {
        waitingByKey.set(orderingKey, outcome.key);
        results.push(await park(manager, input, orderingKey, outcome.key));
        continue;
      }
      results.push({ kind: 'applied' });
    }
    return { results };
  });
}

/** Runs the handler behind a savepoint, so its writes can be undone alone. */
async function runHandler(manager: EntityManager, input: ApplyInput): Promise<{ kind: 'applied' } | { kind: 'missing'; key: string } | { kind: 'failed'; error: Error }> {
  const { envelope, subscription, logger } = input;
  await manager.query('savepoint rj_handler');
  try {
    await subscription.handle(envelope as EventEnvelope<string, object>, {
      manager,
      causedBy: { correlationId: envelope.correlationId, causationId: envelope.id },
      logger: logger.child({ eventId: envelope.id, eventType: envelope.type, correlationId: envelope.correlationId }),
      source: { topic: input.topic, partition: input.partition, offset: input.offset },
    });
  } catch (error) {
    await manager.query('rollback to savepoint rj_handler');
    return error instanceof MissingPrerequisite ? { kind: 'missing', key: error.key } : { kind: 'failed', error: error as Error };
  }
  await manager.query('release savepoint rj_handler');
  return { kind: 'applied' };
}

async function applyWithin(manager: EntityManager, input: ApplyInput): Promise<ApplyResult> {
  const { groupId, topic, envelope, pendingSeq } = input;
  const orderingKey = messageKeyOf(envelope);
  const inserted: unknown[] = await manager.query(
    `insert into inbox (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset)
     values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning event_id`,
    [groupId, envelope.id, envelope.type, topic, input.partition ?? null, input.offset ?? null],
  );
  if (!inserted.length) {
    if (pendingSeq) await manager.query('delete from pending_event where seq = $1', [pendingSeq]);
    return { kind: 'duplicate' };
  }
  if (!pendingSeq) {
    const ahead: { waiting_for: string }[] = await manager.query(
      `select waiting_for from pending_event where consumer_group = $1 and topic = $2 and ordering_key = $3 and event_id <> $4
       order by seq limit 1`,
      [groupId, topic, orderingKey, envelope.id],
    );
    if (ahead.length) return park(manager, input, orderingKey, ahead[0].waiting_for);
  }
  const outcome = await runHandler(manager, input);
  if (outcome.kind === 'failed') throw new HandlerFailed(outcome.error);
  if (outcome.kind === 'missing') return park(manager, input, orderingKey, outcome.key);
  if (pendingSeq) await manager.query('delete from pending_event where seq = $1', [pendingSeq]);
  return { kind: 'applied' };
}

async function park(manager: EntityManager, input: ApplyInput, orderingKey: string, waitingFor: string): Promise<ApplyResult> {
  const { groupId, topic, envelope, pendingSeq } = input;
  // Not applied after all: the inbox must not claim it.
  await manager.query('delete from inbox where consumer_group = $1 and event_id = $2', [groupId, envelope.id]);
  if (pendingSeq) {
    // Still waiting (now perhaps for something else): this event and every later one of the
    // same referral wait together, keeping their order.
    await manager.query(
      `update pending_event set waiting_for = $1, attempts = attempts + 1
       where consumer_group = $2 and topic = $3 and ordering_key = $4 and seq >= $5`,
      [waitingFor, groupId, topic, orderingKey, pendingSeq],
    );
  } else {
    await manager.query(
      `insert into pending_event (consumer_group, event_id, event_type, topic, ordering_key, waiting_for, envelope)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb) on conflict do nothing`,
      [groupId, envelope.id, envelope.type, topic, orderingKey, waitingFor, JSON.stringify(envelope)],
    );
  }
  return { kind: 'parked', waitingFor };
}
