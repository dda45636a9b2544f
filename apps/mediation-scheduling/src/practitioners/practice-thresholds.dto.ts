import { ApiProperty } from '@nestjs/swagger';
import {
  IsInt,
  IsNumber,
  IsString,
  Length,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isKnownTimeZone } from '@rj/scheduling/domain';

@ValidatorConstraint({ name: 'isTimeZone' })
class IsTimeZoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isKnownTimeZone(value);
  }
  defaultMessage(): string {
    return 'timeZone must be an IANA time zone, such as Europe/Amsterdam';
  }
}

/** `PUT /api/practice-thresholds/{jurisdiction}`: the whole set; every PUT is a new version. */
export class PracticeThresholdsDto {
  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: 10000,
    example: 30,
    description: 'Hours of verified basic mediation training (Nebraska: 30).',
  })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10000)
  minBasicMediationHours: number;

  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: 10000,
    example: 1,
    description: 'Hours of verified restorative-justice training (at least one course is always needed).',
  })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10000)
  minRestorativeJusticeHours: number;

  @ApiProperty({
    type: Number,
    minimum: 1,
    maximum: 3650,
    example: 84,
    description: 'Longest time between supervision sessions (RJC: 12 weeks).',
  })
  @IsInt()
  @Min(1)
  @Max(3650)
  supervisionIntervalDays: number;

  @ApiProperty({ type: Number, minimum: 0, maximum: 365, example: 14 })
  @IsInt()
  @Min(0)
  @Max(365)
  supervisionGraceDays: number;

  @ApiProperty({
    type: Number,
    minimum: 1,
    maximum: 1000,
    example: 12,
    description: 'Open cases a mediator may carry.',
  })
  @IsInt()
  @Min(1)
  @Max(1000)
  caseloadCap: number;

  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: 100,
    example: 3,
    description: 'Cases co-facilitated before a mediator may lead.',
  })
  @IsInt()
  @Min(0)
  @Max(100)
  coFacilitatedCasesBeforeLead: number;

  @ApiProperty({
    minLength: 1,
    maxLength: 64,
    example: 'Europe/Amsterdam',
    description: 'The time zone whose day an expiry date runs through.',
  })
  @IsString()
  @Length(1, 64)
  @Validate(IsTimeZoneConstraint)
  timeZone: string;
}
