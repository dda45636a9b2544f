import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

/** `POST /api/follow-ups/{id}`: did the person re-offend. */
export class RecordFollowUpDto {
  @ApiProperty() @IsBoolean() reoffended: boolean;
}
