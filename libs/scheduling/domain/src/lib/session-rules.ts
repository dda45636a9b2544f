import { InvalidInput, RuleViolation, type SessionKind } from '@rj/shared/contracts';
import { findMediator, findParticipant, isAssigned, type CaseState } from './case-state';
import { caseStatusForbids } from './case-status-rules';
import { hasEffectiveConsent } from './consent-rules';
import { assertDialogueAllowed } from './dialogue-gate';

export interface SessionRequest {
  readonly kind: SessionKind;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly participantIds: readonly string[];
  readonly mediatorIds: readonly string[];
  /** Given only to record a session that already took place. */
  readonly attendance?: readonly { readonly participantId: string; readonly present: boolean }[];
}

/**
 * Whether a session may be booked (or recorded after the fact). Throws the first rule broken;
 * returns whether it is a late record, which session.completed carries as `recordedLate`.
 * Double booking needs the calendar and is checked where the sessions are stored.
 */
export function assertSessionAllowed(
  state: CaseState,
  session: SessionRequest,
  now: Date,
  backdateWindowMs: number,
): { recordedLate: boolean } {
  const forbidden = caseStatusForbids(state, session.kind);
  if (forbidden !== null)
    throw new RuleViolation(
      forbidden,
      `no ${session.kind} session while the case is ${state.status.replace('_', ' ')}`,
    );
  assertWellFormed(state, session);
  const recordedLate = assertTiming(session, now, backdateWindowMs);

  if (session.kind === 'joint_dialogue' || session.kind === 'indirect_dialogue') {
    assertDialogueAllowed(state, session.kind, session.participantIds, session.mediatorIds);
    return { recordedLate };
  }
  // R9: preparation is separate with each party, before any joint meeting; a preparation
  // session with two parties would be a meeting nobody consented to yet.
  if (session.kind === 'preparation' && session.participantIds.length !== 1) {
    throw new RuleViolation(
      'preparation_one_participant',
      'a preparation session is held with one participant at a time',
    );
  }
  const unassigned = session.mediatorIds
    .filter((id) => !isAssigned(findMediator(state, id)))
    .map((id) => `mediator_not_assigned:${id}`);
  if (unassigned.length)
    throw new RuleViolation(
      'mediator_not_assigned',
      'every mediator of a session must be assigned to the case',
      unassigned,
    );
  // product.md: "No session of a party before that party's participation consent" (a minor's
  // guardian's too).
  const unconsented = session.participantIds.flatMap((id) => {
    const participant = findParticipant(state, id);
    return participant === undefined || hasEffectiveConsent(participant, 'participation')
      ? []
      : [`participation_consent_missing:${id}`];
  });
  if (unconsented.length)
    throw new RuleViolation(
      'participation_consent_required',
      'each participant must have consented to take part',
      unconsented,
    );
  return { recordedLate };
}

function assertWellFormed(state: CaseState, session: SessionRequest): void {
  const errors: { field: string; message: string }[] = [];
  if (!(session.endsAt.getTime() > session.startsAt.getTime()))
    errors.push({ field: 'endsAt', message: 'must be after startsAt' });
  if (session.participantIds.length === 0)
    errors.push({ field: 'participantIds', message: 'must name at least one participant' });
  session.participantIds.forEach((id, i) => {
    if (!findParticipant(state, id))
      errors.push({ field: `participantIds[${i}]`, message: 'is not a participant of the case' });
  });
  if (session.mediatorIds.length === 0)
    errors.push({ field: 'mediatorIds', message: 'must name at least one mediator' });
  session.attendance?.forEach((entry, i) => {
    if (!session.participantIds.includes(entry.participantId))
      errors.push({ field: `attendance[${i}].participantId`, message: 'is not listed in participantIds' });
  });
  if (errors.length) throw new InvalidInput('invalid session', errors);
}

/**
 * A session is booked in the future, or recorded after the fact with its attendance, within
 * the back-dating window (product.md, Preparation before dialogue: "cannot be back-dated beyond
 * a configured window"). Returns true for a late record.
 */
function assertTiming(session: SessionRequest, now: Date, backdateWindowMs: number): boolean {
  const startsAt = session.startsAt.getTime();
  if (startsAt >= now.getTime()) {
    if (session.attendance !== undefined)
      throw new RuleViolation('attendance_before_session', 'attendance is recorded only for a session that took place');
    return false;
  }
  if (session.attendance === undefined || session.attendance.length === 0) {
    throw new RuleViolation(
      'past_session_needs_attendance',
      'a session in the past is recorded only together with its attendance',
    );
  }
  if (startsAt < now.getTime() - backdateWindowMs) {
    throw new RuleViolation('backdating_window', 'the session lies further back than the back-dating window allows');
  }
  if (session.endsAt.getTime() > now.getTime())
    throw new RuleViolation('session_not_over', 'a session is recorded only once it is over');
  return true;
}
