import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  CODE_PATTERN,
  CONSENT_DECISIONS,
  RECORDABLE_CONSENT_PURPOSES,
  IsCode,
  IsCodeList,
  IsLanguage,
  LANGUAGE_PATTERN,
  MEDIATOR_CONCLUSION_REASON_CODES,
  RISK_OUTCOMES,
  type ConsentDecision,
  type ConsentPurpose,
  type RiskOutcome,
} from '@rj/shared/contracts';

export const MAX_RISK_FACTORS = 50;

/** `POST /api/cases/{id}/declarations`. */
export class DeclarationDto {
  /** About the named parties: true removes the mediator from the case. */
  @ApiProperty({
    description: 'A conflict of interest with the named parties; true removes the mediator from the case.',
  })
  @IsBoolean()
  conflictOfInterest: boolean;
}

/** `POST /api/cases/{id}/information`: what the party was told. */
export class InformationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId: string;

  @ApiProperty({
    pattern: CODE_PATTERN.source,
    maxLength: 64,
    example: 'leaflet-2025-01',
    description: 'The version of the information given to the party.',
  })
  @IsCode()
  informationVersion: string;

  @ApiProperty({
    pattern: LANGUAGE_PATTERN.source,
    example: 'nl',
    description: 'The language the information was given in.',
  })
  @IsLanguage()
  language: string;
}

/** `POST /api/cases/{id}/risk-assessments`: the latest counts. */
export class RiskAssessmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId: string;

  @ApiProperty({ enum: RISK_OUTCOMES, description: '`stop` puts the case on hold; only conclusion remains.' })
  @IsIn(RISK_OUTCOMES)
  outcome: RiskOutcome;

  /** Factor codes; confidential: kept here, never in events. */
  @ApiProperty({
    type: String,
    isArray: true,
    maxItems: MAX_RISK_FACTORS,
    uniqueItems: true,
    pattern: CODE_PATTERN.source,
    description: 'Factor codes; confidential: kept in this service, never in events.',
  })
  @IsCodeList(MAX_RISK_FACTORS)
  factors: string[];
}

/** `POST /api/cases/{id}/acknowledgements`: the person responsible acknowledged the basic facts. */
export class AcknowledgementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId: string;
}

/** `POST /api/cases/{id}/consents`. */
export class ConsentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId: string;

  @ApiProperty({ enum: RECORDABLE_CONSENT_PURPOSES })
  @IsIn(RECORDABLE_CONSENT_PURPOSES)
  purpose: ConsentPurpose;

  @ApiProperty({ enum: CONSENT_DECISIONS })
  @IsIn(CONSENT_DECISIONS)
  decision: ConsentDecision;

  @ApiPropertyOptional({ description: "Given by a minor's guardian; a minor's consent needs the guardian's too." })
  @IsOptional()
  @IsBoolean()
  byGuardian?: boolean;
}

/** `POST /api/cases/{id}/conclude`. */
export class ConcludeDto {
  @ApiProperty()
  @IsBoolean()
  agreementReached: boolean;

  /** Checked against the neutral codes by the conclusion rule (referral_withdrawn is the platform's). */
  @ApiPropertyOptional({
    enum: MEDIATOR_CONCLUSION_REASON_CODES,
    maxLength: 64,
    description: 'Why there is no agreement; only when agreementReached is false.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  reasonCode?: string;
}
