import type { Term } from '../terms/term';

/**
 * Plain fact records the metrics are computed from. outcome-tracking projects them from the
 * events it keeps (api.md event table); the definitions below never read anything else, so a
 * figure can be recomputed from the audit ledger by anyone (domain research M15: publish the
 * definitions and compute them from events).
 */
export interface ReferralFacts {
  referralId: string;
  jurisdiction: string;
  source: string;
  /** Current referral status (api.md `status`). */
  status: string;
  /** `referral.submitted` occurredAt: the period filter and every "time from referral" start here. */
  submittedAt: string;
  /** The partner that accepted the offer, if any. */
  partnerId: string | null;
  /** First `session.scheduled` or `information.recorded` for the case, whichever came first. */
  firstContactAt: string | null;
  /** `offer.accepted` occurredAt. */
  acceptedAt: string | null;
  /** First `session.completed` of a joint_dialogue or indirect_dialogue. */
  firstDialogueAt: string | null;
  case: CaseFacts | null;
  offers: readonly OfferFacts[];
  followUps: readonly FollowUpFacts[];
}

export interface CaseFacts {
  /** Every party of the case gave a participation consent (at any point). */
  everyPartyConsented: boolean;
  /** A joint or indirect dialogue session was completed. */
  dialogueHeld: boolean;
  /** `case.concluded`, if the case was concluded. */
  concluded: { agreementReached: boolean; reasonCode: string | null } | null;
  agreement: AgreementFacts | null;
}

export interface AgreementFacts {
  terms: readonly Term[];
  /** `case.completed` → completed; `case.returned` after the agreement → returned; else null. */
  result: 'completed' | 'returned' | null;
}

export interface OfferFacts {
  partnerId: string;
  madeAt: string;
  /** When the partner accepted or declined; null for pending, expired or withdrawn offers. */
  answeredAt: string | null;
  answer: 'accepted' | 'declined' | 'expired' | 'withdrawn' | null;
  declineReason: string | null;
}

export interface FollowUpFacts {
  offsetMonths: number;
  /** null until the prosecutor records it. */
  reoffended: boolean | null;
}

/** api.md `GET /api/metrics` filters. `from`/`to` are inclusive dates on the submission date. */
export interface MetricsFilter {
  jurisdiction?: string;
  partnerId?: string;
  from?: string;
  to?: string;
}
