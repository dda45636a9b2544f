import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from './money.dto';
import {
  CommunityServiceTermInput,
  CompletionTermInput,
  RestitutionTermInput,
  TERM_INPUT_SCHEMAS,
} from './term-input.schemas';
import {
  MAX_AGREEMENT_TERMS,
  MAX_CONSENTING_PARTICIPANTS,
  TERM_KINDS,
  TERM_RECIPIENTS,
  type TermKind,
  type TermRecipient,
} from '@rj/shared/contracts';

/** Bounds that keep numbers in their columns (int instalments, hours in hundredths as int). */
export const MAX_INSTALMENTS = 1000;
export const MAX_HOURS = 100000;

export { MoneyDto };

/**
 * Shapes only; the rules (amount > 0, ISO 4217, a due date today or later, fields that belong
 * to the kind) are the domain's validateAgreement, which reports every problem at once.
 */
export class TermDto {
  @ApiProperty({ enum: TERM_KINDS }) @IsIn(TERM_KINDS) kind: TermKind;
  @ApiProperty({ example: '2026-06-30' }) @IsString() @MaxLength(10) dueBy: string;
  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Max(MAX_INSTALMENTS) instalments?: number;
  /** Required of a restitution term (api.md, 2026-12): the domain's validateAgreement says so per field. */
  @ApiPropertyOptional({ enum: TERM_RECIPIENTS, description: 'Required when kind is restitution.' })
  @IsOptional()
  @IsIn(TERM_RECIPIENTS)
  recipient?: TermRecipient;
  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(MAX_HOURS)
  hours?: number;
  /** Free text: stored encrypted under the referral's key, never in events. */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

/** The request's terms are documented per kind (term-input.schemas.ts): what each kind requires, recipient included. */
@ApiExtraModels(...TERM_INPUT_SCHEMAS)
export class RecordAgreementDto {
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: TERM_INPUT_SCHEMAS.map((schema) => ({ $ref: getSchemaPath(schema) })),
      discriminator: {
        propertyName: 'kind',
        mapping: {
          restitution: getSchemaPath(RestitutionTermInput),
          community_service: getSchemaPath(CommunityServiceTermInput),
          ...Object.fromEntries(
            ['apology_letter', 'programme', 'other'].map((kind) => [kind, getSchemaPath(CompletionTermInput)]),
          ),
        },
      },
    },
    minItems: 1,
    maxItems: MAX_AGREEMENT_TERMS,
  })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(MAX_AGREEMENT_TERMS)
  @ValidateNested({ each: true })
  @Type(() => TermDto)
  terms: TermDto[];
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONSENTING_PARTICIPANTS)
  @IsUUID(undefined, { each: true })
  consentedBy: string[];
}

export class AmendTermDto {
  @ApiPropertyOptional({ example: '2026-07-31' }) @IsOptional() @IsString() @MaxLength(10) dueBy?: string;
  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;
  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(MAX_HOURS)
  hours?: number;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONSENTING_PARTICIPANTS)
  @IsUUID(undefined, { each: true })
  consentedBy: string[];
}

export class RecordProgressDto {
  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;
  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(MAX_HOURS)
  hours?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() done?: boolean;
  /** The mediator's note: kept encrypted in outcome-tracking, never in events. */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CloseCaseDto {
  @ApiProperty({ enum: ['agreement_not_completed'] })
  @IsIn(['agreement_not_completed'])
  reasonCode: 'agreement_not_completed';
}
