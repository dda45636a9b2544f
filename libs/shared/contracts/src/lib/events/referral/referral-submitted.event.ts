/**
 * referral.submitted — emitted by referral-intake when a prosecutor submits a referral.
 * Consumed by partner-matching (matching attributes), mediation-scheduling (participants with
 * encrypted contacts, guardians, languages, minors), outcome-tracking (office link, encrypted
 * contacts and safe channels) and audit-ledger. Aggregate: referral.
 *
 * Names, contacts, date of birth and the prosecutor's case number are ciphertext under the
 * referral's data key (`dataKeyId`). The offence description, notes and accessibility needs
 * are free text and never travel; only the fact that needs exist does.
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../define-event';
import { keyIdOfCiphertext, type Ciphertext } from '../../personal-data';
import { Topics } from '../../topics';
import { EncryptedContact, IsCiphertext, IsCode, IsConsistent, IsIsoDate, IsLanguage } from '../common';
import {
  OFFENSE_SEVERITIES,
  PARTY_ROLES,
  REFERRAL_SOURCES,
  STAGES,
  type OffenseSeverity,
  type PartyRole,
  type ReferralSource,
  type Stage,
} from '../vocabulary';

export const MAX_PARTICIPANTS = 20;

export class ReferralOffense {
  @IsCode() code: string;
  /** Matching's hard constraint and screening's input, e.g. `property_damage`, `domestic_violence`. */
  @IsCode() category: string;
  @IsIn(OFFENSE_SEVERITIES) severity: OffenseSeverity;
}

/** A minor's guardian: a person, so name and contact are ciphertext. */
export class ParticipantGuardian {
  @IsCiphertext() fullName: string;
  @IsDefined() @ValidateNested() @Type(() => EncryptedContact) contact: EncryptedContact;
}

/** Defence counsel of the person responsible: identifies the client's case, so ciphertext too. */
export class ParticipantCounsel {
  @IsCiphertext() fullName: string;
  @IsDefined() @ValidateNested() @Type(() => EncryptedContact) contact: EncryptedContact;
}

export class ReferralParticipant {
  /** Minted by referral-intake; every later event names the participant by this id only. */
  @IsUUID() participantId: string;
  @IsIn(PARTY_ROLES) role: PartyRole;
  @IsCiphertext() fullName: string;
  @IsOptional() @IsCiphertext() dateOfBirth?: string;
  @IsBoolean()
  @IsConsistent<ReferralParticipant>((p) => (p.minor === true && !p.guardian ? 'a minor needs a guardian' : undefined))
  minor: boolean;
  @IsOptional() @ValidateNested() @Type(() => ParticipantGuardian) guardian?: ParticipantGuardian;
  @IsDefined() @ValidateNested() @Type(() => EncryptedContact) contact: EncryptedContact;
  @IsLanguage() preferredLanguage: string;
  @IsBoolean() interpreter: boolean;
  /** Whether needs were stated; the needs themselves are free text and stay in intake. */
  @IsBoolean() hasAccessibilityNeeds: boolean;
  @IsOptional()
  @ValidateNested()
  @Type(() => ParticipantCounsel)
  @IsConsistent<ReferralParticipant>((p) =>
    p.counsel && p.role !== 'responsible' ? 'only the person responsible has defence counsel' : undefined,
  )
  counsel?: ParticipantCounsel;
}

function ciphertextsOf(data: ReferralSubmittedData): string[] {
  const contact = (c?: EncryptedContact) => [c?.email, c?.phone];
  const participants = Array.isArray(data.participants) ? data.participants : [];
  return [
    data.caseNumber,
    ...participants.flatMap((p) => [
      p?.fullName,
      p?.dateOfBirth,
      ...contact(p?.contact),
      p?.guardian?.fullName,
      ...contact(p?.guardian?.contact),
      p?.counsel?.fullName,
      ...contact(p?.counsel?.contact),
    ]),
  ].filter((value): value is string => typeof value === 'string');
}

function checkDerivedFields(data: ReferralSubmittedData): string | undefined {
  const participants = Array.isArray(data.participants) ? data.participants.filter(Boolean) : [];
  // api.md: a referral without one harmed and one responsible party is a 400, never an event.
  const roles = new Set(participants.map((p) => p.role));
  if (!roles.has('harmed') || !roles.has('responsible'))
    return 'participants need at least one harmed and one responsible';
  if (new Set(participants.map((p) => p.participantId)).size !== participants.length)
    return 'participantIds must be unique';
  if (data.hasMinor !== participants.some((p) => p.minor === true))
    return 'hasMinor must say whether any participant is a minor';
  const spoken = new Set(participants.map((p) => p.preferredLanguage));
  const languages = new Set(Array.isArray(data.languages) ? data.languages : []);
  if (spoken.size !== languages.size || [...spoken].some((l) => !languages.has(l))) {
    return "languages must be exactly the participants' preferred languages";
  }
  // Erasure deletes one key: anything under another key would survive it.
  const foreign = ciphertextsOf(data).filter(
    (c) => /^pii:1:/.test(c) && keyIdOfCiphertext(c as Ciphertext) !== data.dataKeyId,
  );
  if (foreign.length) return 'every ciphertext must be encrypted under dataKeyId';
  return undefined;
}

export class ReferralSubmittedData {
  @IsUUID() referralId: string;
  @IsUUID() officeId: string;
  @IsIn(REFERRAL_SOURCES) source: ReferralSource;
  /** A prosecutor's case number identifies a criminal case, hence a person: ciphertext. */
  @IsCiphertext() caseNumber: string;
  @IsCode() jurisdiction: string;
  @IsDefined() @ValidateNested() @Type(() => ReferralOffense) offense: ReferralOffense;
  @IsIsoDate() incidentDate: string;
  @IsIn(STAGES) stage: Stage;
  @IsBoolean() protectiveOrder: boolean;
  @IsIsoDate() reportBackBy: string;
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @ValidateNested({ each: true })
  @Type(() => ReferralParticipant)
  participants: ReferralParticipant[];
  /** The participants' preferred languages, derived, for matching's language constraint. */
  @ArrayMinSize(1) @ArrayMaxSize(MAX_PARTICIPANTS) @ArrayUnique() @IsLanguage({ each: true }) languages: string[];
  @IsBoolean() hasMinor: boolean;
  /** Id of the referral's data key in intake's key store; never the key itself. */
  @IsUUID()
  @IsConsistent<ReferralSubmittedData>(checkDerivedFields)
  dataKeyId: string;
}

export const ReferralSubmitted = defineEvent({
  type: 'referral.submitted',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'referral',
  referralScoped: true,
  schema: ReferralSubmittedData,
});
