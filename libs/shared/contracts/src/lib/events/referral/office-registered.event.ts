/**
 * office.registered — emitted by referral-intake when an admin registers a prosecutor's office.
 * Consumed by outcome-tracking (the office's e-mail for report notices) and audit-ledger.
 * Aggregate: office (keyed by the office id; belongs to no referral).
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsDefined,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCode, StaffContact } from '../common';

export class OfficeRegisteredData {
  @IsUUID() officeId: string;
  /** The office's name is an organisation's, not a person's: it may travel as it is. */
  @IsString() @Length(1, 200) name: string;
  @ArrayMinSize(1) @ArrayMaxSize(50) @ArrayUnique() @IsCode({ each: true }) jurisdictions: string[];
  @IsDefined() @ValidateNested() @Type(() => StaffContact) contact: StaffContact;
}

export const OfficeRegistered = defineEvent({
  type: 'office.registered',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'office',
  referralScoped: false,
  schema: OfficeRegisteredData,
});
