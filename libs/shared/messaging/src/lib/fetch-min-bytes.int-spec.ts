import { uuidv7 } from '@rj/shared/contracts';
import { eventually } from '@rj/shared/testing';
import {
  offerAccepted,
  publishEvents,
  startFixtureConsumerSuite,
  type FixtureConsumerSuite,
} from '../test/backbone-fixture';

const MATCHING = 'rj.matching.v1';
const STREAM = 10;
const FETCH_WAIT_MS = 3000;

/**
 * A consumer off a referral's path may wait at the broker for company (KAFKA_FETCH_MIN_BYTES, at
 * most KAFKA_FETCH_MAX_WAIT_MS): events that arrive one at a time, as a steady stream of
 * referrals brings them, are then applied in one or two runs instead of one transaction each.
 * The transactions that applied the stream show it.
 */
describe('a consumer that waits for a fetch of some size', () => {
  let suite: FixtureConsumerSuite;

  beforeAll(async () => {
    // ~600 bytes an event: ten never reach 64 KB, so each fetch returns when its wait ends. The
    // session outlasts a fetch by far: kafkajs heartbeats between fetches, not during one.
    suite = await startFixtureConsumerSuite('fetch-min-bytes', {
      partitions: 1,
      consumer: { fetchMinBytes: 65_536, fetchMaxWaitMs: FETCH_WAIT_MS, sessionTimeoutMs: 10_000 },
    });
  });
  afterAll(() => suite?.stop());

  /** One event, sent by a producer of its own: tens of milliseconds apart, as a trickle comes. */
  async function send(): Promise<string> {
    const event = offerAccepted(uuidv7());
    await publishEvents(suite.topics.prefix, MATCHING, [event]);
    return event.id;
  }
  const applied = async (ids: string[]): Promise<{ event_id: string; tx: string }[]> =>
    suite.db.dataSource.query('select event_id, tx::text from applied_event where event_id = any($1)', [ids]);

  it('applies events sent one at a time in as many runs as fetch waits they span, not one transaction each', async () => {
    // Once the first event is applied the consumer is reading the end of the topic.
    const first = await send();
    await eventually(async () => (await suite.applied(first)) === 1, 30_000, 'the first event applied');

    const ids: string[] = [];
    const sendingFrom = Date.now();
    for (let n = 0; n < STREAM; n++) ids.push(await send());
    const sendingMs = Date.now() - sendingFrom;
    await eventually(async () => (await applied(ids)).length === STREAM, 30_000, 'the stream applied');

    // Each fetch waits FETCH_WAIT_MS at the broker, so sends that took sendingMs reach the
    // consumer in at most this many fetches, each applied in one transaction: 2 when the sends
    // take well under a wait, as they do. A consumer that returns with the first byte applies
    // most of them on their own, one send apart.
    const fetchesAtMost = Math.ceil(sendingMs / FETCH_WAIT_MS) + 1;
    const transactions = new Set((await applied(ids)).map((row) => row.tx));
    expect(transactions.size).toBeLessThanOrEqual(fetchesAtMost);
  });
});
