import { InvalidInput, RuleViolation } from '@rj/shared/contracts';
import type { SessionState } from './case-state';
import { assertConclusionAllowed } from './conclusion-rules';
import { BOTH, MEDIATOR, readyCase } from '../test/case-fixtures';

const dialogue = (status: SessionState['status']): SessionState => ({
  sessionId: 's1',
  kind: 'joint_dialogue',
  startsAt: '2026-03-01T10:00:00.000Z',
  endsAt: '2026-03-01T11:00:00.000Z',
  participantIds: BOTH,
  mediatorIds: [MEDIATOR],
  status,
});

describe('conclusion rules (product.md, Report back; Failure is not punished)', () => {
  it('concludes with an agreement after a completed dialogue', () => {
    expect(
      assertConclusionAllowed(readyCase({ sessions: [dialogue('completed')] }), { agreementReached: true }),
    ).toBeUndefined();
  });

  it('refuses an agreement without a dialogue that took place', () => {
    expect(() =>
      assertConclusionAllowed(readyCase({ sessions: [dialogue('scheduled')] }), { agreementReached: true }),
    ).toThrow(RuleViolation);
  });

  it('refuses a reason code with an agreement, and requires one without', () => {
    expect(() =>
      assertConclusionAllowed(readyCase({ sessions: [dialogue('completed')] }), {
        agreementReached: true,
        reasonCode: 'no_agreement',
      }),
    ).toThrow(InvalidInput);
    expect(() => assertConclusionAllowed(readyCase(), { agreementReached: false })).toThrow(InvalidInput);
    expect(() =>
      assertConclusionAllowed(readyCase(), { agreementReached: false, reasonCode: 'victim_declined' }),
    ).toThrow(InvalidInput);
  });

  it.each(['dialogue_not_held', 'no_agreement', 'not_suitable'])('accepts the neutral code %s', (reasonCode) => {
    expect(assertConclusionAllowed(readyCase(), { agreementReached: false, reasonCode })).toBe(reasonCode);
  });

  it('keeps referral_withdrawn for the platform', () => {
    expect(() =>
      assertConclusionAllowed(readyCase(), { agreementReached: false, reasonCode: 'referral_withdrawn' }),
    ).toThrow(RuleViolation);
    expect(
      assertConclusionAllowed(readyCase(), { agreementReached: false, reasonCode: 'referral_withdrawn' }, 'platform'),
    ).toBe('referral_withdrawn');
  });

  it('still concludes a case on hold after a stop, and never one already concluded', () => {
    expect(
      assertConclusionAllowed(readyCase({ status: 'on_hold', holdReason: 'risk_stop' }), {
        agreementReached: false,
        reasonCode: 'not_suitable',
      }),
    ).toBe('not_suitable');
    expect(() =>
      assertConclusionAllowed(readyCase({ status: 'concluded' }), {
        agreementReached: false,
        reasonCode: 'not_suitable',
      }),
    ).toThrow(RuleViolation);
  });
});
