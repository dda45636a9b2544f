import { type EventEnvelope } from '@rj/shared/contracts';
import { SAMPLE_EVENTS, SAMPLE_IDS, sampleEvent, type SampleEventType } from '@rj/shared/contracts/testing';
import { foldReferralEvents } from './fold-referral-events';
import { referralReducer } from './referral.reducer';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 9, minute)).toISOString();

/** The samples' happy path, from submission to follow-up, with events of no referral mixed in. */
const PATH: SampleEventType[] = [
  'office.registered',
  'partner.registered',
  'referral.submitted',
  'referral.screened',
  'referral.reviewed',
  'match.computed',
  'offer.made',
  'offer.accepted',
  'case.opened',
  'mediator.proposed',
  'mediator.declared',
  'information.recorded',
  'risk.assessed',
  'acknowledgement.recorded',
  'consent.recorded',
  'session.scheduled',
  'session.completed',
  'reminder.sent',
  'case.concluded',
  'agreement.recorded',
  'term.amended',
  'term.progress_recorded',
  'term.fulfilled',
  'term.overdue',
  'case.completed',
  'harmed_party.informed',
  'follow_up.due',
  'follow_up.recorded',
  'personal_data.read',
  'referral.deadline_extended',
  'referral.deadline_at_risk',
  'referral.personal_data_erased',
];
const path = (): EventEnvelope[] => PATH.map((type) => SAMPLE_EVENTS[type] as EventEnvelope);

describe('referralReducer / foldReferralEvents', () => {
  it('folds a whole path into the referral as it ends', () => {
    const view = foldReferralEvents(path());
    expect(view).toMatchObject({
      referralId: SAMPLE_IDS.referralId,
      status: 'completed',
      officeId: SAMPLE_IDS.officeId,
      jurisdiction: 'NL-NH',
      offenseCategory: 'property_damage',
      partnerId: SAMPLE_IDS.partnerId,
      caseId: SAMPLE_IDS.caseId,
      reportBackBy: '2025-12-31',
      personalDataErasedAt: at(59),
      lastEventAt: at(59),
    });
    // Events of no referral (office, partner) and reads (access log) are not the referral's.
    expect(view?.eventCount).toBe(PATH.length - 3);
    expect(view?.statusHistory.map((change) => [change.status, change.at])).toEqual([
      ['submitted', at(2)],
      ['needs_review', at(2)],
      ['matching', at(3)],
      ['offered', at(4)],
      ['assigned', at(5)],
      ['in_progress', at(16)],
      ['completed', at(26)],
    ]);
    expect(view?.statusHistory[2].eventId).toBe(SAMPLE_EVENTS['referral.reviewed'].id);
  });

  it('shows the referral as it stood at three moments', () => {
    expect(foldReferralEvents(path(), { at: at(3) })).toMatchObject({ status: 'matching', reportBackBy: '2025-09-30' });
    const atAcceptance = foldReferralEvents(path(), { at: new Date(at(5)) });
    expect(atAcceptance).toMatchObject({ status: 'assigned', partnerId: SAMPLE_IDS.partnerId });
    expect(atAcceptance?.caseId).toBeUndefined();
    const atEnd = foldReferralEvents(path(), { at: at(30) });
    expect(atEnd).toMatchObject({ status: 'completed', caseId: SAMPLE_IDS.caseId, reportBackBy: '2025-09-30' });
    expect(atEnd?.personalDataErasedAt).toBeUndefined();
    expect(foldReferralEvents(path(), { at: at(1) })).toBeUndefined();
  });

  it('gives the same state whatever order the ledger received the topics in', () => {
    const shuffled = [...path()].reverse();
    expect(foldReferralEvents(shuffled)).toEqual(foldReferralEvents(path()));
  });

  it('does not move back on a late event folded in arrival order', () => {
    const events = path().filter((event) => event.referralId);
    const lateOffer = events.find((event) => event.type === 'offer.made')!;
    let view = events.filter((event) => event !== lateOffer).reduce(referralReducer, undefined);
    expect(view?.status).toBe('completed');
    view = referralReducer(view!, lateOffer);
    expect(view.status).toBe('completed');
  });

  it('keeps a withdrawal final', () => {
    const withdrawn = sampleEvent('referral.withdrawn');
    withdrawn.occurredAt = at(4);
    const offerMade = SAMPLE_EVENTS['offer.made'] as EventEnvelope;
    const lateAccept = sampleEvent('offer.accepted');
    lateAccept.occurredAt = at(5);
    const view = foldReferralEvents([
      SAMPLE_EVENTS['referral.submitted'],
      SAMPLE_EVENTS['referral.screened'],
      SAMPLE_EVENTS['referral.reviewed'],
      offerMade,
      withdrawn,
      lateAccept,
    ] as EventEnvelope[]);
    expect(view).toMatchObject({ status: 'withdrawn', withdrawnAt: at(4) });
  });

  it('fills in the referral when its submission arrives after other events', () => {
    const early = referralReducer(undefined, SAMPLE_EVENTS['offer.accepted'] as EventEnvelope);
    expect(early).toMatchObject({ status: 'assigned', partnerId: SAMPLE_IDS.partnerId, officeId: null });
    const filled = referralReducer(early!, SAMPLE_EVENTS['referral.submitted'] as EventEnvelope);
    expect(filled).toMatchObject({
      status: 'assigned',
      officeId: SAMPLE_IDS.officeId,
      jurisdiction: 'NL-NH',
      eventCount: 2,
    });
  });

  it('records the specialist category of an overridden exclusion', () => {
    const reviewed = sampleEvent('referral.reviewed');
    reviewed.data = {
      decision: 'eligible',
      reviewerRole: 'admin',
      overrodeExclusion: true,
      requiresSpecialist: true,
      specialistCategory: 'domestic_violence',
      reasonRecorded: true,
    };
    const view = foldReferralEvents([SAMPLE_EVENTS['referral.submitted'] as EventEnvelope, reviewed as EventEnvelope]);
    expect(view?.specialistCategory).toBe('domestic_violence');
  });

  it('replays odd data without throwing and ignores another referral', () => {
    const odd = { ...(SAMPLE_EVENTS['offer.accepted'] as EventEnvelope), data: null };
    const view = referralReducer(undefined, odd);
    expect(view).toMatchObject({ status: 'assigned' });
    expect(view?.partnerId).toBeUndefined();
    const other = {
      ...(SAMPLE_EVENTS['case.completed'] as EventEnvelope),
      referralId: '01950000-0000-7000-8000-0000000000ff',
    };
    expect(referralReducer(view!, other)).toBe(view);
    expect(referralReducer(undefined, SAMPLE_EVENTS['office.registered'] as EventEnvelope)).toBeUndefined();
  });
});
