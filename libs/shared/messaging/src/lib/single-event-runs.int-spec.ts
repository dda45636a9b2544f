import { uuidv7 } from '@rj/shared/contracts';
import { eventually, recordStatements } from '@rj/shared/testing';
import {
  offerAccepted,
  offerWithdrawn,
  publishEvents,
  startFixtureConsumerSuite,
  type FixtureConsumerSuite,
} from '../test/backbone-fixture';

const MATCHING = 'rj.matching.v1';

/**
 * After a handler throws (an event parked, most often), a consumer gives its next runs a
 * savepoint per event, two statements each, since such events come together. A run of one
 * event gains nothing from one: redoing it after a throw costs what the savepoint would.
 */
describe('runs of a single event, after an event parked', () => {
  let suite: FixtureConsumerSuite;
  let statements: string[] = [];

  beforeAll(async () => {
    suite = await startFixtureConsumerSuite('single-event-runs', {
      partitions: 1,
      beforeStart: (db) => void (statements = recordStatements(db.dataSource)),
    });
  });
  afterAll(() => suite?.stop());

  const count = async (sql: string, id: string) =>
    ((await suite.db.dataSource.query(sql, [id])) as { n: number }[])[0].n;

  it('applies them without savepoints', async () => {
    // Withdrawing an offer that was never accepted waits for its acceptance: it parks.
    const waiting = offerWithdrawn(uuidv7(), uuidv7());
    await publishEvents(suite.topics.prefix, MATCHING, [waiting]);
    await eventually(
      async () => (await count('select count(*)::int as n from pending_event where event_id = $1', waiting.id)) === 1,
      20_000,
      'the withdrawal parked',
    );

    statements.length = 0;
    const next = offerAccepted(uuidv7());
    await publishEvents(suite.topics.prefix, MATCHING, [next]);
    await eventually(
      async () => (await count('select count(*)::int as n from applied_event where event_id = $1', next.id)) === 1,
      20_000,
      'the next event applied',
    );
    expect(statements.filter((sql) => /savepoint/i.test(sql))).toEqual([]);
  });
});
