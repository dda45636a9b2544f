/**
 * How a term of `POST /api/cases/{id}/agreement` looks for each kind, for the OpenAPI document
 * only: the request is validated as one TermDto shape (agreement.dto.ts) and then by the
 * domain's validateAgreement, which enforces what these say — a restitution term names its
 * amount and its `recipient` (api.md, 2026-12: recipient is required), community service its
 * hours, and no term carries another kind's fields.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TERM_RECIPIENTS } from '@rj/shared/contracts';
import { MoneyDto } from './money.dto';

const DUE_BY = { format: 'date', example: '2026-06-30', description: 'Today or later.' } as const;
const DESCRIPTION = {
  maxLength: 2000,
  description: 'Free text: stored encrypted under the referral’s key, never in events.',
} as const;

export class RestitutionTermInput {
  @ApiProperty({ enum: ['restitution'] }) kind: 'restitution';
  @ApiProperty(DUE_BY) dueBy: string;
  @ApiProperty({ type: MoneyDto, description: 'Greater than 0, in an ISO 4217 currency.' }) amount: MoneyDto;
  @ApiProperty({
    enum: TERM_RECIPIENTS,
    description: 'Who is paid back: the harmed party, or another (a charity, a fund).',
  })
  recipient: string;
  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 1000 }) instalments?: number;
  @ApiPropertyOptional(DESCRIPTION) description?: string;
}

export class CommunityServiceTermInput {
  @ApiProperty({ enum: ['community_service'] }) kind: 'community_service';
  @ApiProperty(DUE_BY) dueBy: string;
  @ApiProperty({ minimum: 0.01, maximum: 100000, description: 'Hours, at most 2 decimals.' }) hours: number;
  @ApiPropertyOptional(DESCRIPTION) description?: string;
}

export class CompletionTermInput {
  @ApiProperty({ enum: ['apology_letter', 'programme', 'other'] }) kind: 'apology_letter' | 'programme' | 'other';
  @ApiProperty(DUE_BY) dueBy: string;
  @ApiPropertyOptional(DESCRIPTION) description?: string;
}

export const TERM_INPUT_SCHEMAS = [RestitutionTermInput, CommunityServiceTermInput, CompletionTermInput];
