import { InvalidInput, RuleViolation, type SessionKind } from '@rj/shared/contracts';
import type { CaseState, SessionState } from './case-state';

/** The sessions a withdrawal, a `stop` or a conclusion cancels, by id. */
export type CancelScope = 'not_over' | 'all_scheduled';

/**
 * product.md, Voluntary consent: "a withdrawal stops scheduling at once and cancels
 * reminders" — every scheduled session not yet over, of the given kinds. A conclusion (or the
 * prosecutor's withdrawal) cancels every session still scheduled: nothing is recorded after it.
 */
export function sessionsToCancel(
  state: CaseState,
  now: Date,
  kinds: readonly SessionKind[],
  scope: CancelScope = 'not_over',
): SessionState[] {
  return state.sessions.filter(
    (session) =>
      session.status === 'scheduled' &&
      kinds.includes(session.kind) &&
      (scope === 'all_scheduled' || Date.parse(session.endsAt) > now.getTime()),
  );
}

export const ALL_SESSION_KINDS: readonly SessionKind[] = [
  'preparation',
  'joint_dialogue',
  'indirect_dialogue',
  'follow_up',
];

/** Only a scheduled session is moved or cancelled; one that began is completed instead. */
export function assertSessionChangeable(session: Pick<SessionState, 'status' | 'startsAt'>, now: Date): void {
  if (session.status !== 'scheduled')
    throw new RuleViolation('session_not_scheduled', `the session is ${session.status}`);
  if (Date.parse(session.startsAt) <= now.getTime())
    throw new RuleViolation('session_started', 'the session has begun; record its attendance instead');
}

/**
 * Attendance is recorded once the session began, for exactly the session's participants
 * (a session.completed names each once). Returns the attendance in the session's order.
 */
export function assertCompletionAllowed(
  state: CaseState,
  session: Pick<SessionState, 'status' | 'startsAt' | 'participantIds'>,
  attendance: readonly { participantId: string; present: boolean }[],
  now: Date,
): { participantId: string; present: boolean }[] {
  if (state.status === 'concluded') throw new RuleViolation('case_concluded', 'the case is concluded');
  if (session.status !== 'scheduled')
    throw new RuleViolation('session_not_scheduled', `the session is ${session.status}`);
  if (Date.parse(session.startsAt) > now.getTime())
    throw new RuleViolation('session_not_started', 'attendance is recorded once the session has begun');
  const byId = new Map(attendance.map((entry) => [entry.participantId, entry.present]));
  const errors: { field: string; message: string }[] = [];
  if (byId.size !== attendance.length) errors.push({ field: 'attendance', message: 'names each participant once' });
  attendance.forEach((entry, i) => {
    if (!session.participantIds.includes(entry.participantId))
      errors.push({ field: `attendance[${i}].participantId`, message: 'is not a participant of the session' });
  });
  session.participantIds.forEach((id) => {
    if (!byId.has(id)) errors.push({ field: 'attendance', message: `misses participant ${id} of the session` });
  });
  if (errors.length) throw new InvalidInput('invalid attendance', errors);
  return session.participantIds.map((participantId) => ({ participantId, present: byId.get(participantId) === true }));
}
