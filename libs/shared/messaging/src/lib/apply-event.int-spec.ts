import { randomUUID } from 'node:crypto';
import { OfferAccepted, uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { createScratchDatabase, recordStatements, type ScratchDatabase } from '@rj/shared/testing';
import type { EntityManager } from 'typeorm';
import {
  caseOpened,
  FIXTURE_MIGRATIONS,
  fixtureSubscriptions,
  offerAccepted,
  quietLogger,
} from '../test/backbone-fixture';
import { applyEvents, applyEventsWithoutSavepoints, type ApplyInput } from './apply-event';
import type { RunBatch } from './run-batch';
import { on, type Subscription } from './subscription';

/** Event ids whose row Postgres refuses when a batch writes them (a uuid column gets 'refused'). */
const refusedIds = new Set<string>();

/** A run's events written in one statement, as the audit ledger's appends are. */
class AppliedEvents implements RunBatch {
  private readonly events: EventEnvelope[] = [];
  add(event: EventEnvelope): void {
    this.events.push(event);
  }
  async flush(manager: EntityManager): Promise<void> {
    const events = this.events.splice(0);
    await manager.query(
      'insert into applied_event (event_id, event_type) select * from unnest($1::text[]::uuid[], $2::text[])',
      [events.map((e) => (refusedIds.has(e.id) ? 'refused' : e.id)), events.map((e) => e.type)],
    );
  }
}

const batching = on(OfferAccepted, async (event, context) => context.batch(AppliedEvents).add(event));

/**
 * A run of events applied without a savepoint per handler (issue 15) must end exactly as the
 * same run with savepoints: every event once, parked ones parked, nothing half-written.
 */
describe('applying a run of events without savepoints, against Postgres', () => {
  let db: ScratchDatabase;
  let statements: string[] = [];
  const groupId = `apply-${randomUUID()}`;
  const byType = new Map(fixtureSubscriptions().map((s) => [s.event.type, s]));

  beforeAll(async () => {
    db = await createScratchDatabase('apply', { migrations: FIXTURE_MIGRATIONS });
    statements = recordStatements(db.dataSource);
  });
  afterAll(() => db?.drop());
  beforeEach(() => (statements.length = 0));

  function inputsOf(events: EventEnvelope[], subscription?: Subscription): ApplyInput[] {
    return events.map((envelope, index) => ({
      dataSource: db.dataSource,
      groupId,
      topic: 'rj.matching.v1',
      partition: 0,
      offset: String(index),
      envelope,
      subscription: subscription ?? byType.get(envelope.type)!,
      logger: quietLogger(),
    }));
  }

  async function applied(eventIds: string[]): Promise<{ applied: number; inbox: number }> {
    const [row] = await db.dataSource.query(
      `select (select count(*)::int from applied_event where event_id = any($1::uuid[])) as applied,
              (select count(*)::int from inbox where consumer_group = $2 and event_id = any($1::uuid[])) as inbox`,
      [eventIds, groupId],
    );
    return row;
  }

  it('applies every event of a run in one transaction without a single savepoint', async () => {
    const events = [offerAccepted(uuidv7()), offerAccepted(uuidv7()), offerAccepted(uuidv7())];
    const outcome = await applyEventsWithoutSavepoints(inputsOf(events));
    const run = [...statements];
    expect(outcome).toEqual({ results: events.map(() => ({ kind: 'applied' })) });
    expect(await applied(events.map((e) => e.id))).toEqual({ applied: 3, inbox: 3 });
    expect(run.filter((sql) => /savepoint/i.test(sql))).toEqual([]);
    // One statement claims the run and reads what is parked ahead of it; COMMIT is checked
    // from the driver's transaction status, without a statement of its own.
    expect(run.filter((sql) => /inbox|pending_event/.test(sql))).toHaveLength(1);
    expect(run).not.toContain('select 1');
    expect(run.filter((sql) => sql === 'COMMIT')).toHaveLength(1);

    statements.length = 0;
    const again = await applyEventsWithoutSavepoints(inputsOf(events));
    expect(again?.results).toEqual(events.map(() => ({ kind: 'duplicate' })));
    expect(await applied(events.map((e) => e.id))).toEqual({ applied: 3, inbox: 3 });
  });

  it('rolls the whole run back when a handler misses its prerequisite; with savepoints it then parks only that one', async () => {
    const referralId = uuidv7();
    const before = offerAccepted(referralId);
    const waiting = caseOpened(uuidv7(), uuidv7()); // its offer was never accepted
    const after = offerAccepted(uuidv7());
    const run = inputsOf([before, waiting, after]);

    expect(await applyEventsWithoutSavepoints(run)).toBeUndefined();
    expect(await applied([before.id, waiting.id, after.id])).toEqual({ applied: 0, inbox: 0 });

    const outcome = await applyEvents(run);
    expect(outcome.results.map((r) => r.kind)).toEqual(['applied', 'parked', 'applied']);
    expect(await applied([before.id, waiting.id, after.id])).toEqual({ applied: 2, inbox: 2 });
  });

  it('never commits a run in which a handler swallowed a database error, so nothing of it is lost', async () => {
    const swallowing = on(OfferAccepted, async (event, { manager }) => {
      await manager.query('insert into applied_event (event_id, event_type) values ($1, $2)', [event.id, event.type]);
      // A careless handler: the error is caught, but Postgres has aborted the transaction.
      await manager.query('select * from no_such_table').catch(() => undefined);
    });
    // The last (here: the only) handler of the run: no later statement would notice.
    const events = [offerAccepted(uuidv7())];

    expect(await applyEventsWithoutSavepoints(inputsOf(events, swallowing))).toBeUndefined();
    expect(await applied(events.map((e) => e.id))).toEqual({ applied: 0, inbox: 0 });
    // Without the check before COMMIT, Postgres would have answered COMMIT with a silent
    // rollback and the consumer would have moved past an event that was never applied.
    expect(statements).not.toContain('COMMIT');
    expect(statements).toContain('ROLLBACK');
  });

  describe('a run whose handlers gather their writes in a batch (RunBatch)', () => {
    const batchWrites = () => statements.filter((sql) => sql.includes('unnest($1::text[]::uuid[]'));

    it('writes the batch once, before the commit, without savepoints', async () => {
      const events = [offerAccepted(uuidv7()), offerAccepted(uuidv7()), offerAccepted(uuidv7())];
      const outcome = await applyEventsWithoutSavepoints(inputsOf(events, batching));
      expect(outcome?.results).toEqual(events.map(() => ({ kind: 'applied' })));
      expect(await applied(events.map((e) => e.id))).toEqual({ applied: 3, inbox: 3 });
      expect(batchWrites()).toHaveLength(1);
      expect(statements.indexOf(batchWrites()[0])).toBeLessThan(statements.indexOf('COMMIT'));
    });

    it('writes each event on its own, inside its savepoint, when the run takes savepoints', async () => {
      const events = [offerAccepted(uuidv7()), offerAccepted(uuidv7()), offerAccepted(uuidv7())];
      const outcome = await applyEvents(inputsOf(events, batching));
      expect(outcome.results).toEqual(events.map(() => ({ kind: 'applied' })));
      expect(await applied(events.map((e) => e.id))).toEqual({ applied: 3, inbox: 3 });
      expect(batchWrites()).toHaveLength(3);
    });

    it('rolls the run back when the batch cannot be written; with savepoints the failure is that one event\u2019s', async () => {
      const events = [offerAccepted(uuidv7()), offerAccepted(uuidv7()), offerAccepted(uuidv7())];
      refusedIds.add(events[1].id);
      try {
        expect(await applyEventsWithoutSavepoints(inputsOf(events, batching))).toBeUndefined();
        expect(await applied(events.map((e) => e.id))).toEqual({ applied: 0, inbox: 0 });

        const outcome = await applyEvents(inputsOf(events, batching));
        // The first committed, the refused one is the failure to retry, the last was not tried.
        expect(outcome.results).toEqual([{ kind: 'applied' }]);
        expect(outcome.failure?.index).toBe(1);
        expect(await applied([events[0].id])).toEqual({ applied: 1, inbox: 1 });
        expect(await applied([events[1].id, events[2].id])).toEqual({ applied: 0, inbox: 0 });
      } finally {
        refusedIds.clear();
      }
    });
  });

  it('knows from the driver, without a statement, that the transaction is aborted once Postgres said so', async () => {
    const swallowingThenIdle = on(OfferAccepted, async (event, { manager }) => {
      await manager.query('select * from no_such_table').catch(() => undefined);
      // pg hands the error over before the ReadyForQuery that reports the aborted transaction:
      // wait for that message, so the check has the driver's status to read.
      const client = (manager.queryRunner as unknown as { databaseConnection: { readyForQuery: boolean } })
        .databaseConnection;
      while (!client.readyForQuery) await new Promise((resolve) => setImmediate(resolve));
    });
    const events = [offerAccepted(uuidv7())];

    expect(await applyEventsWithoutSavepoints(inputsOf(events, swallowingThenIdle))).toBeUndefined();
    expect(statements).not.toContain('select 1');
    expect(statements).not.toContain('COMMIT');
    expect(await applied(events.map((e) => e.id))).toEqual({ applied: 0, inbox: 0 });
  });
});
