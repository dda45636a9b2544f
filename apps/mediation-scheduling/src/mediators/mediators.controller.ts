import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { NotFound } from '@rj/shared/contracts';
import { ListMediatorsQueryDto } from './list-mediators-query.dto';
import { MediatorsService } from './mediators.service';
import { RegisterMediatorDto } from './register-mediator.dto';

@ApiTags('mediators')
@ApiBearerAuth()
@Controller()
export class MediatorsController {
  constructor(private readonly mediators: MediatorsService) {}

  @Post('api/mediators')
  @HttpCode(201)
  @Roles('partner_admin')
  register(@CurrentPrincipal() principal: Principal, @Body() body: RegisterMediatorDto) {
    if (principal.org === null) throw new NotFound('partner not found');
    return this.mediators.register(principal, body);
  }

  @Get('api/mediators')
  @Roles('partner_admin')
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListMediatorsQueryDto) {
    if (principal.org === null) return { items: [], nextCursor: null };
    return this.mediators.list(principal, query.limit ?? 50, query.cursor);
  }
}
