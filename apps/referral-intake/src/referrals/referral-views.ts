import { ApiProperty } from '@nestjs/swagger';
import type { ReferralEntity, ReferralStatusChangeEntity } from '@rj/referral/data-access';
import type { ScreeningDecision } from '@rj/referral/domain';
import {
  CODE_PATTERN,
  OFFENSE_SEVERITIES,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  SCREENING_RULES,
  STAGES,
} from '@rj/shared/contracts';
import { MAX_PAGE_SIZE } from '@rj/shared/service';
import type { PartyPersonalData } from './personal-fields';

/** The most reasons a screening gives, as referral.screened bounds them. */
const MAX_SCREENING_REASONS = SCREENING_RULES.length * 10;

export interface ScreeningView {
  outcome: string;
  reasons: { rule: string; detail: string }[];
  policyVersion: number;
  /** Whose policy decided: the referral's jurisdiction (version 0: the built-in default). */
  policyJurisdiction: string;
  defaultPolicy: boolean;
}

/** 201 of `POST /api/referrals` (api.md): `{ id, status, screening: { outcome, reasons[] } }`. */
export interface SubmittedReferralView {
  id: string;
  status: string;
  screening: ScreeningView;
}

export class OffenseFactsView {
  @ApiProperty({ example: 'SR-350', pattern: CODE_PATTERN.source }) code: string;
  @ApiProperty({ example: 'property_damage', pattern: CODE_PATTERN.source }) category: string;
  @ApiProperty({ example: 'misdemeanor', enum: OFFENSE_SEVERITIES }) severity: string;
}

export class ScreeningReasonView {
  @ApiProperty({
    example: 'excluded_offense_category',
    enum: SCREENING_RULES,
    description: 'The screening rule that applied.',
  })
  rule: string;
  @ApiProperty({
    example: 'domestic_violence',
    pattern: CODE_PATTERN.source,
    description: 'A code: the category, stage or severity the rule applied to.',
  })
  detail: string;
}

/**
 * A list entry: codes, ids and dates only, so listing reveals no personal data — no names, no
 * case number, no free text. The review queue is this list too: offence facts and the
 * screening's reasons, never who is involved.
 */
export class ReferralSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status: string;
  @ApiProperty({ enum: REFERRAL_SOURCES }) source: string;
  @ApiProperty({ example: 'NL-NH', pattern: CODE_PATTERN.source }) jurisdiction: string;
  @ApiProperty({ type: OffenseFactsView }) offense: { code: string; category: string; severity: string };
  @ApiProperty({ format: 'date' }) incidentDate: string;
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiProperty() protectiveOrder: boolean;
  @ApiProperty({ format: 'date' }) reportBackBy: string;
  @ApiProperty({ enum: ['eligible', 'needs_review', 'ineligible'] }) screeningOutcome: string;
  @ApiProperty({
    type: [ScreeningReasonView],
    maxItems: MAX_SCREENING_REASONS,
    description: 'Why screening decided as it did (codes only).',
  })
  screeningReasons: ScreeningReasonView[];
  @ApiProperty() requiresSpecialist: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) partnerId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) personalDataErasedAt: string | null;
}

/** A page of referrals (api.md, Lists); `nextCursor` is null on the last page. */
export class ReferralPageView {
  @ApiProperty({ type: [ReferralSummaryView], maxItems: MAX_PAGE_SIZE }) items: ReferralSummaryView[];
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 100,
    description: 'Pass it as `cursor` for the next page.',
  })
  nextCursor: string | null;
}

export interface PartyView extends PartyPersonalData {
  participantId: string;
  role: string;
  minor: boolean;
  preferredLanguage: string;
  interpreter: boolean;
}

/**
 * One referral (`GET /api/referrals/{id}`): its status history and current assignment. The
 * personal fields are plaintext for the owning prosecutor and the admin (each such read is
 * logged as personal_data.read), ciphertext for an auditor, and null once erased.
 */
export interface ReferralDetailView extends ReferralSummaryView {
  caseNumber: string | null;
  offense: ReferralSummaryView['offense'] & { description: string | null };
  notes: string | null;
  parties: PartyView[];
  screening: ScreeningView;
  review: {
    decision: string;
    reason: string | null;
    reviewerRole: string | null;
    reviewedAt: string | null;
  } | null;
  specialistCategory: string | null;
  withdrawal: { reasonCode: string; at: string } | null;
  statusHistory: { status: string; at: string; cause: string }[];
  updatedAt: string;
}

export function screeningView(
  decision: Pick<ScreeningDecision, 'outcome' | 'reasons' | 'policyVersion'>,
  jurisdiction: string,
  defaultPolicy: boolean,
): ScreeningView {
  return {
    outcome: decision.outcome,
    reasons: decision.reasons.map(({ rule, detail }) => ({ rule, detail })),
    policyVersion: decision.policyVersion,
    policyJurisdiction: jurisdiction,
    defaultPolicy,
  };
}

export function summaryView(referral: ReferralEntity): ReferralSummaryView {
  return {
    id: referral.id,
    officeId: referral.officeId,
    status: referral.status,
    source: referral.source,
    jurisdiction: referral.jurisdiction,
    offense: { code: referral.offenseCode, category: referral.offenseCategory, severity: referral.offenseSeverity },
    incidentDate: referral.incidentDate,
    stage: referral.stage,
    protectiveOrder: referral.protectiveOrder,
    reportBackBy: referral.reportBackBy,
    screeningOutcome: referral.screeningOutcome,
    screeningReasons: referral.screeningReasons.map(({ rule, detail }) => ({ rule, detail })),
    requiresSpecialist: referral.requiresSpecialist,
    partnerId: referral.partnerId,
    caseId: referral.caseId,
    submittedAt: referral.createdAt.toISOString(),
    personalDataErasedAt: referral.personalDataErasedAt?.toISOString() ?? null,
  };
}

/** The stored referral with its personal values as given (decrypted, ciphertext or null). */
export function detailView(
  referral: ReferralEntity,
  personal: {
    caseNumber: string | null;
    description: string | null;
    notes: string | null;
    reviewReason: string | null;
    parties: PartyView[];
  },
  history: ReferralStatusChangeEntity[],
): ReferralDetailView {
  const summary = summaryView(referral);
  return {
    ...summary,
    caseNumber: personal.caseNumber,
    offense: { ...summary.offense, description: personal.description },
    notes: personal.notes,
    parties: personal.parties,
    screening: screeningView(
      {
        outcome: referral.screeningOutcome as ScreeningDecision['outcome'],
        reasons: referral.screeningReasons as ScreeningDecision['reasons'],
        policyVersion: referral.screeningPolicyVersion,
      },
      referral.jurisdiction,
      referral.screeningDefaultPolicy,
    ),
    review: referral.reviewDecision
      ? {
          decision: referral.reviewDecision,
          reason: personal.reviewReason,
          reviewerRole: referral.reviewerRole,
          reviewedAt: referral.reviewedAt?.toISOString() ?? null,
        }
      : null,
    specialistCategory: referral.specialistCategory,
    withdrawal:
      referral.withdrawReasonCode && referral.withdrawnAt
        ? { reasonCode: referral.withdrawReasonCode, at: referral.withdrawnAt.toISOString() }
        : null,
    statusHistory: history.map((change) => ({
      status: change.status,
      at: change.at.toISOString(),
      cause: change.cause,
    })),
    updatedAt: referral.updatedAt.toISOString(),
  };
}
