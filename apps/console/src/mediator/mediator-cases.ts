import { NotFoundException } from '@nestjs/common';
import type { ServiceApi } from '../platform/api-client';
import type { SessionUser } from '../platform/session-user';
import type { CaseBeforeDeclaration, CaseDetail, Gate, GateParticipant, ParticipantDetail } from './api-shapes';

/** A case as the service answered it: in full once declared, names and roles before. */
export type MediatorCase =
  { declared: true; detail: CaseDetail } | { declared: false; proposal: CaseBeforeDeclaration };

export async function loadCase(api: ServiceApi, user: SessionUser, caseId: string): Promise<MediatorCase> {
  const body = await api.get<CaseDetail | CaseBeforeDeclaration>(user, 'mediation-scheduling', `/api/cases/${caseId}`);
  // The service leaves out the gate (and every contact) until the mediator declared.
  return 'dialogueGate' in body ? { declared: true, detail: body } : { declared: false, proposal: body };
}

export function loadGate(api: ServiceApi, user: SessionUser, caseId: string): Promise<Gate> {
  return api.get<Gate>(user, 'mediation-scheduling', `/api/cases/${caseId}/gate`);
}

export function participantOf(detail: CaseDetail, participantId: string): ParticipantDetail {
  const participant = detail.participants.find((p) => p.id === participantId);
  if (!participant) throw new NotFoundException();
  return participant;
}

/** How a participant is named on the pages: their name and role, or the role alone if erased. */
export function nameOf(participant: { fullName: string | null; role: string }, roleWords: string): string {
  return participant.fullName ? `${participant.fullName} (${roleWords.toLowerCase()})` : roleWords;
}

/** The gate's entry for a participant; both come from the same case, so a missing one is a broken page. */
export function checklistOf(entries: GateParticipant[], participantId: string): GateParticipant {
  const found = entries.find((entry) => entry.participantId === participantId);
  if (!found) throw new Error('the dialogue gate does not list a participant of the case');
  return found;
}
