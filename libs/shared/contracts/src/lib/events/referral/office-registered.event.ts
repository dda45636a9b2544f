import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCode, StaffContact } from '../common';

export class OfficeRegisteredData {
  @IsUUID() officeId: string;
  /** The office's name is an organisation's, not a person's: it may travel as it is. */
  @IsString() @Length(1, 200) name: string;
  @ArrayMinSize(1) @ArrayMaxSize(50) @IsCode({ each: true }) jurisdictions: string[];
  @ValidateNested() @Type(() => StaffContact) contact: StaffContact;
}

export const OfficeRegistered = defineEvent({
  type: 'office.registered',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'office',
  referralScoped: false,
  schema: OfficeRegisteredData,
});
