import { ApiProperty } from '@nestjs/swagger';
import { REFERRAL_STATUSES, type ReferralStatus } from '@rj/shared/contracts';

/** A count of referrals: a whole number, never negative, within what a JavaScript number holds exactly. */
const COUNT = { type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;

export class DeadlinesAtRiskView {
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 365,
    description: 'The warning window used, in days.',
  })
  withinDays: number;
  @ApiProperty({
    format: 'date',
    description: 'Open referrals due on or before this day are at risk (overdue ones included).',
  })
  cutoff: string;
  @ApiProperty(COUNT) count: number;
}

/** `GET /api/referrals/summary`: the figures of the console's home page, codes and counts only. */
export class ReferralCountsView {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The office counted; null for every office (an admin's or auditor's view).",
  })
  officeId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: COUNT,
    maxProperties: REFERRAL_STATUSES.length,
    description: `Referrals per status; every status is present: ${REFERRAL_STATUSES.join(', ')}.`,
    example: { submitted: 0, needs_review: 2, matching: 5, offered: 1 },
  })
  byStatus: Record<ReferralStatus, number>;

  @ApiProperty(COUNT) total: number;
  @ApiProperty({
    ...COUNT,
    description: 'Referrals still on their way (not yet back, withdrawn, ineligible or unmatched).',
  })
  open: number;
  @ApiProperty({ type: DeadlinesAtRiskView }) deadlinesAtRisk: DeadlinesAtRiskView;
}
