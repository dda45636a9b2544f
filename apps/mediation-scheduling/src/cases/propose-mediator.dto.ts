import { IsString, Length } from 'class-validator';

export class ProposeMediatorDto {
  /** The mediator's `sub`, as registered with POST /api/mediators. */
  @IsString() @Length(1, 100)
  mediatorId: string;
}
