import { DlqHeaders, uuidv7 } from '@rj/shared/contracts';
import { eventually, readTopics } from '@rj/shared/testing';
import {
  caseOpened,
  offerAccepted,
  publishEvents,
  startFixtureConsumerSuite,
  type FixtureConsumerSuite,
} from '../test/backbone-fixture';
import { topicMismatch } from './event-consumer';

const MATCHING = 'rj.matching.v1';

describe('item 6: consumers dead-letter an event whose type does not belong to the topic it arrived on', () => {
  let suite: FixtureConsumerSuite;

  beforeAll(async () => {
    suite = await startFixtureConsumerSuite('wrong-topic');
  });
  afterAll(() => suite?.stop());

  it('a case.opened (scheduling\u2019s type) written on the matching topic goes to the matching DLQ with its reason and is not applied', async () => {
    const referralId = uuidv7();
    const offerId = uuidv7();
    const accepted = offerAccepted(referralId, offerId);
    const impostor = caseOpened(referralId, offerId); // would apply: its prerequisite is met
    const sentinel = offerAccepted(referralId);
    await publishEvents(suite.topics.prefix, MATCHING, [accepted, impostor, sentinel]);

    await eventually(async () => (await suite.applied(sentinel.id)) === 1, 20_000, 'the sentinel after the impostor');
    expect(await suite.applied(accepted.id)).toBe(1);
    expect(await suite.applied(impostor.id)).toBe(0);

    const dead = await readTopics([`${suite.topics.prefix}${MATCHING}.dlq`], (messages) =>
      messages.some((m) => m.value.includes(impostor.id)),
    );
    const letter = dead.find((m) => m.value.includes(impostor.id));
    expect(letter?.headers[DlqHeaders.reason]).toBe('wrong_topic');
    expect(letter?.headers[DlqHeaders.error]).toBe(`case.opened belongs to rj.scheduling.v1, not ${MATCHING}`);
    expect(letter?.headers[DlqHeaders.originalTopic]).toBe(`${suite.topics.prefix}${MATCHING}`);
  });

  it('topicMismatch: a type on its own topic passes, on another is refused, an unknown type is left to the schema check', () => {
    expect(topicMismatch('offer.accepted', MATCHING)).toBeNull();
    expect(topicMismatch('referral.personal_data_erased', MATCHING)).toBe(
      'referral.personal_data_erased belongs to rj.referral.v1, not rj.matching.v1',
    );
    expect(topicMismatch('no.such_type', MATCHING)).toBeNull();
  });
});
