import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { ListQueryDto } from '../platform/list-query.dto';
import { CasesService } from './cases.service';
import { ProposeMediatorDto } from './propose-mediator.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get('api/cases')
  @Roles('partner_admin', 'mediator')
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListQueryDto) {
    return this.cases.list(principal, query);
  }

  @Get('api/cases/:id')
  @Roles('partner_admin', 'mediator')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.cases.get(principal, id);
  }

  @Post('api/cases/:id/mediators')
  @HttpCode(201)
  @Roles('partner_admin')
  propose(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: ProposeMediatorDto) {
    return this.cases.proposeMediator(principal, id, body.mediatorId);
  }
}
