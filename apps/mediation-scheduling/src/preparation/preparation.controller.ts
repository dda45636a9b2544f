import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConclusionView, DeclarationView, PreparationRecordedView } from '../scheduling-api.views';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { ConclusionService } from './conclusion.service';
import {
  AcknowledgementDto,
  ConcludeDto,
  ConsentDto,
  DeclarationDto,
  InformationDto,
  RiskAssessmentDto,
} from './preparation.dto';
import { PreparationService } from './preparation.service';

/** Mediators only: a partner_admin or any other role may never record these (403). */
@ApiTags('preparation')
@ApiBearerAuth()
@Controller()
@Roles('mediator')
export class PreparationController {
  constructor(
    private readonly preparation: PreparationService,
    private readonly conclusion: ConclusionService,
  ) {}

  @Post('api/cases/:id/declarations')
  @ApiOperation({
    summary: 'A proposed mediator declares whether they have a conflict of interest; without one they are assigned.',
  })
  @ApiCreatedResponse({ type: DeclarationView })
  @HttpCode(201)
  declare(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: DeclarationDto) {
    return this.preparation.declare(principal, id, body.conflictOfInterest);
  }

  @Post('api/cases/:id/information')
  @ApiOperation({
    summary:
      'Record that a participant was informed (what restorative justice is, their rights, that they may withdraw).',
  })
  @ApiCreatedResponse({ type: PreparationRecordedView })
  @HttpCode(201)
  information(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: InformationDto) {
    return this.preparation.information(principal, id, body);
  }

  @Post('api/cases/:id/risk-assessments')
  @ApiOperation({
    summary: "Record a participant's risk assessment; a stop puts the case on hold and cancels its dialogues.",
  })
  @ApiCreatedResponse({ type: PreparationRecordedView })
  @HttpCode(201)
  risk(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: RiskAssessmentDto) {
    return this.preparation.riskAssessment(principal, id, body);
  }

  @Post('api/cases/:id/acknowledgements')
  @ApiOperation({ summary: 'Record that the responsible person acknowledges the basic facts of the harm.' })
  @ApiCreatedResponse({ type: PreparationRecordedView })
  @HttpCode(201)
  acknowledgement(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: AcknowledgementDto) {
    return this.preparation.acknowledgement(principal, id, body);
  }

  @Post('api/cases/:id/consents')
  @ApiOperation({
    summary:
      "Record a participant's (or guardian's) consent for one purpose, given or withdrawn; withdrawing participation puts the case on hold.",
  })
  @ApiCreatedResponse({ type: PreparationRecordedView })
  @HttpCode(201)
  consent(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: ConsentDto) {
    return this.preparation.consent(principal, id, body);
  }

  @Post('api/cases/:id/conclude')
  @ApiOperation({ summary: 'Conclude the case, with or without an agreement (a reason code when without).' })
  @ApiOkResponse({ type: ConclusionView })
  @HttpCode(200)
  conclude(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: ConcludeDto) {
    return this.conclusion.conclude(principal, id, body);
  }
}
