/** What mediation-scheduling answers, as the mediators' pages read it. */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CaseSummary {
  id: string;
  referralId: string;
  status: 'open' | 'on_hold' | 'concluded';
  holdReason: string | null;
  openedAt: string;
  participants: { id: string; role: 'harmed' | 'responsible'; minor: boolean }[];
  mediators: { mediatorId: string; declared: boolean }[];
}

export interface Contact {
  email: string | null;
  phone: string | null;
  safeChannels: string[];
}

export interface ParticipantDetail {
  id: string;
  role: 'harmed' | 'responsible';
  minor: boolean;
  fullName: string | null;
  preferredLanguage: string | null;
  interpreter: boolean | null;
  hasAccessibilityNeeds: boolean | null;
  contact: Contact | null;
  guardian: { fullName: string | null; contact: Contact } | null;
  /** When a mediator last confirmed the contact and safe channels with the participant. */
  contactConfirmedAt: string | null;
}

/** A case as a declared mediator reads it. */
export interface CaseDetail extends CaseSummary {
  personalDataErasedAt: string | null;
  participants: ParticipantDetail[];
  dialogueGate: Record<'joint_dialogue' | 'indirect_dialogue', string[]>;
}

/** A case as a proposed mediator reads it before declaring: names and roles only. */
export interface CaseBeforeDeclaration extends Omit<CaseSummary, 'participants'> {
  participants: { id: string; role: 'harmed' | 'responsible'; fullName: string | null }[];
}

export type GateItemCode =
  'information' | 'participation_consent' | 'guardian_consent' | 'risk_assessment' | 'preparation' | 'acknowledgement';

export interface GateParticipant {
  participantId: string;
  role: 'harmed' | 'responsible';
  minor: boolean;
  recorded: {
    information: { version: string; language: string } | null;
    latestRisk: 'proceed' | 'indirect_only' | 'stop' | null;
    consents: Record<string, string>;
    guardianConsents: Record<string, string> | null;
    acknowledged: boolean | null;
    preparationHeld: boolean;
  };
  items: { item: GateItemCode; met: boolean }[];
  unmet: Record<'joint_dialogue' | 'indirect_dialogue', string[]>;
  /** Why the risk assessment is due again (advisory), or null. */
  riskReassessment: 'disclosure_since_assessment' | 'assessment_older_than_window' | null;
}

export interface Gate {
  caseId: string;
  status: CaseSummary['status'];
  holdReason: string | null;
  mediatorIds: string[];
  caseUnmet: Record<'joint_dialogue' | 'indirect_dialogue', string[]>;
  participants: GateParticipant[];
  allowed: Record<'joint_dialogue' | 'indirect_dialogue', boolean>;
}

export interface Session {
  id: string;
  caseId: string;
  caseReference: string;
  kind: 'preparation' | 'joint_dialogue' | 'indirect_dialogue' | 'follow_up';
  status: 'scheduled' | 'cancelled' | 'completed';
  startsAt: string;
  endsAt: string;
  location: string | null;
  venueType: string | null;
  participantIds: string[];
  mediatorIds: string[];
  attendance: { participantId: string; present: boolean }[] | null;
  cancelReasonCode: string | null;
}

export interface MySession extends Session {
  /** Participants a reminder of this session reached through no channel: phone them. */
  remindersNotDelivered?: string[];
  needs: {
    participantId: string;
    role: 'harmed' | 'responsible' | null;
    preferredLanguage: string | null;
    interpreter: boolean | null;
    hasAccessibilityNeeds: boolean | null;
  }[];
}
