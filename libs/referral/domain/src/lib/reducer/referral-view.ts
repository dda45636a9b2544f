import type { ReferralStatus } from '../vocabulary';

export interface StatusChange {
  status: ReferralStatus;
  /** The occurredAt of the event that caused it. */
  at: string;
  eventId: string;
}

/**
 * A referral as it stood after some of its events: what the audit ledger shows for "state at
 * time T" (api.md, `GET /api/audit/referrals/{id}/state?at=`). Ids, codes and dates only —
 * no personal data, so an auditor may see all of it.
 */
export interface ReferralView {
  referralId: string;
  status: ReferralStatus;
  statusHistory: StatusChange[];
  officeId: string | null;
  jurisdiction: string | null;
  offenseCategory: string | null;
  partnerId?: string;
  caseId?: string;
  reportBackBy: string | null;
  /** Set when an admin's review lifted an excluded category: only specialist partners may take it. */
  specialistCategory?: string;
  withdrawnAt?: string;
  personalDataErasedAt?: string;
  lastEventAt: string;
  eventCount: number;
}
