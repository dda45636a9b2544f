import { randomUUID } from 'node:crypto';
import { DlqHeaders, uuidv7 } from '@rj/shared/contracts';
import {
  createScratchDatabase,
  createTestTopics,
  eventually,
  readTopics,
  type ScratchDatabase,
  type TestTopics,
} from '@rj/shared/testing';
import {
  caseOpened,
  FIXTURE_MIGRATIONS,
  fixtureConsumer,
  offerAccepted,
  publishEvents,
} from '../test/backbone-fixture';
import { topicMismatch, type EventConsumer } from './event-consumer';

const MATCHING = 'rj.matching.v1';

describe('item 6: consumers dead-letter an event whose type does not belong to the topic it arrived on', () => {
  let topics: TestTopics;
  let db: ScratchDatabase;
  let consumer: EventConsumer;

  beforeAll(async () => {
    topics = await createTestTopics();
    db = await createScratchDatabase('wrong-topic', { migrations: FIXTURE_MIGRATIONS });
    consumer = fixtureConsumer(db.dataSource, `wrong-topic-${randomUUID()}`, topics.prefix);
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await db?.drop();
    await topics?.delete();
  });

  const applied = async (eventId: string) =>
    (
      (await db.dataSource.query('select count(*)::int as n from applied_event where event_id = $1', [eventId])) as {
        n: number;
      }[]
    )[0].n;

  it('a case.opened (scheduling\u2019s type) written on the matching topic goes to the matching DLQ with its reason and is not applied', async () => {
    const referralId = uuidv7();
    const offerId = uuidv7();
    const accepted = offerAccepted(referralId, offerId);
    const impostor = caseOpened(referralId, offerId); // would apply: its prerequisite is met
    const sentinel = offerAccepted(referralId);
    await publishEvents(topics.prefix, MATCHING, [accepted, impostor, sentinel]);

    await eventually(async () => (await applied(sentinel.id)) === 1, 20_000, 'the sentinel after the impostor');
    expect(await applied(accepted.id)).toBe(1);
    expect(await applied(impostor.id)).toBe(0);

    const dead = await readTopics([`${topics.prefix}${MATCHING}.dlq`], (messages) =>
      messages.some((m) => m.value.includes(impostor.id)),
    );
    const letter = dead.find((m) => m.value.includes(impostor.id));
    expect(letter?.headers[DlqHeaders.reason]).toBe('wrong_topic');
    expect(letter?.headers[DlqHeaders.error]).toBe(`case.opened belongs to rj.scheduling.v1, not ${MATCHING}`);
    expect(letter?.headers[DlqHeaders.originalTopic]).toBe(`${topics.prefix}${MATCHING}`);
  });

  it('topicMismatch: a type on its own topic passes, on another is refused, an unknown type is left to the schema check', () => {
    expect(topicMismatch('offer.accepted', MATCHING)).toBeNull();
    expect(topicMismatch('referral.personal_data_erased', MATCHING)).toBe(
      'referral.personal_data_erased belongs to rj.referral.v1, not rj.matching.v1',
    );
    expect(topicMismatch('no.such_type', MATCHING)).toBeNull();
  });
});
