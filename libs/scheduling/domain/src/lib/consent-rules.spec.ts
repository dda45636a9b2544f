import { RuleViolation } from '@rj/shared/contracts';
import { assertConsentAllowed, consentEffect, hasEffectiveConsent } from './consent-rules';
import { readyParticipant } from '../test/case-fixtures';

const ruleOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolation) return error.rule;
    throw error;
  }
  return null;
};
const fresh = readyParticipant({ consents: {}, informationRecorded: null });

describe('consent rules (product.md, Voluntary, informed consent)', () => {
  it('refuses a participation consent before the information given is recorded', () => {
    expect(ruleOf(() => assertConsentAllowed(fresh, 'participation', 'given', false))).toBe(
      'consent_needs_information',
    );
  });

  it('accepts a participation consent once information is recorded', () => {
    expect(
      ruleOf(() => assertConsentAllowed(readyParticipant({ consents: {} }), 'participation', 'given', false)),
    ).toBeNull();
  });

  it('always lets a participant decline, informed or not', () => {
    expect(ruleOf(() => assertConsentAllowed(fresh, 'participation', 'declined', false))).toBeNull();
  });

  it('accepts a guardian\u2019s consent only for a minor', () => {
    expect(ruleOf(() => assertConsentAllowed(readyParticipant(), 'participation', 'given', true))).toBe(
      'guardian_consent_minor_only',
    );
    expect(
      ruleOf(() => assertConsentAllowed(readyParticipant({ minor: true }), 'participation', 'given', true)),
    ).toBeNull();
  });

  it('withdraws only what was given, and takes back a given consent only as a withdrawal', () => {
    expect(ruleOf(() => assertConsentAllowed(fresh, 'participation', 'withdrawn', false))).toBe('consent_not_given');
    expect(ruleOf(() => assertConsentAllowed(readyParticipant(), 'participation', 'declined', false))).toBe(
      'consent_already_given',
    );
    expect(ruleOf(() => assertConsentAllowed(readyParticipant(), 'participation', 'withdrawn', false))).toBeNull();
  });

  it('keeps the guardian\u2019s and the participant\u2019s decisions apart', () => {
    const minor = readyParticipant({ minor: true, guardianConsents: {} });
    expect(ruleOf(() => assertConsentAllowed(minor, 'participation', 'withdrawn', true))).toBe('consent_not_given');
  });

  it('stops sessions, cancels reminders and holds the case on a participation withdrawal', () => {
    expect(consentEffect('participation', 'withdrawn')).toEqual({
      cancelFutureSessions: true,
      cancelReminders: true,
      putOnHold: true,
      holdReason: 'participation_withdrawn',
    });
  });

  it.each([
    ['participation', 'given'],
    ['participation', 'declined'],
    ['share_outcome_with_referrer', 'withdrawn'],
    ['receive_outcome', 'withdrawn'],
  ] as const)('changes nothing else for %s %s', (purpose, decision) => {
    expect(consentEffect(purpose, decision)).toMatchObject({ cancelFutureSessions: false, putOnHold: false });
  });

  it('counts a minor\u2019s consent only together with the guardian\u2019s', () => {
    expect(hasEffectiveConsent(readyParticipant({ minor: true }), 'participation')).toBe(false);
    expect(
      hasEffectiveConsent(
        readyParticipant({ minor: true, guardianConsents: { participation: 'given' } }),
        'participation',
      ),
    ).toBe(true);
    expect(
      hasEffectiveConsent(
        readyParticipant({ minor: true, consents: {}, guardianConsents: { participation: 'given' } }),
        'participation',
      ),
    ).toBe(false);
    expect(hasEffectiveConsent(readyParticipant(), 'participation')).toBe(true);
    expect(hasEffectiveConsent(readyParticipant(), 'receive_outcome')).toBe(false);
  });
});
