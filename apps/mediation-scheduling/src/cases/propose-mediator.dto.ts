import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** `POST /api/cases/{id}/mediators`. */
export class ProposeMediatorDto {
  /** The mediator's `sub`, as registered with POST /api/mediators. */
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    description: "The mediator's `sub`, as registered with POST /api/mediators.",
  })
  @IsString()
  @Length(1, 100)
  mediatorId: string;
}
