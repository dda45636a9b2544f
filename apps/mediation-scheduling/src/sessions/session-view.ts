import type { SessionEntity } from '@rj/scheduling/data-access';
import { caseReference } from '@rj/scheduling/domain';

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
    venueType: s.venueType ?? null,
    caseReference: caseReference(s.caseId),
    participantIds: s.participantIds,
    mediatorIds: s.mediatorIds,
    attendance: s.attendance,
    interpreterNeeded: s.interpreterNeeded ?? false,
    cancelReasonCode: s.cancelReasonCode,
    recordedLate: s.recordedLate,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
  };
}
