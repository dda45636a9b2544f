import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { VENUE_TYPES, type VenueType } from '@rj/scheduling/domain';
import {
  IsTimestamp,
  MAX_SESSION_MEDIATORS,
  MAX_SESSION_PARTICIPANTS,
  SESSION_KINDS,
  type SessionKind,
} from '@rj/shared/contracts';

export const MAX_LOCATION_LENGTH = 500;

// The fields a new and a moved session share: one declaration of their rules and their docs.
const StartsAt = (description?: string) =>
  applyDecorators(ApiProperty({ format: 'date-time', ...(description ? { description } : {}) }), IsTimestamp());
const EndsAt = () =>
  applyDecorators(ApiProperty({ format: 'date-time', description: 'After startsAt.' }), IsTimestamp());
/** Free text; stays in this service (never in events or reminders). */
const Location = () =>
  applyDecorators(
    ApiPropertyOptional({
      maxLength: MAX_LOCATION_LENGTH,
      description: 'Free text: stays in this service, never in events or reminders.',
    }),
    IsOptional(),
    IsString(),
    MaxLength(MAX_LOCATION_LENGTH),
  );
const Venue = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: VENUE_TYPES,
      description: "Where, as a kind. A home visit's address never leaves this service.",
    }),
    IsOptional(),
    IsIn(VENUE_TYPES),
  );

/** Whether one participant was present at a session. */
export class AttendanceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId: string;

  @ApiProperty()
  @IsBoolean()
  present: boolean;
}

/** `POST /api/cases/{id}/sessions`. */
export class ScheduleSessionDto {
  @ApiProperty({ enum: SESSION_KINDS })
  @IsIn(SESSION_KINDS)
  kind: SessionKind;

  @StartsAt('In the future, or in the past (within the back-dating window) with attendance.')
  startsAt: string;

  @EndsAt()
  endsAt: string;

  @Location()
  location?: string;

  @Venue()
  venueType?: VenueType;

  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    minItems: 1,
    maxItems: MAX_SESSION_PARTICIPANTS,
    uniqueItems: true,
    description: "Ids of the case's participants who take part.",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSION_PARTICIPANTS)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  participantIds: string[];

  @ApiProperty({
    type: String,
    isArray: true,
    minItems: 1,
    maxItems: MAX_SESSION_MEDIATORS,
    uniqueItems: true,
    description: 'The `sub`s of the assigned mediators who lead it (1 to 100 characters each).',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSION_MEDIATORS)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  mediatorIds: string[];

  /** Only to record a session that already took place, within the back-dating window. */
  @ApiPropertyOptional({
    type: () => AttendanceDto,
    isArray: true,
    minItems: 1,
    maxItems: MAX_SESSION_PARTICIPANTS,
    description: 'Only to record a session that already took place, within the back-dating window.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSION_PARTICIPANTS)
  @ValidateNested({ each: true })
  @Type(() => AttendanceDto)
  attendance?: AttendanceDto[];
}

/** `PATCH /api/sessions/{id}`. */
export class RescheduleSessionDto {
  @StartsAt()
  startsAt: string;

  @EndsAt()
  endsAt: string;

  @Location()
  location?: string;

  @Venue()
  venueType?: VenueType;
}

/** `POST /api/sessions/{id}/complete`: who was present. */
export class CompleteSessionDto {
  @ApiProperty({ type: () => AttendanceDto, isArray: true, minItems: 1, maxItems: MAX_SESSION_PARTICIPANTS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSION_PARTICIPANTS)
  @ValidateNested({ each: true })
  @Type(() => AttendanceDto)
  attendance: AttendanceDto[];
}

/** `GET /api/me/sessions`: a window of time, at most 92 days long. */
export class MySessionsQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now.' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Default: 7 days after from.' })
  @IsOptional()
  @IsTimestamp()
  to?: string;
}
