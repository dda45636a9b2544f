import { RuleViolation } from '@rj/shared/contracts';
import {
  assertCapacityAvailable,
  assertOfferAnswerable,
  offerExpiresAt,
  offerStatusAfter,
  type OfferSnapshot,
} from './offer-rules';

const now = new Date('2026-03-01T10:00:00Z');
const pending = (overrides: Partial<OfferSnapshot> = {}): OfferSnapshot => ({
  partnerId: 'p1',
  status: 'pending',
  expiresAt: new Date('2026-03-02T10:00:00Z'),
  ...overrides,
});
const ruleOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolation) return error.rule;
    throw error;
  }
  return null;
};

describe('offer rules (product.md, Offer)', () => {
  it('expires an offer after the partner\u2019s response window, fractions of hours included', () => {
    expect(offerExpiresAt(now, 24).toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(offerExpiresAt(now, 0.01).toISOString()).toBe('2026-03-01T10:00:36.000Z');
    expect(() => offerExpiresAt(now, 0)).toThrow();
  });

  it('refuses an answer to an expired offer', () => {
    expect(ruleOf(() => assertOfferAnswerable(pending({ expiresAt: now }), now))).toBe('offer_expired');
  });

  it.each(['accepted', 'declined', 'expired', 'withdrawn'] as const)(
    'refuses an answer to an offer already %s',
    (status) => {
      expect(ruleOf(() => assertOfferAnswerable(pending({ status }), now))).toBe('offer_already_answered');
    },
  );

  it('moves a pending offer to accepted, declined, expired or withdrawn', () => {
    expect(offerStatusAfter(pending(), 'accept', now)).toBe('accepted');
    expect(offerStatusAfter(pending(), 'decline', now)).toBe('declined');
    expect(offerStatusAfter(pending({ expiresAt: now }), 'expire', now)).toBe('expired');
    expect(offerStatusAfter(pending(), 'withdraw', now)).toBe('withdrawn');
  });

  it('does not expire an offer before its deadline', () => {
    expect(ruleOf(() => offerStatusAfter(pending(), 'expire', now))).toBe('offer_not_yet_expired');
  });

  it('leaves an answered offer as it is when the expiry timer fires late', () => {
    expect(offerStatusAfter(pending({ status: 'accepted', expiresAt: now }), 'expire', now)).toBe('accepted');
    expect(offerStatusAfter(pending({ status: 'declined' }), 'withdraw', now)).toBe('declined');
  });

  it('refuses an acceptance when the partner has no free capacity left', () => {
    expect(ruleOf(() => assertCapacityAvailable({ capacity: 2, openCases: 2 }))).toBe('partner_capacity');
    expect(() => assertCapacityAvailable({ capacity: 2, openCases: 1 })).not.toThrow();
  });
});
