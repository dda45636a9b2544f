/**
 * personal_data.read — emitted (through the outbox, to rj.access.v1) by any service whose
 * response returned a referral's decrypted personal data: who read, which referral, through
 * which endpoint and which fields. Never the data itself, nor a concrete URL.
 * Consumed by audit-ledger only. Aggregate: access (aggregateId = the referral id: the referral's
 * access log, ordered with its other events).
 */
import { Type } from 'class-transformer';
import { ArrayMinSize, IsDefined, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { defineEvent } from '../../define-event';
import { ROLES, type Role } from '../../roles';
import { Topics } from '../../topics';
import { IsCodeList, IsRouteTemplate } from '../common';

/** The reader: the same person as the envelope's actor, kept in data so the access log reads alone. */
export class AccessReader {
  @IsString() @Length(1, 200) sub: string;
  @IsIn(ROLES) role: Role;
  @IsOptional() @IsString() @Length(1, 200) org: string | null;
}

export class PersonalDataReadData {
  @IsUUID() referralId: string;
  @IsDefined() @ValidateNested() @Type(() => AccessReader) reader: AccessReader;
  /** `GET /api/cases/{id}`: the route template, never the URL with its ids and query. */
  @IsRouteTemplate() endpoint: string;
  /** Which personal fields were decrypted, as paths: `participants.fullName`, `participants.contact`. */
  @ArrayMinSize(1) @IsCodeList(50) fields: string[];
}

export const PersonalDataRead = defineEvent({
  type: 'personal_data.read',
  version: 1,
  topic: Topics.access,
  aggregateType: 'access',
  referralScoped: true,
  schema: PersonalDataReadData,
});
