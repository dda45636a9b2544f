import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CASE_VIEWS, CasePage, CaseSummaryView, GateChecklistView } from '../scheduling-api.views';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { PageQuery } from '@rj/shared/service';
import { CasesService } from './cases.service';
import { ProposeMediatorDto } from './propose-mediator.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get('api/cases')
  @ApiOperation({
    summary: "The partner's cases (a mediator: those proposed to or assigned to them), keyset-paged; no personal data.",
  })
  @ApiOkResponse({ type: CasePage })
  @Roles('partner_admin', 'mediator')
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery) {
    return this.cases.list(principal, query);
  }

  @Get('api/cases/:id')
  @ApiOperation({
    summary:
      "One case: in full for its assigned mediators and the partner's administrator; the parties' names and roles only for a proposed mediator who has not declared yet.",
  })
  @ApiExtraModels(...CASE_VIEWS)
  @ApiOkResponse({ schema: { anyOf: CASE_VIEWS.map((view) => ({ $ref: getSchemaPath(view) })) } })
  @Roles('partner_admin', 'mediator')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.cases.get(principal, id);
  }

  /** The dialogue gate as a checklist per participant: the rule the service enforces when a dialogue is booked. */
  @Get('api/cases/:id/gate')
  @ApiOperation({
    summary:
      'The dialogue gate as a checklist: per participant, each item met or not, and whether each kind of dialogue may be booked.',
  })
  @ApiOkResponse({ type: GateChecklistView })
  @Roles('partner_admin', 'mediator')
  gate(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.cases.gate(principal, id);
  }

  @Post('api/cases/:id/mediators')
  @ApiOperation({
    summary:
      'Propose a registered mediator of the partner for the case; they declare conflicts of interest before they are assigned.',
  })
  @ApiCreatedResponse({ type: CaseSummaryView })
  @HttpCode(201)
  @Roles('partner_admin')
  propose(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: ProposeMediatorDto) {
    return this.cases.proposeMediator(principal, id, body.mediatorId);
  }
}
