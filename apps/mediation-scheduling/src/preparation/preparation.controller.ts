import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { ConclusionService } from './conclusion.service';
import { AcknowledgementDto, ConcludeDto, ConsentDto, DeclarationDto, InformationDto, RiskAssessmentDto } from './preparation.dto';
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
  @HttpCode(201)
  declare(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: DeclarationDto) {
    return this.preparation.declare(principal, id, body.conflictOfInterest);
  }

  @Post('api/cases/:id/information')
  @HttpCode(201)
  information(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: InformationDto) {
    return this.preparation.information(principal, id, body);
  }

  @Post('api/cases/:id/risk-assessments')
  @HttpCode(201)
  risk(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: RiskAssessmentDto) {
    return this.preparation.riskAssessment(principal, id, body);
  }

  @Post('api/cases/:id/acknowledgements')
  @HttpCode(201)
  acknowledgement(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: AcknowledgementDto) {
    return this.preparation.acknowledgement(principal, id, body);
  }

  @Post('api/cases/:id/consents')
  @HttpCode(201)
  consent(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: ConsentDto) {
    return this.preparation.consent(principal, id, body);
  }

  @Post('api/cases/:id/conclude')
  @HttpCode(200)
  conclude(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: ConcludeDto) {
    return this.conclusion.conclude(principal, id, body);
  }
}
