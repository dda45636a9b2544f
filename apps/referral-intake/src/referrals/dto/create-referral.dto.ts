import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  IsCode,
  IsIsoDate,
  MAX_PARTICIPANTS,
  OFFENSE_SEVERITIES,
  REFERRAL_SOURCES,
  STAGES,
  type OffenseSeverity,
  type ReferralSource,
  type Stage,
} from '@rj/shared/contracts';
import { MAX_FREE_TEXT_LENGTH, PartyDto } from './party.dto';

export class OffenseDto {
  @ApiProperty({ example: 'SR-350' })
  @IsCode()
  code: string;

  @ApiProperty({ example: 'property_damage' })
  @IsCode()
  category: string;

  @ApiProperty({ enum: OFFENSE_SEVERITIES })
  @IsIn(OFFENSE_SEVERITIES)
  severity: OffenseSeverity;

  @ApiPropertyOptional({ maxLength: MAX_FREE_TEXT_LENGTH, description: 'Free text: encrypted, never in events.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FREE_TEXT_LENGTH)
  description?: string;
}

/** `POST /api/referrals` (api.md, Referral body). Unknown fields are a 400. */
export class CreateReferralDto {
  @ApiProperty({ enum: REFERRAL_SOURCES })
  @IsIn(REFERRAL_SOURCES)
  source: ReferralSource;

  @ApiProperty({
    example: 'PARKET-2025-0042',
    description: "The prosecutor's own case number: identifies a person, so encrypted.",
  })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'must not be blank' })
  caseNumber: string;

  @ApiProperty({ example: 'NL-NH', description: "One of the office's jurisdictions." })
  @IsCode()
  jurisdiction: string;

  @ApiProperty({ type: OffenseDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OffenseDto)
  offense: OffenseDto;

  @ApiProperty({ format: 'date', description: 'Not in the future.' })
  @IsIsoDate()
  incidentDate: string;

  @ApiProperty({ enum: STAGES })
  @IsIn(STAGES)
  stage: Stage;

  @ApiProperty({ description: 'A protective or no-contact order is in force.' })
  @IsBoolean()
  protectiveOrder: boolean;

  @ApiProperty({ format: 'date', description: 'After today; can only be moved later.' })
  @IsIsoDate()
  reportBackBy: string;

  @ApiProperty({ type: [PartyDto], description: 'At least one harmed and one responsible party.' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties: PartyDto[];

  @ApiPropertyOptional({ maxLength: MAX_FREE_TEXT_LENGTH, description: 'Free text: encrypted, never in events.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FREE_TEXT_LENGTH)
  notes?: string;
}
