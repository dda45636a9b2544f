import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsString, Length, Max, Min } from 'class-validator';
import { IsIsoDate, ISO_DATE_PATTERN } from '@rj/shared/contracts';

/** `POST /api/offices/{id}/staff`: a member of staff on the office's training register. */
export class AddStaffMemberDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  fullName: string;
}

/** `POST /api/offices/{id}/staff/{staffId}/trainings`: a restorative-justice course completed. */
export class RecordStaffTrainingDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Restorative principles for prosecutors' })
  @IsString()
  @Length(1, 200)
  course: string;

  @ApiProperty({ type: String, format: 'date', pattern: ISO_DATE_PATTERN.source })
  @IsIsoDate()
  completedOn: string;

  @ApiProperty({ type: Number, minimum: 0.5, maximum: 10000 })
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.5)
  @Max(10000)
  hours: number;
}
