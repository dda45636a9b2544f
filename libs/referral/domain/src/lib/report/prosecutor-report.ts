import { assertReportAvailable } from '../status/referral-guards';
import type { ReferralStatus, TermStatus } from '../vocabulary';
import { everyPartyConsentedToSharing, type ConsentRecord, type ReportParticipant } from './sharing-consent';

export interface ReportDates {
  referredAt: string;
  acceptedAt?: string | null;
  firstSessionAt?: string | null;
  agreementAt?: string | null;
  concludedAt?: string | null;
}

/** A term as the report may show it: kind, due date and status — never its description. */
export interface ReportTerm {
  termId: string;
  kind: string;
  dueBy: string;
  status: TermStatus;
}

export interface ProsecutorReportInput {
  referralId: string;
  status: ReferralStatus;
  /** A returned case's neutral reason code (product.md: never who chose what). */
  reasonCode?: string | null;
  dates: ReportDates;
  participants: readonly ReportParticipant[];
  consents: readonly ConsentRecord[];
  terms: readonly (ReportTerm & Record<string, unknown>)[];
}

export interface ProsecutorReport {
  referralId: string;
  result: 'completed' | 'returned';
  reasonCode: string | null;
  dates: Required<{ [K in keyof ReportDates]: string | null }>;
  /** True when every party consented to sharing; only then are `terms` shown. */
  termsShared: boolean;
  terms: ReportTerm[] | null;
}

/**
 * product.md, Report back: "The prosecutor's report holds the result and dates; term details
 * only where every party consented to sharing; never what was said." The report is built by
 * naming each field it may carry, so anything else on the input (a term's description, notes)
 * cannot leak into it.
 */
export function buildProsecutorReport(input: ProsecutorReportInput): ProsecutorReport {
  const status = input.status;
  assertReportAvailable(status);
  const termsShared = everyPartyConsentedToSharing(input.participants, input.consents);
  return {
    referralId: input.referralId,
    result: status,
    reasonCode: status === 'returned' ? (input.reasonCode ?? null) : null,
    dates: {
      referredAt: input.dates.referredAt,
      acceptedAt: input.dates.acceptedAt ?? null,
      firstSessionAt: input.dates.firstSessionAt ?? null,
      agreementAt: input.dates.agreementAt ?? null,
      concludedAt: input.dates.concludedAt ?? null,
    },
    termsShared,
    terms: termsShared
      ? input.terms.map(({ termId, kind, dueBy, status: termStatus }) => ({ termId, kind, dueBy, status: termStatus }))
      : null,
  };
}
