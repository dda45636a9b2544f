import { InvalidInput, RuleViolation } from '@rj/shared/contracts';
import { BOTH, HARMED, MEDIATOR, readyCase, RESPONSIBLE } from '../test/case-fixtures';
import type { SessionState } from './case-state';
import {
  ALL_SESSION_KINDS,
  assertCompletionAllowed,
  assertSessionChangeable,
  sessionsToCancel,
} from './session-lifecycle-rules';

const NOW = new Date('2026-03-10T12:00:00Z');
const session = (overrides: Partial<SessionState>): SessionState => ({
  sessionId: 's',
  kind: 'preparation',
  startsAt: '2026-03-12T10:00:00Z',
  endsAt: '2026-03-12T11:00:00Z',
  participantIds: [HARMED],
  mediatorIds: [MEDIATOR],
  status: 'scheduled',
  ...overrides,
});

describe('session lifecycle rules', () => {
  const sessions = [
    session({ sessionId: 'future-joint', kind: 'joint_dialogue' }),
    session({ sessionId: 'future-prep' }),
    session({ sessionId: 'running', startsAt: '2026-03-10T11:30:00Z', endsAt: '2026-03-10T12:30:00Z' }),
    session({ sessionId: 'past-unrecorded', startsAt: '2026-03-09T10:00:00Z', endsAt: '2026-03-09T11:00:00Z' }),
    session({ sessionId: 'cancelled', status: 'cancelled' }),
  ];

  it('cancels every scheduled session not yet over on a withdrawal', () => {
    expect(sessionsToCancel(readyCase({ sessions }), NOW, ALL_SESSION_KINDS).map((s) => s.sessionId)).toEqual([
      'future-joint',
      'future-prep',
      'running',
    ]);
  });

  it('cancels only joint dialogues when a party may meet only indirectly', () => {
    expect(sessionsToCancel(readyCase({ sessions }), NOW, ['joint_dialogue']).map((s) => s.sessionId)).toEqual([
      'future-joint',
    ]);
  });

  it('cancels everything still scheduled on a conclusion', () => {
    expect(sessionsToCancel(readyCase({ sessions }), NOW, ALL_SESSION_KINDS, 'all_scheduled')).toHaveLength(4);
  });

  it('moves or cancels only a scheduled session that has not begun', () => {
    expect(() => assertSessionChangeable(session({}), NOW)).not.toThrow();
    expect(() => assertSessionChangeable(session({ status: 'completed' }), NOW)).toThrow(
      expect.objectContaining({ rule: 'session_not_scheduled' }),
    );
    expect(() => assertSessionChangeable(session({ startsAt: '2026-03-10T11:00:00Z' }), NOW)).toThrow(
      expect.objectContaining({ rule: 'session_started' }),
    );
  });

  it('records attendance once the session began, for exactly its participants', () => {
    const begun = session({ startsAt: '2026-03-10T11:00:00Z', participantIds: BOTH });
    const attendance = [
      { participantId: RESPONSIBLE, present: false },
      { participantId: HARMED, present: true },
    ];
    expect(assertCompletionAllowed(readyCase(), begun, attendance, NOW)).toEqual([
      { participantId: HARMED, present: true },
      { participantId: RESPONSIBLE, present: false },
    ]);
    expect(() =>
      assertCompletionAllowed(readyCase(), session({}), [{ participantId: HARMED, present: true }], NOW),
    ).toThrow(expect.objectContaining({ rule: 'session_not_started' }));
    expect(() => assertCompletionAllowed(readyCase(), begun, [attendance[0]], NOW)).toThrow(InvalidInput);
    expect(() => assertCompletionAllowed(readyCase(), begun, [...attendance, attendance[0]], NOW)).toThrow(
      InvalidInput,
    );
    expect(() => assertCompletionAllowed(readyCase({ status: 'concluded' }), begun, attendance, NOW)).toThrow(
      RuleViolation,
    );
  });
});
