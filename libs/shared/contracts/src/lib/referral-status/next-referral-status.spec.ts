import { REFERRAL_STATUSES, type ReferralStatus } from '../events/vocabulary';
import { nextReferralStatus, type StatusEventData } from './next-referral-status';

type Row = [from: ReferralStatus, event: string, data: StatusEventData, to: ReferralStatus];

describe('nextReferralStatus', () => {
  // Every mapping row of api.md's "Referral status".
  const mapping: Row[] = [
    ['submitted', 'referral.screened', { outcome: 'ineligible' }, 'ineligible'],
    ['submitted', 'referral.screened', { outcome: 'needs_review' }, 'needs_review'],
    ['submitted', 'referral.screened', { outcome: 'eligible' }, 'matching'],
    ['needs_review', 'referral.reviewed', { decision: 'eligible' }, 'matching'],
    ['needs_review', 'referral.reviewed', { decision: 'ineligible' }, 'ineligible'],
    ['ineligible', 'referral.reviewed', { decision: 'eligible' }, 'matching'],
    ['matching', 'offer.made', {}, 'offered'],
    ['offered', 'offer.accepted', {}, 'assigned'],
    ['assigned', 'session.completed', {}, 'in_progress'],
    ['in_progress', 'case.completed', {}, 'completed'],
    ['in_progress', 'case.returned', {}, 'returned'],
    ['matching', 'referral.unmatched', {}, 'unmatched'],
    ['offered', 'referral.unmatched', {}, 'unmatched'],
    ['offered', 'referral.withdrawn', {}, 'withdrawn'],
  ];
  it.each(mapping)('%s + %s %j → %s', (from, event, data, to) => {
    expect(nextReferralStatus(from, event, data)).toBe(to);
  });

  // Events out of order never move a referral back; re-offers stay offered.
  const outOfOrder: Row[] = [
    ['assigned', 'offer.made', {}, 'assigned'],
    ['in_progress', 'offer.accepted', {}, 'in_progress'],
    ['in_progress', 'session.completed', {}, 'in_progress'],
    ['offered', 'offer.made', {}, 'offered'],
    ['offered', 'offer.declined', {}, 'offered'],
    ['offered', 'offer.expired', {}, 'offered'],
    ['matching', 'referral.screened', { outcome: 'needs_review' }, 'matching'],
    ['offered', 'referral.reviewed', { decision: 'ineligible' }, 'offered'],
    ['assigned', 'referral.unmatched', {}, 'assigned'],
    ['completed', 'case.returned', {}, 'completed'],
    ['returned', 'case.completed', {}, 'returned'],
    ['unmatched', 'offer.made', {}, 'unmatched'],
    ['ineligible', 'offer.made', {}, 'ineligible'],
    ['ineligible', 'referral.reviewed', { decision: 'ineligible' }, 'ineligible'],
    // A downstream event proves the steps before it happened (cross-topic order).
    ['matching', 'offer.accepted', {}, 'assigned'],
    ['offered', 'case.completed', {}, 'completed'],
  ];
  it.each(outOfOrder)('keeps order: %s + %s %j → %s', (from, event, data, to) => {
    expect(nextReferralStatus(from, event, data)).toBe(to);
  });

  it('keeps withdrawn final: no later event changes it', () => {
    const events: [string, StatusEventData][] = [
      ['referral.screened', { outcome: 'eligible' }],
      ['referral.reviewed', { decision: 'eligible' }],
      ['offer.made', {}],
      ['offer.accepted', {}],
      ['session.completed', {}],
      ['case.completed', {}],
      ['case.returned', {}],
      ['referral.unmatched', {}],
      ['referral.withdrawn', {}],
    ];
    for (const [event, data] of events) expect(nextReferralStatus('withdrawn', event, data)).toBe('withdrawn');
  });

  it('takes a withdrawal from every status: intake emits one only when it was allowed', () => {
    for (const status of REFERRAL_STATUSES) expect(nextReferralStatus(status, 'referral.withdrawn')).toBe('withdrawn');
  });

  it('ignores events that do not move a referral and malformed data', () => {
    expect(nextReferralStatus('assigned', 'consent.recorded')).toBe('assigned');
    expect(nextReferralStatus('submitted', 'referral.screened', { outcome: 'maybe' })).toBe('submitted');
    expect(nextReferralStatus('needs_review', 'referral.reviewed', {})).toBe('needs_review');
  });

  // Two statuses of one rank are alternatives: a late event of the other never replaces the first.
  it('a late event cannot move a referral sideways: completed → returned, assigned → unmatched', () => {
    expect(nextReferralStatus('completed', 'case.returned')).toBe('completed');
    expect(nextReferralStatus('returned', 'case.completed')).toBe('returned');
    expect(nextReferralStatus('assigned', 'referral.unmatched')).toBe('assigned');
    expect(nextReferralStatus('unmatched', 'offer.accepted')).toBe('unmatched');
  });
});
