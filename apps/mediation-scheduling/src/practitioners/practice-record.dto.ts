import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  CODE_PATTERN,
  IsCodeList,
  IsIsoDate,
  IsLanguage,
  ISO_DATE_PATTERN,
  LANGUAGE_PATTERN,
} from '@rj/shared/contracts';
import {
  BACKGROUND_CHECK_KINDS,
  CREDENTIAL_KINDS,
  PRACTICE_KINDS,
  type BackgroundCheckKind,
  type CredentialKind,
  type PracticeKind,
} from '@rj/scheduling/domain';

const DATE = { type: String, format: 'date', pattern: ISO_DATE_PATTERN.source } as const;

/** `POST /api/mediators/{sub}/credentials`: a training or qualification, counted once an admin verifies it. */
export class RecordCredentialDto {
  @ApiProperty({ enum: CREDENTIAL_KINDS })
  @IsIn(CREDENTIAL_KINDS)
  kind: CredentialKind;

  @ApiProperty({ minLength: 1, maxLength: 200, description: 'Who awarded it.' })
  @IsString()
  @Length(1, 200)
  issuer: string;

  @ApiProperty({ type: Number, minimum: 0, maximum: 10000, description: 'Hours of training it stands for.' })
  // A JSON number: an empty answer is refused, never read as 0 hours.
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10000)
  hours: number;

  @ApiProperty({ ...DATE, description: 'The day it was obtained.' })
  @IsIsoDate()
  obtainedOn: string;

  @ApiPropertyOptional({ ...DATE, description: 'The last day it counts; absent when it does not expire.' })
  @IsOptional()
  @IsIsoDate()
  expiresOn?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: 'Certificate reference.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  certificateReference?: string;

  @ApiProperty({
    type: String,
    isArray: true,
    maxItems: 50,
    uniqueItems: true,
    pattern: CODE_PATTERN.source,
    example: ['domestic_violence'],
    description: 'Offence categories it qualifies for (a specialist credential).',
  })
  @IsCodeList(50)
  offenseCategories: string[];
}

/** `POST /api/mediators/{sub}/background-checks`. */
export class RecordBackgroundCheckDto {
  @ApiProperty({
    enum: BACKGROUND_CHECK_KINDS,
    description: '`barred_list_children`: the barred-list check for work with young people.',
  })
  @IsIn(BACKGROUND_CHECK_KINDS)
  kind: BackgroundCheckKind;

  @ApiProperty({ minLength: 1, maxLength: 200, description: 'Who carried out the check.' })
  @IsString()
  @Length(1, 200)
  issuer: string;

  @ApiProperty({ ...DATE, description: 'The day of the check.' })
  @IsIsoDate()
  checkedOn: string;

  @ApiProperty({ ...DATE, description: 'The last day it counts.' })
  @IsIsoDate()
  expiresOn: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;
}

/** `POST /api/mediators/{sub}/languages`: a language the mediator was checked competent to work in. */
export class RecordLanguageDto {
  @ApiProperty({ pattern: LANGUAGE_PATTERN.source, example: 'nl' })
  @IsLanguage()
  language: string;

  @ApiProperty({ minLength: 1, maxLength: 200, description: 'Who checked the competence.' })
  @IsString()
  @Length(1, 200)
  checkedBy: string;

  @ApiProperty({ ...DATE })
  @IsIsoDate()
  checkedOn: string;
}

/**
 * `POST /api/mediators/{sub}/practice`: a supervision session, an observed practice, or a case
 * co-facilitated. A date and a name only: never case content, and nothing about a missed session.
 */
export class RecordPracticeDto {
  @ApiProperty({ enum: PRACTICE_KINDS })
  @IsIn(PRACTICE_KINDS)
  kind: PracticeKind;

  @ApiProperty({ ...DATE, description: 'The day it was held.' })
  @IsIsoDate()
  heldOn: string;

  @ApiProperty({ minLength: 1, maxLength: 200, description: 'The supervisor, observer or lead mediator.' })
  @IsString()
  @Length(1, 200)
  withName: string;
}
