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

export class AttendanceDto {
  @IsUUID()
  participantId: string;

  @IsBoolean()
  present: boolean;
}

export class ScheduleSessionDto {
  @IsIn(SESSION_KINDS)
  kind: SessionKind;

  @IsTimestamp()
  startsAt: string;

  @IsTimestamp()
  endsAt: string;

  /** Free text; stays in this service (never in events or reminders). */
  @IsOptional() @IsString() @MaxLength(500)
  location?: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_SESSION_PARTICIPANTS) @ArrayUnique() @IsUUID(undefined, { each: true })
  participantIds: string[];

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_SESSION_MEDIATORS) @ArrayUnique() @IsString({ each: true }) @Length(1, 100, { each: true })
  mediatorIds: string[];

  /** Only to record a session that already took place, within the back-dating window. */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_SESSION_PARTICIPANTS) @ValidateNested({ each: true }) @Type(() => AttendanceDto)
  attendance?: AttendanceDto[];
}

export class RescheduleSessionDto {
  @IsTimestamp()
  startsAt: string;

  @IsTimestamp()
  endsAt: string;

  @IsOptional() @IsString() @MaxLength(500)
  location?: string;
}

export class CompleteSessionDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_SESSION_PARTICIPANTS) @ValidateNested({ each: true }) @Type(() => AttendanceDto)
  attendance: AttendanceDto[];
}
