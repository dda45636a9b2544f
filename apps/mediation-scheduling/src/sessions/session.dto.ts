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
import { IsTimestamp, MAX_SESSION_MEDIATORS, MAX_SESSION_PARTICIPANTS, SESSION_KINDS, type SessionKind } from '@rj/shared/contracts';

export const MAX_LOCATION_LENGTH = 500;

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

  @ApiProperty({ format: 'date-time', description: 'In the future, or in the past (within the back-dating window) with attendance.' })
  @IsTimestamp()
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'After startsAt.' })
  @IsTimestamp()
  endsAt: string;

  /** Free text; stays in this service (never in events or reminders). */
  @ApiPropertyOptional({ maxLength: MAX_LOCATION_LENGTH, description: 'Free text: stays in this service, never in events or reminders.' })
  @IsOptional() @IsString() @MaxLength(MAX_LOCATION_LENGTH)
  location?: string;

  @ApiProperty({ type: String, format: 'uuid', isArray: true, minItems: 1, maxItems: MAX_SESSION_PARTICIPANTS, uniqueItems: true, description: "Ids of the case's participants who take part." })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_SESSION_PARTICIPANTS) @ArrayUnique() @IsUUID(undefined, { each: true })
  participantIds: string[];

  @ApiProperty({ type: String, isArray: true, minItems: 1, maxItems: MAX_SESSION_MEDIATORS, uniqueItems: true, description: 'The `sub`s of the assigned mediators who lead it (1 to 100 characters each).' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_SESSION_MEDIATORS) @ArrayUnique() @IsString({ each: true }) @Length(1, 100, { each: true })
  mediatorIds: string[];

  /** Only to record a session that already took place, within the back-dating window. */
  @ApiPropertyOptional({ type: () => AttendanceDto, isArray: true, minItems: 1, maxItems: MAX_SESSION_PARTICIPANTS, description: 'Only to record a session that already took place, within the back-dating window.' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_SESSION_PARTICIPANTS) @ValidateNested({ each: true }) @Type(() => AttendanceDto)
  attendance?: AttendanceDto[];
}

/** `PATCH /api/sessions/{id}`. */
export class RescheduleSessionDto {
  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'After startsAt.' })
  @IsTimestamp()
  endsAt: string;

  @ApiPropertyOptional({ maxLength: MAX_LOCATION_LENGTH, description: 'Free text: stays in this service, never in events or reminders.' })
  @IsOptional() @IsString() @MaxLength(MAX_LOCATION_LENGTH)
  location?: string;
}

/** `POST /api/sessions/{id}/complete`: who was present. */
export class CompleteSessionDto {
  @ApiProperty({ type: () => AttendanceDto, isArray: true, minItems: 1, maxItems: MAX_SESSION_PARTICIPANTS })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_SESSION_PARTICIPANTS) @ValidateNested({ each: true }) @Type(() => AttendanceDto)
  attendance: AttendanceDto[];
}
