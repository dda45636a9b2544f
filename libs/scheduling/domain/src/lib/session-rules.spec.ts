import { InvalidInput, RuleViolation } from '@rj/shared/contracts';
import type { CaseState } from './case-state';
import { assertSessionAllowed, type SessionRequest } from './session-rules';
import { assignedMediator, BOTH, HARMED, MEDIATOR, readyCase, RESPONSIBLE } from '../test/case-fixtures';

const now = new Date('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;
const WINDOW = 72 * HOUR;
const at = (offsetHours: number) => new Date(now.getTime() + offsetHours * HOUR);
const request = (overrides: Partial<SessionRequest> = {}): SessionRequest => ({
  kind: 'preparation',
  startsAt: at(24),
  endsAt: at(25),
  participantIds: [HARMED],
  mediatorIds: [MEDIATOR],
  ...overrides,
});
const ruleOf = (state: CaseState, session: SessionRequest) => {
  try {
    assertSessionAllowed(state, session, now, WINDOW);
  } catch (error) {
    if (error instanceof RuleViolation) return error.rule;
    if (error instanceof InvalidInput) return 'invalid_input';
    throw error;
  }
  return null;
};

describe('session rules (product.md, Preparation and Dialogue)', () => {
  it('books a future preparation session with one consented participant', () => {
    expect(assertSessionAllowed(readyCase(), request(), now, WINDOW)).toEqual({ recordedLate: false });
  });

  it('holds preparation with one party at a time (R9)', () => {
    expect(ruleOf(readyCase(), request({ participantIds: BOTH }))).toBe('preparation_one_participant');
  });

  it('refuses any session of a party before that party\u2019s participation consent', () => {
    expect(ruleOf(readyCase({}, { consents: {} }), request())).toBe('participation_consent_required');
    expect(ruleOf(readyCase({}, { consents: {} }), request({ kind: 'follow_up' }))).toBe(
      'participation_consent_required',
    );
  });

  it('needs a minor\u2019s guardian\u2019s consent too', () => {
    expect(ruleOf(readyCase({}, { minor: true }), request())).toBe('participation_consent_required');
    expect(ruleOf(readyCase({}, { minor: true, guardianConsents: { participation: 'given' } }), request())).toBeNull();
  });

  it('lets only assigned mediators lead a session', () => {
    expect(ruleOf(readyCase({ mediators: [assignedMediator({ declared: false })] }), request())).toBe(
      'mediator_not_assigned',
    );
  });

  it('refuses sessions in a concluded case or one on hold after a stop', () => {
    expect(ruleOf(readyCase({ status: 'concluded' }), request())).toBe('case_concluded');
    expect(
      ruleOf(
        readyCase({ status: 'on_hold', holdReason: 'risk_stop' }),
        request({ kind: 'indirect_dialogue', participantIds: BOTH }),
      ),
    ).toBe('case_on_hold_risk_stop');
  });

  it('allows only an indirect dialogue while on hold after a participation withdrawal', () => {
    const held = readyCase({ status: 'on_hold', holdReason: 'participation_withdrawn' });
    expect(ruleOf(held, request())).toBe('case_on_hold');
    expect(ruleOf(held, request({ kind: 'joint_dialogue', participantIds: BOTH }))).toBe('case_on_hold');
    expect(ruleOf(held, request({ kind: 'indirect_dialogue', participantIds: BOTH }))).toBeNull();
  });

  it('puts dialogues through the dialogue gate', () => {
    expect(ruleOf(readyCase(), request({ kind: 'joint_dialogue', participantIds: BOTH }))).toBeNull();
    expect(
      ruleOf(
        readyCase({}, {}, { latestRisk: 'indirect_only' }),
        request({ kind: 'joint_dialogue', participantIds: BOTH }),
      ),
    ).toBe('dialogue_gate');
    expect(
      ruleOf(
        readyCase({}, {}, { latestRisk: 'indirect_only' }),
        request({ kind: 'indirect_dialogue', participantIds: BOTH }),
      ),
    ).toBeNull();
    expect(ruleOf(readyCase(), request({ kind: 'joint_dialogue', participantIds: [RESPONSIBLE] }))).toBe(
      'dialogue_gate',
    );
  });

  it('refuses a session that ends before it starts, or names strangers', () => {
    expect(ruleOf(readyCase(), request({ endsAt: at(24) }))).toBe('invalid_input');
    expect(ruleOf(readyCase(), request({ participantIds: ['stranger'] }))).toBe('invalid_input');
    expect(ruleOf(readyCase(), request({ mediatorIds: [] }))).toBe('invalid_input');
  });

  describe('back-dating (product.md: "cannot be back-dated beyond a configured window")', () => {
    const attendance = [{ participantId: HARMED, present: true }];

    it('records a past session with its attendance within the window', () => {
      expect(
        assertSessionAllowed(readyCase(), request({ startsAt: at(-48), endsAt: at(-47), attendance }), now, WINDOW),
      ).toEqual({ recordedLate: true });
    });

    it('refuses a past session without attendance', () => {
      expect(ruleOf(readyCase(), request({ startsAt: at(-2), endsAt: at(-1) }))).toBe('past_session_needs_attendance');
    });

    it('refuses a session further back than the window', () => {
      expect(ruleOf(readyCase(), request({ startsAt: at(-73), endsAt: at(-72), attendance }))).toBe(
        'backdating_window',
      );
    });

    it('accepts a session exactly at the edge of the window', () => {
      expect(ruleOf(readyCase(), request({ startsAt: at(-72), endsAt: at(-71), attendance }))).toBeNull();
    });

    it('refuses attendance for a session still ahead, or still running', () => {
      expect(ruleOf(readyCase(), request({ attendance }))).toBe('attendance_before_session');
      expect(ruleOf(readyCase(), request({ startsAt: at(-1), endsAt: at(1), attendance }))).toBe('session_not_over');
    });
  });
});
