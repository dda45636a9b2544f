import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  DISABILITY_ANSWERS,
  ETHNICITY_CODE,
  GENDER_ANSWERS,
  SELF_DECLARATION_PURPOSE,
  type SelfDeclaration,
} from '@rj/outcome/domain';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { SelfDeclarationService } from './self-declaration.service';

/**
 * What a person chose to declare about themselves, each attribute optional, each with
 * prefer_not_to_say. There is no field for anything the platform never collects (immigration
 * status, religion, sexual orientation, health details, postcode, a victim's record): an
 * unknown field is refused like any other.
 */
export class SelfDeclarationDto {
  @ApiProperty({
    enum: [SELF_DECLARATION_PURPOSE],
    description: 'the one purpose the person agreed to: counting equity of access, in aggregate only',
  })
  @IsIn([SELF_DECLARATION_PURPOSE])
  purpose: typeof SELF_DECLARATION_PURPOSE;

  @ApiPropertyOptional({ description: "a code of the jurisdiction's list, or prefer_not_to_say", maxLength: 40 })
  @IsOptional()
  @Matches(ETHNICITY_CODE, { message: 'ethnicity must be a code of the list, or prefer_not_to_say' })
  ethnicity?: string;

  @ApiPropertyOptional({ enum: GENDER_ANSWERS })
  @IsOptional()
  @IsIn(GENDER_ANSWERS)
  gender?: string;

  @ApiPropertyOptional({ enum: DISABILITY_ANSWERS })
  @IsOptional()
  @IsIn(DISABILITY_ANSWERS)
  disability?: string;
}

/**
 * Self-declared special-category data for equity monitoring (docs/metrics.md): the case's
 * assigned mediator records what the person declared, for them. Nothing is ever read back —
 * the answer names which attributes were recorded, never their values.
 */
@ApiTags('metrics')
@ApiBearerAuth()
@Controller()
export class SelfDeclarationController {
  constructor(private readonly declarations: SelfDeclarationService) {}

  @ApiOperation({
    summary:
      'Record what a participant self-declared for equity monitoring (assigned mediator); encrypted, never read back, counted only in aggregate.',
  })
  @Put('api/cases/:id/self-declarations/:participantId')
  @Roles('mediator')
  @HttpCode(200)
  async record(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) caseId: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() dto: SelfDeclarationDto,
  ) {
    const { purpose: _purpose, ...declaration } = dto;
    const attributes = await this.declarations.record(principal, caseId, participantId, declaration as SelfDeclaration);
    return { participantId, recorded: attributes };
  }

  @ApiOperation({ summary: 'The participant withdraws their self-declaration: it is deleted (assigned mediator).' })
  @Delete('api/cases/:id/self-declarations/:participantId')
  @Roles('mediator')
  @HttpCode(204)
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) caseId: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
  ): Promise<void> {
    await this.declarations.withdraw(principal, caseId, participantId);
  }
}
