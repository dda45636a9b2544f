import { randomUUID } from 'node:crypto';
import { OfferAccepted, uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { createScratchDatabase, type ScratchDatabase } from '@rj/shared/testing';
import type { EntitySubscriberInterface } from 'typeorm';
import {
  caseOpened,
  FIXTURE_MIGRATIONS,
  fixtureSubscriptions,
  offerAccepted,
  quietLogger,
} from '../test/backbone-fixture';
import { applyEvents, applyEventsWithoutSavepoints, type ApplyInput } from './apply-event';
import { on, type Subscription } from './subscription';

/**
 * A run of events applied without a savepoint per handler (issue 15) must end exactly as the
 * same run with savepoints: every event once, parked ones parked, nothing half-written.
 */
describe('applying a run of events without savepoints, against Postgres', () => {
  let db: ScratchDatabase;
  const statements: string[] = [];
  const groupId = `apply-${randomUUID()}`;
  const byType = new Map(fixtureSubscriptions().map((s) => [s.event.type, s]));

  beforeAll(async () => {
    db = await createScratchDatabase('apply', { migrations: FIXTURE_MIGRATIONS });
    const recorder: EntitySubscriberInterface = { beforeQuery: (event) => void statements.push(event.query) };
    db.dataSource.subscribers.push(recorder);
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
