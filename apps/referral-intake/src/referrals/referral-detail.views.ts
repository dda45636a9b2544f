/**
 * The OpenAPI shapes of one referral, its submission, its report and its erasure (the answers
 * are built in referral-views.ts, the report in @rj/referral/domain, the erasure in
 * personal-data/erasure.service.ts). Personal fields are plaintext for the owning prosecutor and
 * the admin, ciphertext for an auditor, and null once erased: their length bound leaves room for
 * the ciphertext, which is longer than the plaintext the request allowed.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTY_ROLES, REFERRAL_STATUSES, SAFE_CHANNELS, TERM_KINDS, TERM_STATUSES } from '@rj/shared/contracts';
import { MAX_FREE_TEXT_LENGTH, MAX_NAME_LENGTH } from './dto/party.dto';
import { OffenseFactsView, ReferralSummaryView, ScreeningReasonView } from './referral-views';

/** Plaintext of up to `plain` characters, or its ciphertext (base64 of up to 4 bytes a character, plus key id and nonce). */
const personal = (plain: number, description?: string) => ({
  type: String,
  nullable: true,
  maxLength: plain * 6 + 200,
  ...(description ? { description } : {}),
});

export class ContactView {
  @ApiPropertyOptional(personal(254)) email?: string | null;
  @ApiPropertyOptional(personal(40)) phone?: string | null;
  @ApiProperty({ enum: SAFE_CHANNELS, isArray: true, maxItems: SAFE_CHANNELS.length }) safeChannels: string[];
}

export class RepresentativeView {
  @ApiProperty(personal(MAX_NAME_LENGTH)) fullName: string | null;
  @ApiProperty({ type: ContactView }) contact: ContactView;
}

export class PartyView {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: PARTY_ROLES }) role: string;
  @ApiProperty(personal(MAX_NAME_LENGTH)) fullName: string | null;
  @ApiPropertyOptional(personal(10, 'YYYY-MM-DD, or its ciphertext.')) dateOfBirth?: string | null;
  @ApiPropertyOptional(personal(MAX_FREE_TEXT_LENGTH)) accessibilityNeeds?: string | null;
  @ApiProperty({ type: ContactView }) contact: ContactView;
  @ApiPropertyOptional({ type: RepresentativeView, nullable: true }) guardian?: RepresentativeView | null;
  @ApiPropertyOptional({ type: RepresentativeView, nullable: true }) counsel?: RepresentativeView | null;
  @ApiProperty() minor: boolean;
  @ApiProperty({ maxLength: 35, example: 'nl', description: 'A BCP 47 language tag.' }) preferredLanguage: string;
  @ApiProperty() interpreter: boolean;
}

export class ScreeningView {
  @ApiProperty({ enum: ['eligible', 'needs_review', 'ineligible'] }) outcome: string;
  @ApiProperty({ type: [ScreeningReasonView], maxItems: 50 }) reasons: ScreeningReasonView[];
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 1000000,
    description: '0: the built-in default policy.',
  })
  policyVersion: number;
  @ApiProperty({ maxLength: 64, description: 'Whose policy decided: the referral’s jurisdiction.' })
  policyJurisdiction: string;
  @ApiProperty() defaultPolicy: boolean;
}

/** 201 of `POST /api/referrals` (and the first answer again for a repeated Idempotency-Key). */
export class SubmittedReferralResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status: string;
  @ApiProperty({ type: ScreeningView }) screening: ScreeningView;
}

export class OffenseDetailView extends OffenseFactsView {
  @ApiProperty(personal(MAX_FREE_TEXT_LENGTH)) description: string | null;
}

export class ReviewDecisionView {
  @ApiProperty({ maxLength: 40, example: 'approve' }) decision: string;
  @ApiProperty(personal(MAX_FREE_TEXT_LENGTH)) reason: string | null;
  @ApiProperty({ type: String, maxLength: 40, nullable: true, example: 'admin' }) reviewerRole: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
}

export class WithdrawalView {
  @ApiProperty({ maxLength: 64 }) reasonCode: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class StatusChangeView {
  @ApiProperty({ enum: REFERRAL_STATUSES }) status: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ maxLength: 200, description: 'What caused the change: a request or an event type.' }) cause: string;
}

/** `GET /api/referrals/{id}`: the summary, the personal fields, screening, review, withdrawal and history. */
export class ReferralDetailResponse extends ReferralSummaryView {
  @ApiProperty(personal(100)) caseNumber: string | null;
  @ApiProperty({ type: OffenseDetailView }) declare offense: OffenseDetailView;
  @ApiProperty(personal(MAX_FREE_TEXT_LENGTH)) notes: string | null;
  @ApiProperty({ type: [PartyView], maxItems: 20 }) parties: PartyView[];
  @ApiProperty({ type: ScreeningView }) screening: ScreeningView;
  @ApiProperty({ type: ReviewDecisionView, nullable: true }) review: ReviewDecisionView | null;
  @ApiProperty({ type: String, maxLength: 64, nullable: true }) specialistCategory: string | null;
  @ApiProperty({ type: WithdrawalView, nullable: true }) withdrawal: WithdrawalView | null;
  @ApiProperty({ type: [StatusChangeView], maxItems: 1000 }) statusHistory: StatusChangeView[];
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ReportDatesView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) referredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstSessionAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) agreementAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) concludedAt: string | null;
}

export class ReportTermView {
  @ApiProperty({ format: 'uuid' }) termId: string;
  @ApiProperty({ enum: TERM_KINDS }) kind: string;
  @ApiProperty({ format: 'date' }) dueBy: string;
  @ApiProperty({ enum: TERM_STATUSES }) status: string;
}

/** `GET /api/referrals/{id}/report`: result and dates; terms only if every party consented to sharing. */
export class ProsecutorReportResponse {
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ enum: ['completed', 'returned'] }) result: string;
  @ApiProperty({ type: String, maxLength: 64, nullable: true }) reasonCode: string | null;
  @ApiProperty({ type: ReportDatesView }) dates: ReportDatesView;
  @ApiProperty() termsShared: boolean;
  @ApiProperty({ type: [ReportTermView], maxItems: 30, nullable: true }) terms: ReportTermView[] | null;
}

/** `DELETE /api/referrals/{id}/personal-data`: the data key is gone. */
export class ErasureResponse {
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ format: 'uuid' }) dataKeyId: string;
  @ApiProperty({ format: 'date-time' }) personalDataErasedAt: string;
}
