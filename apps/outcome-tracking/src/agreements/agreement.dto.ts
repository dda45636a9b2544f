import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { MAX_AGREEMENT_TERMS, MAX_CONSENTING_PARTICIPANTS, TERM_KINDS, TERM_RECIPIENTS, type TermKind, type TermRecipient } from '@rj/shared/contracts';

/**
 * Shapes only; the rules (amount > 0, ISO 4217, a due date today or later, fields that belong
 * to the kind) are the domain's validateAgreement, which reports every problem at once.
 */
export class MoneyDto {
  @ApiProperty({ example: '120.00' }) @IsString() @MaxLength(20) amount: string;
  @ApiProperty({ example: 'EUR' }) @IsString() @MaxLength(3) currency: string;
}

export class TermDto {
  @ApiProperty({ enum: TERM_KINDS }) @IsIn(TERM_KINDS) kind: TermKind;
  @ApiProperty({ example: '2026-06-30' }) @IsString() @MaxLength(10) dueBy: string;
  @ApiPropertyOptional({ type: MoneyDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => MoneyDto) amount?: MoneyDto;
  @ApiPropertyOptional() @IsOptional() @IsInt() instalments?: number;
  @ApiPropertyOptional({ enum: TERM_RECIPIENTS }) @IsOptional() @IsIn(TERM_RECIPIENTS) recipient?: TermRecipient;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) hours?: number;
  /** Free text: stored encrypted under the referral's key, never in events. */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

export class RecordAgreementDto {
  @ApiProperty({ type: [TermDto] }) @IsDefined() @IsArray() @ArrayMaxSize(MAX_AGREEMENT_TERMS) @ValidateNested({ each: true }) @Type(() => TermDto) terms: TermDto[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_CONSENTING_PARTICIPANTS) @IsUUID(undefined, { each: true }) consentedBy: string[];
}

export class AmendTermDto {
  @ApiPropertyOptional({ example: '2026-07-31' }) @IsOptional() @IsString() @MaxLength(10) dueBy?: string;
  @ApiPropertyOptional({ type: MoneyDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => MoneyDto) amount?: MoneyDto;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) hours?: number;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_CONSENTING_PARTICIPANTS) @IsUUID(undefined, { each: true }) consentedBy: string[];
}

export class RecordProgressDto {
  @ApiPropertyOptional({ type: MoneyDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => MoneyDto) amount?: MoneyDto;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) hours?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() done?: boolean;
  /** The mediator's note: kept encrypted in outcome-tracking, never in events. */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CloseCaseDto {
  @ApiProperty({ enum: ['agreement_not_completed'] }) @IsIn(['agreement_not_completed']) reasonCode: 'agreement_not_completed';
}
