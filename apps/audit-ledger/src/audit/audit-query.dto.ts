import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsCode, IsTimestamp } from '@rj/shared/contracts';

/** Filters shared by the event list and the export (times are when events occurred). */
export class LedgerFilterQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100)
  aggregateId?: string;

  @ApiPropertyOptional({ description: 'event type, e.g. referral.submitted' }) @IsOptional() @IsCode()
  type?: string;

  @ApiPropertyOptional({ description: 'occurredAt ≥ from (ISO 8601)' }) @IsOptional() @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ description: 'occurredAt < to (ISO 8601)' }) @IsOptional() @IsTimestamp()
  to?: string;
}

export class EventsQuery extends LedgerFilterQuery {
  @ApiPropertyOptional({ description: 'the last sequence of the previous page' }) @IsOptional() @Matches(/^\d{1,15}$/)
  cursor?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;
}

export class ExportQuery extends LedgerFilterQuery {
  @ApiPropertyOptional({ enum: ['ndjson', 'csv'], default: 'ndjson' }) @IsOptional() @IsIn(['ndjson', 'csv'])
  format?: 'ndjson' | 'csv';
}

/** Replay: a stretch of the ledger by the ledger's own clock (recordedAt), in sequence order. */
export class ReplayQuery {
  @ApiPropertyOptional({ description: 'recordedAt ≥ from (ISO 8601)' }) @IsOptional() @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ description: 'recordedAt < to (ISO 8601)' }) @IsOptional() @IsTimestamp()
  to?: string;
}

export class StateQuery {
  @ApiPropertyOptional({ description: 'the moment (ISO 8601); events that occurred at or before it count' }) @IsTimestamp()
  at: string;
}

export class VerifyQuery {
  @ApiPropertyOptional({ description: 'start at this stored, signed checkpoint instead of the genesis' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  fromCheckpoint?: number;
}
