/**
 * office.updated — emitted by referral-intake when an admin changes an office. Carries the whole
 * new state (not a diff), so a consumer that missed an update still ends up right.
 * Consumed by outcome-tracking and audit-ledger. Aggregate: office (no referral).
 */
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsDefined, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCode, StaffContact } from '../common';

export class OfficeUpdatedData {
  @IsUUID() officeId: string;
  @IsString() @Length(1, 200) name: string;
  @ArrayMinSize(1) @ArrayMaxSize(50) @ArrayUnique() @IsCode({ each: true }) jurisdictions: string[];
  @IsDefined() @ValidateNested() @Type(() => StaffContact) contact: StaffContact;
}

export const OfficeUpdated = defineEvent({
  type: 'office.updated',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'office',
  referralScoped: false,
  schema: OfficeUpdatedData,
});
