import type { SessionEntity } from '@rj/scheduling/data-access';

/** A session for the partner's people: its location included (it never leaves this service). */
export function sessionView(s: SessionEntity) {
  return {
    id: s.id,
    caseId: s.caseId,
    kind: s.kind,
    status: s.status,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    location: s.location,
    participantIds: s.participantIds,
    mediatorIds: s.mediatorIds,
    attendance: s.attendance,
    cancelReasonCode: s.cancelReasonCode,
    recordedLate: s.recordedLate,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
  };
}
