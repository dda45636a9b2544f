/**
 * What outcome-tracking's endpoints answer, for its OpenAPI document (@ApiOkResponse and the
 * like on the controllers). The answers themselves are built in case-outcome.view.ts,
 * follow-ups.controller.ts and the metrics controller; the end-to-end suite checks every answer
 * against these through the front door (FRONT_DOOR_VALIDATE=1).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_PHASES } from '@rj/outcome/data-access';
import { RETURN_REASON_CODES, TERM_KINDS, TERM_RECIPIENTS, TERM_STATUSES } from '@rj/shared/contracts';
import { MAX_PAGE_SIZE } from '@rj/shared/service';
import { MoneyDto } from '../agreements/money.dto';

const RESULTS = ['completed', 'returned'] as const;
const FOLLOW_UP_STATUSES = ['scheduled', 'due', 'recorded', 'dropped'] as const;

/** A term as the API shows it: kind, dates, amounts and status; never the description. */
export class TermView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TERM_KINDS }) kind: string;
  @ApiProperty({ format: 'date' }) dueBy: string;
  @ApiProperty({ enum: TERM_STATUSES }) status: string;
  @ApiPropertyOptional({ type: MoneyDto, description: 'Restitution only: the amount agreed.' }) amount?: MoneyDto;
  @ApiPropertyOptional({ type: MoneyDto, description: 'Restitution only: paid so far.' }) paid?: MoneyDto;
  @ApiPropertyOptional({ enum: TERM_RECIPIENTS, description: 'Restitution only: who is paid back.' })
  recipient?: string;
  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 1000,
    nullable: true,
    description: 'Restitution only: agreed instalments, if any.',
  })
  instalments?: number | null;
  @ApiPropertyOptional({ minimum: 0, maximum: 100000, description: 'Community service only: hours agreed.' })
  hours?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100000, description: 'Community service only: hours done.' })
  hoursDone?: number;
}

export class AgreementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    description: 'The participants who consented to the agreement.',
  })
  consentedBy: string[];
  @ApiProperty({ type: [TermView], maxItems: 30 }) terms: TermView[];
}

/** `GET /api/cases/{id}/outcome` and the recorded agreement: the partner's own view. */
export class CaseOutcomeResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ enum: CASE_PHASES }) status: string;
  @ApiProperty({ enum: RESULTS, nullable: true }) result: string | null;
  @ApiProperty({ enum: RETURN_REASON_CODES, nullable: true }) reasonCode: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the case was completed or returned.',
  })
  at: string | null;
  @ApiProperty({ type: AgreementView, nullable: true }) agreement: AgreementView | null;
  @ApiProperty({
    minimum: 0,
    description:
      'People harmed who asked to be told the outcome and could not be, for want of a safe channel confirmed in the last SAFE_CHANNEL_CONFIRMATION_DAYS: the mediator phones them or confirms their channels, which sends it.',
  })
  harmedPartyNoticesOwed: number;
}

export class SharedTermView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TERM_KINDS }) kind: string;
  @ApiProperty({ format: 'date' }) dueBy: string;
  @ApiProperty({ enum: TERM_STATUSES }) status: string;
}

/** `GET /api/referrals/{referralId}/outcome`: result and dates; terms only if every party consented. */
export class ReferralOutcomeResponse {
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
  @ApiProperty({ enum: RESULTS, nullable: true }) result: string | null;
  @ApiProperty({ enum: RETURN_REASON_CODES, nullable: true }) reasonCode: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) at: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) agreementRecordedAt: string | null;
  @ApiProperty({ description: 'Every party consented to sharing the outcome with the referrer.' })
  termDetailsShared: boolean;
  @ApiProperty({ type: [SharedTermView], maxItems: 30, nullable: true, description: 'Only when termDetailsShared.' })
  terms: SharedTermView[] | null;
}

export class TermChangeResponse {
  @ApiProperty({ format: 'uuid' }) agreementId: string;
  @ApiProperty({ type: TermView }) term: TermView;
}

export class ClosedCaseResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: ['returned'] }) status: string;
}

export class FollowUpView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 120,
    description: 'Months after completion: 6, 12 or 24.',
  })
  monthsAfter: number;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status: string;
  @ApiProperty({ type: Boolean, nullable: true }) reoffended: boolean | null;
}

export class FollowUpPage {
  @ApiProperty({ type: [FollowUpView], maxItems: MAX_PAGE_SIZE }) items: FollowUpView[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) nextCursor: string | null;
}

const FIGURE_KINDS = ['count', 'rate', 'median', 'total'] as const;
const COUNT = {
  type: 'integer',
  format: 'int64',
  minimum: 0,
  maximum: Number.MAX_SAFE_INTEGER,
  nullable: true,
} as const;

/**
 * One figure (docs/metrics.md): a count, a rate (numerator / denominator), a median over `n`
 * observations, or a total over `n` agreements (money as a decimal string, hours as a number).
 * `suppressed` marks a figure whose counts are too small to publish (they read null).
 */
export class FigureView {
  @ApiProperty({ enum: FIGURE_KINDS }) kind: string;
  @ApiProperty({
    // null (suppressed, or a rate of nothing) is the number's: a oneOf must match exactly one.
    oneOf: [
      { type: 'number', minimum: -1e12, maximum: 1e12, nullable: true },
      { type: 'string', maxLength: 30, pattern: '^-?\\d+(\\.\\d+)?$' },
    ],
    description: 'A number, or a decimal string for money totals; null when suppressed or undefined.',
  })
  value: number | string | null;
  @ApiPropertyOptional(COUNT) numerator?: number | null;
  @ApiPropertyOptional(COUNT) denominator?: number | null;
  @ApiPropertyOptional(COUNT) n?: number | null;
  @ApiPropertyOptional({ enum: [true] }) suppressed?: true;
}

const FIGURES_BY_CODE = {
  type: 'object',
  additionalProperties: { $ref: '#/components/schemas/FigureView' },
  maxProperties: 100,
} as const;

export class OutcomeFiguresView {
  @ApiProperty({ ...FIGURES_BY_CODE, description: 'Counts per referral status.' }) referralsByStatus: Record<
    string,
    FigureView
  >;
  @ApiProperty({ ...FIGURES_BY_CODE, description: 'Counts per referral source.' }) referralsBySource: Record<
    string,
    FigureView
  >;
  @ApiProperty({ type: FigureView }) participationRate: FigureView;
  @ApiProperty({ type: FigureView }) agreementRate: FigureView;
  @ApiProperty({ type: FigureView }) completionRate: FigureView;
  @ApiProperty({ ...FIGURES_BY_CODE, description: 'Totals per currency.' }) restitutionAgreed: Record<
    string,
    FigureView
  >;
  @ApiProperty({ ...FIGURES_BY_CODE, description: 'Totals per currency.' }) restitutionPaid: Record<string, FigureView>;
  @ApiProperty({ type: FigureView }) communityServiceHoursAgreed: FigureView;
  @ApiProperty({ type: FigureView }) communityServiceHoursDone: FigureView;
  @ApiProperty({ type: FigureView }) daysToFirstContact: FigureView;
  @ApiProperty({ type: FigureView }) daysToAcceptance: FigureView;
  @ApiProperty({ type: FigureView }) daysToDialogue: FigureView;
  @ApiProperty({ ...FIGURES_BY_CODE, description: 'Rates per offset: 6m, 12m, 24m.' }) reoffenceRate: Record<
    string,
    FigureView
  >;
  @ApiProperty({ type: FigureView }) partnerResponseHours: FigureView;
  @ApiProperty({ ...FIGURES_BY_CODE, description: 'Counts per decline reason.' }) declineReasons: Record<
    string,
    FigureView
  >;
}

export class MetricsFilterView {
  @ApiPropertyOptional({ maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$' }) jurisdiction?: string;
  @ApiPropertyOptional({ format: 'uuid' }) partnerId?: string;
  @ApiPropertyOptional({ format: 'date' }) from?: string;
  @ApiPropertyOptional({ format: 'date' }) to?: string;
}

export class MetricsResponse {
  @ApiProperty({ type: MetricsFilterView }) filter: MetricsFilterView;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 1000,
    description: 'Counts below it are suppressed.',
  })
  suppressionThreshold: number;
  @ApiProperty({ type: OutcomeFiguresView }) figures: OutcomeFiguresView;
}
