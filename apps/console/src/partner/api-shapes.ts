/**
 * What the services answer to a partner's administrator, as far as these pages read it. The
 * services decide the shapes; these types only say which fields the pages use.
 */
import type { CaseHoldReasonCode, CaseStatus, DeclineReasonCode, OfferStatus, RiskOutcome } from '@rj/shared/contracts';
import type { PartnerView } from '../platform/partner-view';

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

/** `GET /api/offers`: what the programme needs to decide, never a name or a contact. */
export interface OfferView {
  id: string;
  referralId: string;
  status: OfferStatus;
  offenseCategory: string;
  severity: string;
  jurisdiction: string;
  languages: string[];
  hasMinor: boolean;
  madeAt: string;
  expiresAt: string;
  resolvedAt: string | null;
  declineReasonCode: DeclineReasonCode | null;
}

/** `GET /api/partners/{id}`: the organisation's own profile (the same answer the administrators read). */
export type OwnPartnerView = PartnerView;

/** `GET /api/mediators`: staff of the organisation, with their caseload. */
export interface MediatorView {
  sub: string;
  fullName: string;
  contact: { email: string };
  specialties: string[];
  registeredAt: string;
  active: boolean;
  deactivatedAt: string | null;
  caseload: number;
}

/** `GET /api/cases`: ids, roles and status only (lists never decrypt). */
export interface CaseSummary {
  id: string;
  referralId: string;
  status: CaseStatus;
  holdReason: CaseHoldReasonCode | null;
  openedAt: string;
  participants: { id: string; role: string; minor: boolean }[];
  mediators: { mediatorId: string; declared: boolean }[];
  /** When a disclosure under a confidentiality exception was last recorded; null if never. */
  lastDisclosureAt?: string | null;
}

/** `GET /api/cases/{id}` for the partner's admin: the case in full (the read is logged). */
export interface CaseDetail extends CaseSummary {
  personalDataErasedAt: string | null;
  participants: {
    id: string;
    role: string;
    minor: boolean;
    fullName: string | null;
    preferredLanguage: string | null;
    interpreter: boolean | null;
    hasAccessibilityNeeds: boolean | null;
    preparation?: { informationRecorded: boolean; latestRisk: RiskOutcome | null; preparationHeld: boolean };
  }[];
}

/** `GET /api/cases/{id}/gate`: the dialogue gate per participant, ids and codes only. */
export interface CaseGate {
  caseId: string;
  participants: { participantId: string; role: string; recorded: { latestRisk: RiskOutcome | null } }[];
}

/** `GET /api/cases/{id}/outcome`: the agreement's terms and their status. */
export interface CaseOutcome {
  caseId: string;
  agreement: { terms: { id: string; kind: string; dueBy: string; status: 'open' | 'fulfilled' | 'overdue' }[] } | null;
}
