import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MediatorPage, MediatorView } from '../scheduling-api.views';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { NotFound } from '@rj/shared/contracts';
import { pageSizeOf } from '@rj/shared/service';
import { ListMediatorsQueryDto } from './list-mediators-query.dto';
import { MediatorsService } from './mediators.service';
import { RegisterMediatorDto } from './register-mediator.dto';
import { UpdateMediatorDto } from './update-mediator.dto';

/**
 * A partner's mediators, kept by its administrators: register, read, edit, deactivate and
 * activate again. Another organisation's mediator is a 404.
 */
@ApiTags('mediators')
@ApiBearerAuth()
@Controller()
export class MediatorsController {
  constructor(private readonly mediators: MediatorsService) {}

  @Post('api/mediators')
  @ApiOperation({ summary: 'Register a mediator of the partner (partner administrator).' })
  @ApiCreatedResponse({ type: MediatorView })
  @HttpCode(201)
  @Roles('partner_admin')
  register(@CurrentPrincipal() principal: Principal, @Body() body: RegisterMediatorDto) {
    if (principal.org === null) throw new NotFound('partner not found');
    return this.mediators.register(principal, body);
  }

  @Get('api/mediators')
  @ApiOperation({ summary: "The partner's mediators with their caseloads, keyset-paged." })
  @ApiOkResponse({ type: MediatorPage })
  @Roles('partner_admin')
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListMediatorsQueryDto) {
    if (principal.org === null) return { items: [], nextCursor: null };
    return this.mediators.list(principal, pageSizeOf(query), query.cursor, query.active);
  }

  @Get('api/mediators/:id')
  @ApiOperation({ summary: "One of the partner's mediators." })
  @ApiOkResponse({ type: MediatorView })
  @Roles('partner_admin')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.mediators.get(principal, id);
  }

  @Patch('api/mediators/:id')
  @ApiOperation({ summary: "Change a mediator's name, contact or specialties." })
  @ApiOkResponse({ type: MediatorView })
  @Roles('partner_admin')
  update(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: UpdateMediatorDto) {
    return this.mediators.update(principal, id, body);
  }

  /** No new proposals for this mediator; their current cases and history stay. Repeating it is harmless. */
  @Post('api/mediators/:id/deactivate')
  @ApiOperation({ summary: 'Deactivate a mediator: no new cases; their history stays.' })
  @ApiOkResponse({ type: MediatorView })
  @HttpCode(200)
  @Roles('partner_admin')
  deactivate(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.mediators.setActive(principal, id, false);
  }

  @Post('api/mediators/:id/activate')
  @ApiOperation({ summary: 'Activate a mediator again.' })
  @ApiOkResponse({ type: MediatorView })
  @HttpCode(200)
  @Roles('partner_admin')
  activate(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.mediators.setActive(principal, id, true);
  }
}
