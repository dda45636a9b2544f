import { EVENT_CATALOGUE, eventsOfTopic, findEventDefinition } from './catalogue';
import { EVENT_DEFINITIONS } from './events';
import { ALL_TOPICS, Topics } from './topics';

/** api.md's event table, topic by topic, in its order. A change here is a change of the public contract. */
const API_MD_EVENTS = {
  [Topics.referral]: [
    'office.registered',
    'office.updated',
    'referral.submitted',
    'referral.screened',
    'referral.reviewed',
    'referral.withdrawn',
    'referral.deadline_extended',
    'referral.deadline_at_risk',
    'referral.personal_data_erased',
    'office.staff_member_added',
    'office.staff_training_recorded',
    'jurisdiction.settings_changed',
  ],
  [Topics.matching]: [
    'partner.registered',
    'partner.updated',
    'match.computed',
    'offer.made',
    'offer.accepted',
    'offer.declined',
    'offer.expired',
    'offer.withdrawn',
    'referral.unmatched',
  ],
  [Topics.scheduling]: [
    'case.opened',
    'mediator.registered',
    'mediator.updated',
    'mediator.proposed',
    'mediator.declared',
    'information.recorded',
    'risk.assessed',
    'acknowledgement.recorded',
    'consent.recorded',
    'session.scheduled',
    'session.rescheduled',
    'session.cancelled',
    'session.completed',
    'reminder.sent',
    'disclosure.recorded',
    'contact.confirmed',
    'case.on_hold',
    'case.concluded',
    'mediator.practice_recorded',
    'mediator.practice_verified',
    'practice_thresholds.set',
  ],
  [Topics.outcome]: [
    'agreement.recorded',
    'term.amended',
    'term.progress_recorded',
    'term.fulfilled',
    'term.overdue',
    'case.completed',
    'case.returned',
    'harmed_party.informed',
    'follow_up.due',
    'follow_up.recorded',
  ],
  [Topics.access]: ['personal_data.read', 'audit.read'],
} as const;

/** api.md: events with no referral are `office.*`, `partner.*`, `mediator.*` records — and the auditors' own reads. */
const NOT_OF_A_REFERRAL = [
  'office.registered',
  'office.updated',
  'office.staff_member_added',
  'office.staff_training_recorded',
  'jurisdiction.settings_changed',
  'partner.registered',
  'partner.updated',
  'mediator.registered',
  'mediator.updated',
  'mediator.practice_recorded',
  'mediator.practice_verified',
  'practice_thresholds.set',
  'audit.read',
];

describe('event catalogue', () => {
  it.each(ALL_TOPICS)("holds exactly api.md's events of %s, in its order", (topic) => {
    expect(eventsOfTopic(topic).map((definition) => definition.type)).toEqual(API_MD_EVENTS[topic]);
  });

  it("holds nothing beyond api.md's table, each type once at version 1", () => {
    const expected = Object.values(API_MD_EVENTS).flat();
    expect(EVENT_DEFINITIONS.map((definition) => definition.type)).toEqual(expected);
    expect(EVENT_CATALOGUE.size).toBe(expected.length);
    for (const type of expected) expect(findEventDefinition(type, 1)).toBeDefined();
  });

  it('makes every event of a referral name its referral, and only those', () => {
    for (const definition of EVENT_DEFINITIONS) {
      expect({ type: definition.type, referralScoped: definition.referralScoped }).toEqual({
        type: definition.type,
        referralScoped: !NOT_OF_A_REFERRAL.includes(definition.type),
      });
    }
  });

  it('names an aggregate for every event, keyed by its own id when it has no referral', () => {
    const aggregates = new Set(EVENT_DEFINITIONS.map((definition) => definition.aggregateType));
    expect([...aggregates].sort()).toEqual([
      'access',
      'agreement',
      'case',
      'follow_up',
      'jurisdiction',
      'match',
      'mediator',
      'offer',
      'office',
      'partner',
      'referral',
      'session',
    ]);
    expect(EVENT_DEFINITIONS.filter((d) => !d.referralScoped).map((d) => d.aggregateType)).toEqual([
      'office',
      'office',
      'office',
      'office',
      'jurisdiction',
      'partner',
      'partner',
      'mediator',
      'mediator',
      'mediator',
      'mediator',
      'jurisdiction',
      'access',
    ]);
  });

  it('freezes definitions so no one edits a version in place', () => {
    for (const definition of EVENT_DEFINITIONS) expect(Object.isFrozen(definition)).toBe(true);
  });
});
