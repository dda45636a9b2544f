import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { PageQuery } from '../infrastructure/page.query';
import { CreatePartnerDto, UpdatePartnerDto } from './partner.dto';
import { PartnerPage, PartnerView } from './partner.view';
import { PartnersService } from './partners.service';

@ApiTags('partners')
@ApiBearerAuth()
@Controller('api/partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Post()
  @Roles('admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key and body return the first result' })
  @ApiCreatedResponse({ type: PartnerView, description: 'registered; its id is the org claim of its partner_admins' })
  register(@CurrentPrincipal() principal: Principal, @Body() body: CreatePartnerDto, @Headers('idempotency-key') idempotencyKey?: string): Promise<PartnerView> {
    return this.partners.register(principal, body, idempotencyKey);
  }

  @Get()
  @Roles('admin', 'partner_admin')
  @ApiOkResponse({ type: PartnerPage })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<PartnerPage> {
    return this.partners.list(principal, query);
  }

  @Get(':id')
  @Roles('admin', 'partner_admin')
  @ApiOkResponse({ type: PartnerView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<PartnerView> {
    return this.partners.get(principal, id);
  }

  @Patch(':id')
  @Roles('admin', 'partner_admin')
  @ApiOkResponse({ type: PartnerView })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdatePartnerDto): Promise<PartnerView> {
    return this.partners.update(principal, id, body);
  }
}
