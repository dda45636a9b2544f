import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCode, IsTimestamp } from '@rj/shared/contracts';

/** The longest ISO 8601 instant taken: with an offset and microseconds, 35 characters. */
export const MAX_INSTANT_LENGTH = 35;

/** Filters shared by the event list and the export (times are when events occurred). */
export class LedgerFilterQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  aggregateId?: string;

  @ApiPropertyOptional({ description: 'event type, e.g. referral.submitted' })
  @IsOptional()
  @IsCode()
  type?: string;

  @ApiPropertyOptional({ description: 'the referral the events are about' })
  @IsOptional()
  @IsUUID()
  referralId?: string;

  @ApiPropertyOptional({ description: 'the organisation (office or partner) of the person who acted' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ description: 'occurredAt ≥ from (ISO 8601)' })
  @IsOptional()
  @IsTimestamp()
  @MaxLength(MAX_INSTANT_LENGTH)
  from?: string;

  @ApiPropertyOptional({ description: 'occurredAt < to (ISO 8601)' })
  @IsOptional()
  @IsTimestamp()
  @MaxLength(MAX_INSTANT_LENGTH)
  to?: string;
}

export class EventsQuery extends LedgerFilterQuery {
  @ApiPropertyOptional({ description: 'the last sequence of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  cursor?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class ExportQuery extends LedgerFilterQuery {
  @ApiPropertyOptional({ enum: ['ndjson', 'csv'], default: 'ndjson' })
  @IsOptional()
  @IsIn(['ndjson', 'csv'])
  format?: 'ndjson' | 'csv';
}

/** Replay: a stretch of the ledger by the ledger's own clock (recordedAt), in sequence order. */
export class ReplayQuery {
  @ApiPropertyOptional({ description: 'recordedAt ≥ from (ISO 8601)' })
  @IsOptional()
  @IsTimestamp()
  @MaxLength(MAX_INSTANT_LENGTH)
  from?: string;

  @ApiPropertyOptional({ description: 'recordedAt < to (ISO 8601)' })
  @IsOptional()
  @IsTimestamp()
  @MaxLength(MAX_INSTANT_LENGTH)
  to?: string;
}

/** A referral's timeline, a page at a time (by event time; the cursor is the last item's sequence). */
export class TimelineQuery {
  @ApiPropertyOptional({ description: 'the sequence of the last item of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  cursor?: string;

  @ApiPropertyOptional({ default: 500, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class StateQuery {
  @ApiPropertyOptional({ description: 'the moment (ISO 8601); events that occurred at or before it count' })
  @IsTimestamp()
  @MaxLength(MAX_INSTANT_LENGTH)
  at: string;
}

export class VerifyQuery {
  @ApiPropertyOptional({ description: 'start at this stored, signed checkpoint instead of the genesis' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  fromCheckpoint?: number;
}
