import { context } from '@opentelemetry/api';
import type { DataSource, EntityManager } from 'typeorm';
import { postgresErrorCode } from '@rj/shared/persistence';
import { contextFrom, markFailed, SpanKind, startSpan } from '@rj/shared/service';
import type { EventEnvelope } from '@rj/shared/contracts';
import { messageKeyOf } from '@rj/shared/contracts';
import { lazyChild, type MessagingLogger } from './messaging-logger';
import { MissingPrerequisite } from './prerequisite';
import { RunBatches } from './run-batch';
import type { Subscription } from './subscription';

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
  /** The message's headers, whose W3C traceparent the handler's span continues. */
  traceHeaders?: Record<string, unknown>;
}

export interface ApplyOutcome {
  /** One per event tried, in order. */
  results: ApplyResult[];
  /** The first event whose handler threw; the ones before it committed, the ones after were not tried. */
  failure?: { index: number; error: Error };
}

/**
 * The one way an event is applied, whether it was just read from Kafka or was parked (see the
 * README's state diagram). Consecutive events of one partition go in ONE transaction, a
 * savepoint each: one commit for the run, with the same exactly-once guarantee, since every
 * inbox row commits with its handler's writes.
 * - already in the inbox → duplicate, nothing happens (a parked copy of it is dropped);
 * - an earlier event of the same referral (ordering key) on this topic is parked → this one
 *   parks behind it, so one referral's events still apply in their committed order — unless
 *   this one provides what the parked one waits for (the same-topic wait): then it applies,
 *   and the parked ones run right after it, before anything later of that referral;
 * - the handler throws MissingPrerequisite → its writes are rolled back to its savepoint and
 *   the event is parked until an event that provides the key is applied;
 * - the handler throws anything else → it ends the run there (reported as `failure`), the
 *   caller retries it and dead-letters it after its attempts;
 * - what a handler added to a RunBatch is written right after it, inside its savepoint, so a
 *   batch's failed write is that event's failure.
 * An exception out of here is the database's, not an event's: the whole run rolled back.
 */
export function applyEvents(inputs: ApplyInput[]): Promise<ApplyOutcome> {
  return applyRun(inputs, runHandler);
}

/**
 * The same run without a savepoint per handler: two round trips fewer per event, which on a
 * busy machine is a third of a consumer's statements (issue 15: the services' time went to
 * socket writes, one per statement). It holds only while every handler succeeds; the first
 * one that throws (a missing prerequisite too) rolls the whole run back, and the answer is
 * `undefined`: do it again with `applyEvents`, which gives each handler its savepoint.
 * The run's batches (RunBatch) are written once, before the commit; if that fails, the run is
 * done again with savepoints too, where each event's part is written on its own.
 */
export async function applyEventsWithoutSavepoints(inputs: ApplyInput[]): Promise<ApplyOutcome | undefined> {
  try {
    return await applyRun(inputs, runHandlerUnguarded, async (manager, batches) => {
      try {
        await batches.flush(manager);
      } catch (error) {
        throw new RunNeedsSavepoints("a batch of the run's writes failed", { cause: error });
      }
      // A handler that caught a database error of its own left the transaction aborted, and
      // COMMIT would then roll back without a word: make sure before committing.
      if (await transactionAborted(manager)) throw new RunNeedsSavepoints('a handler swallowed a database error');
    });
  } catch (error) {
    if (error instanceof RunNeedsSavepoints || isAbortedTransaction(error)) return undefined;
    throw error;
  }
}

type HandlerRunner = (
  manager: EntityManager,
  input: ApplyInput,
  batches: RunBatches,
) => Promise<{ kind: 'applied' } | { kind: 'missing'; key: string } | { kind: 'failed'; error: Error }>;

function applyRun(
  inputs: ApplyInput[],
  handle: HandlerRunner,
  beforeCommit: (manager: EntityManager, batches: RunBatches) => Promise<void> = async () => undefined,
): Promise<ApplyOutcome> {
  if (!inputs.length) return Promise.resolve({ results: [] });
  return inputs[0].dataSource.transaction(async (manager) => {
    const { fresh, waitingByKey } = await claimInInbox(manager, inputs);
    const batches = new RunBatches();
    const results: ApplyResult[] = [];
    for (let index = 0; index < inputs.length; index++) {
      const input = inputs[index];
      const orderingKey = messageKeyOf(input.envelope);
      if (!fresh.delete(input.envelope.id)) {
        if (input.pendingSeq) await dropPending(manager, input.pendingSeq);
        results.push({ kind: 'duplicate' });
        continue;
      }
      const waitingFor = input.pendingSeq ? undefined : waitingByKey.get(orderingKey);
      if (waitingFor && !providedBy(input).includes(waitingFor)) {
        results.push(await park(manager, input, orderingKey, waitingFor));
        continue;
      }
      const outcome = await handle(manager, input, batches);
      if (outcome.kind === 'failed') {
        // Nothing from here on was applied: release the claims this transaction made, commit the rest.
        await releaseClaims(manager, input.groupId, [input.envelope.id, ...fresh]);
        return { results, failure: { index, error: outcome.error } };
      }
      if (outcome.kind === 'missing') {
        waitingByKey.set(orderingKey, outcome.key);
        results.push(await park(manager, input, orderingKey, outcome.key));
        continue;
      }
      if (input.pendingSeq) await dropPending(manager, input.pendingSeq);
      results.push({ kind: 'applied' });
    }
    await beforeCommit(manager, batches);
    return { results };
  });
}

/** The prerequisite keys an event satisfies once applied. */
export function providedBy({ subscription, envelope }: Pick<ApplyInput, 'subscription' | 'envelope'>): string[] {
  return subscription.provides?.(envelope as never) ?? [];
}

/**
 * One statement claims every event of the run in the inbox (`fresh`: the ones it inserted; the
 * others were applied before) and finds, per referral of the run, what its earliest parked
 * event on this topic waits for (`waitingByKey`). One round trip, not two (issue 15): at a
 * moderate rate most runs are a single event, and every service pays this for each one.
 */
async function claimInInbox(
  manager: EntityManager,
  inputs: ApplyInput[],
): Promise<{ fresh: Set<string>; waitingByKey: Map<string, string> }> {
  const { groupId, topic } = inputs[0];
  const keys = [...new Set(inputs.filter((i) => !i.pendingSeq).map((i) => messageKeyOf(i.envelope)))];
  const rows: { claimed: string | null; ordering_key: string | null; waiting_for: string | null }[] =
    await manager.query(
      `with claimed as (
         insert into inbox (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset)
         select $1, e.id, e.type, $2, e.kafka_partition, e.kafka_offset
         from unnest($3::uuid[], $4::text[], $5::int[], $6::bigint[]) as e(id, type, kafka_partition, kafka_offset)
         on conflict do nothing returning event_id
       )
       select event_id::text as claimed, null as ordering_key, null as waiting_for from claimed
       union all
       (select distinct on (ordering_key) null, ordering_key, waiting_for from pending_event
        where consumer_group = $1 and topic = $2 and ordering_key = any($7::text[]) order by ordering_key, seq)`,
      [
        groupId,
        topic,
        inputs.map((i) => i.envelope.id),
        inputs.map((i) => i.envelope.type),
        inputs.map((i) => i.partition ?? null),
        inputs.map((i) => i.offset ?? null),
        keys,
      ],
    );
  const fresh = new Set<string>();
  const waitingByKey = new Map<string, string>();
  for (const row of rows) {
    if (row.claimed !== null) fresh.add(row.claimed);
    else waitingByKey.set(row.ordering_key as string, row.waiting_for as string);
  }
  return { fresh, waitingByKey };
}

/** What the pg client knows of its connection from the last ReadyForQuery (getTransactionStatus is typed in @types/pg). */
interface PgConnectionState {
  readyForQuery?: boolean;
  getTransactionStatus?: () => string | null;
}

/**
 * Whether a statement of the transaction failed (Postgres then refuses all but ROLLBACK, and
 * answers COMMIT with a silent rollback). Once the driver has heard the last ReadyForQuery it
 * knows (status 'E'), with no round trip; before that (pg hands a statement's error to its
 * caller before the ReadyForQuery that follows it) a statement asks, and throws if so.
 */
async function transactionAborted(manager: EntityManager): Promise<boolean> {
  const client = (manager.queryRunner as { databaseConnection?: PgConnectionState } | undefined)?.databaseConnection;
  if (client?.readyForQuery && typeof client.getTransactionStatus === 'function')
    return client.getTransactionStatus() === 'E';
  await manager.query('select 1');
  return false;
}

function releaseClaims(manager: EntityManager, groupId: string, eventIds: string[]): Promise<unknown> {
  return manager.query('delete from inbox where consumer_group = $1 and event_id = any($2::uuid[])', [
    groupId,
    eventIds,
  ]);
}

function dropPending(manager: EntityManager, seq: string): Promise<unknown> {
  return manager.query('delete from pending_event where seq = $1', [seq]);
}

/** Thrown out of a run without savepoints when a handler threw: the run rolls back whole. */
class RunNeedsSavepoints extends Error {}

/** Postgres refuses every statement of a transaction after one failed (SQLSTATE 25P02). */
function isAbortedTransaction(error: unknown): boolean {
  return postgresErrorCode(error) === '25P02';
}

/** Runs the handler without a savepoint: any exception ends the whole run (see applyEventsWithoutSavepoints). */
async function runHandlerUnguarded(
  manager: EntityManager,
  input: ApplyInput,
  batches: RunBatches,
): Promise<{ kind: 'applied' }> {
  const { span, context: spanContext } = consumeSpan(input);
  try {
    await context.with(spanContext, () => handleIn(manager, input, batches));
    span.setAttribute('rj.outcome', 'applied');
    return { kind: 'applied' };
  } catch (error) {
    span.setAttribute('rj.outcome', 'retried_with_savepoints');
    throw new RunNeedsSavepoints('a handler threw in a run without savepoints', { cause: error });
  } finally {
    span.end();
  }
}

function handleIn(manager: EntityManager, input: ApplyInput, batches: RunBatches): Promise<void> {
  const { envelope, subscription, logger } = input;
  return subscription.handle(envelope as EventEnvelope<string, object>, {
    manager,
    causedBy: { correlationId: envelope.correlationId, causationId: envelope.id },
    logger: lazyChild(logger, {
      eventId: envelope.id,
      eventType: envelope.type,
      correlationId: envelope.correlationId,
    }),
    source: { topic: input.topic, partition: input.partition, offset: input.offset },
    batch: (kind) => batches.get(kind),
  });
}

/** Runs the handler behind a savepoint, so its writes can be undone alone. */
async function runHandler(
  manager: EntityManager,
  input: ApplyInput,
  batches: RunBatches,
): Promise<{ kind: 'applied' } | { kind: 'missing'; key: string } | { kind: 'failed'; error: Error }> {
  // Active while the handler runs: the events it writes to the outbox continue this trace.
  const { span, context: spanContext } = consumeSpan(input);
  try {
    await manager.query('savepoint rj_handler');
    try {
      await context.with(spanContext, async () => {
        await handleIn(manager, input, batches);
        await batches.flush(manager);
      });
    } catch (error) {
      batches.discard();
      await manager.query('rollback to savepoint rj_handler');
      if (error instanceof MissingPrerequisite) {
        span.setAttribute('rj.outcome', 'parked');
        return { kind: 'missing', key: error.key };
      }
      markFailed(span, error);
      return { kind: 'failed', error: error as Error };
    }
    await manager.query('release savepoint rj_handler');
    span.setAttribute('rj.outcome', 'applied');
    return { kind: 'applied' };
  } finally {
    span.end();
  }
}

/** A consumer span per handled event, child of the publish span in the message's headers: ids and names only. */
function consumeSpan(input: ApplyInput) {
  return startSpan(`process ${input.topic}`, {
    kind: SpanKind.CONSUMER,
    parent: contextFrom(input.traceHeaders),
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': input.topic,
      'messaging.consumer.group.name': input.groupId,
      'messaging.message.id': input.envelope.id,
      'rj.event.type': input.envelope.type,
      ...(input.partition !== undefined ? { 'messaging.destination.partition.id': String(input.partition) } : {}),
      ...(input.offset !== undefined ? { 'messaging.kafka.offset': Number(input.offset) } : {}),
      ...(input.pendingSeq ? { 'rj.parked_retry': true } : {}),
    },
  });
}

async function park(
  manager: EntityManager,
  input: ApplyInput,
  orderingKey: string,
  waitingFor: string,
): Promise<ApplyResult> {
  const { groupId, topic, envelope, pendingSeq } = input;
  // Not applied after all: the inbox must not claim it.
  await releaseClaims(manager, groupId, [envelope.id]);
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
