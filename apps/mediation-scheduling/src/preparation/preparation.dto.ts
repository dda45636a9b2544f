import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  CONSENT_DECISIONS,
  CONSENT_PURPOSES,
  IsCode,
  IsCodeList,
  IsLanguage,
  RISK_OUTCOMES,
  type ConsentDecision,
  type ConsentPurpose,
  type RiskOutcome,
} from '@rj/shared/contracts';

export class DeclarationDto {
  /** About the named parties: true removes the mediator from the case. */
  @IsBoolean()
  conflictOfInterest: boolean;
}

export class InformationDto {
  @IsUUID() participantId: string;
  @IsCode() informationVersion: string;
  @IsLanguage() language: string;
}

export class RiskAssessmentDto {
  @IsUUID() participantId: string;
  @IsIn(RISK_OUTCOMES) outcome: RiskOutcome;
  /** Factor codes; confidential: kept here, never in events. */
  @IsCodeList(50) factors: string[];
}

export class AcknowledgementDto {
  @IsUUID() participantId: string;
}

export class ConsentDto {
  @IsUUID() participantId: string;
  @IsIn(CONSENT_PURPOSES) purpose: ConsentPurpose;
  @IsIn(CONSENT_DECISIONS) decision: ConsentDecision;
  @IsOptional() @IsBoolean() byGuardian?: boolean;
}

export class ConcludeDto {
  @IsBoolean() agreementReached: boolean;
  /** Checked against the neutral codes by the conclusion rule (referral_withdrawn is the platform's). */
  @IsOptional() @IsString() @MaxLength(64) reasonCode?: string;
}
