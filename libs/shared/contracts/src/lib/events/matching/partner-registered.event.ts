/**
 * partner.registered — emitted by partner-matching when an admin registers a partner organisation.
 * Consumed by mediation-scheduling (mediators belong to a partner), outcome-tracking (partner
 * links and contact) and audit-ledger.
 * Aggregate: partner (keyed by the partner id; belongs to no referral).
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCode, IsCodeList, IsLanguage, StaffContact } from '../common';

export class PartnerRegisteredData {
  /** The partner's id is the `org` claim of its partner_admins and mediators. */
  @IsUUID() partnerId: string;
  /** An organisation's name, not a person's: it may travel as it is. */
  @IsString() @Length(1, 200) name: string;
  @ArrayMinSize(1) @ArrayMaxSize(50) @ArrayUnique() @IsCode({ each: true }) jurisdictions: string[];
  @ArrayMinSize(1) @IsCodeList(100) offenseCategories: string[];
  @ArrayMinSize(1) @ArrayMaxSize(50) @ArrayUnique() @IsLanguage({ each: true }) languages: string[];
  @IsBoolean() servesMinors: boolean;
  /** Open cases the partner takes at once; 0 stops new offers without deactivating. */
  @IsInt() @Min(0) @Max(10_000) capacity: number;
  /** Time to answer an offer; fractions allowed (0.01 h = 36 s). */
  @IsNumber({ allowNaN: false, allowInfinity: false }) @IsPositive() @Max(8760) responseHours: number;
  /** Offence categories the partner is a specialist for (overridden exclusions go only there). */
  @IsCodeList(100) specialties: string[];
  @IsBoolean() active: boolean;
  /** Where new offers are announced (without names); absent until a partner_admin sets it. */
  @IsOptional() @ValidateNested() @Type(() => StaffContact) contact?: StaffContact;
}

export const PartnerRegistered = defineEvent({
  type: 'partner.registered',
  version: 1,
  topic: Topics.matching,
  aggregateType: 'partner',
  referralScoped: false,
  schema: PartnerRegisteredData,
});
