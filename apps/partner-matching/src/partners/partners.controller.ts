import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { CreatePartnerDto, PartnerListQuery, UpdatePartnerDto } from './partner.dto';
import { PartnerPage, PartnerView } from './partner.view';
import { PartnersService } from './partners.service';

@ApiTags('partners')
@ApiBearerAuth()
@Controller('api/partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Post()
  @ApiOperation({
    summary:
      'Register a partner organisation (admin); its id is the org claim of its partner administrators and mediators.',
  })
  @Roles('admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key and body return the first result' })
  @ApiCreatedResponse({ type: PartnerView, description: 'registered; its id is the org claim of its partner_admins' })
  register(@CurrentPrincipal() principal: Principal, @Body() body: CreatePartnerDto): Promise<PartnerView> {
    return this.partners.register(principal, body);
  }

  @Get()
  @ApiOperation({ summary: 'Partners, keyset-paged (admin); a partner administrator gets its own only.' })
  @Roles('admin', 'partner_admin')
  @ApiOkResponse({ type: PartnerPage })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PartnerListQuery): Promise<PartnerPage> {
    return this.partners.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One partner (a partner administrator: its own only).' })
  @Roles('admin', 'partner_admin')
  @ApiOkResponse({ type: PartnerView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<PartnerView> {
    return this.partners.get(principal, id);
  }

  @Patch(':id')
  @Roles('admin', 'partner_admin')
  @ApiOperation({
    summary:
      'Edit a profile: an admin every field; a partner_admin its own capacity, languages, active, responseHours and contact. A field the role may not set is a 403 naming it in `fields` (only an admin grants specialist status: `specialties`).',
  })
  @ApiOkResponse({ type: PartnerView })
  @ApiForbiddenResponse({
    description:
      'A field the role may not set (`fields` names them), or a partner_admin activating a partner an admin deactivated.',
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdatePartnerDto,
  ): Promise<PartnerView> {
    return this.partners.update(principal, id, body);
  }

  @Post(':id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Deactivate a partner: no new offers, no accepting offers made before; its history stays. Emits partner.updated (active false). Repeating it changes nothing.',
  })
  @ApiOkResponse({ type: PartnerView })
  @ApiNotFoundResponse({ description: 'No such partner.' })
  deactivate(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<PartnerView> {
    return this.partners.deactivate(principal, id);
  }

  @Post(':id/activate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Activate a partner again (lifts a deactivation, or its own pause). Emits partner.updated (active true).',
  })
  @ApiOkResponse({ type: PartnerView })
  @ApiNotFoundResponse({ description: 'No such partner.' })
  activate(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<PartnerView> {
    return this.partners.activate(principal, id);
  }
}
