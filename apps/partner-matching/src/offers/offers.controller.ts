import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { DeclineOfferDto, ListOffersQuery } from './offer.dto';
import { OfferPage, OfferView } from './offer.view';
import { OffersService } from './offers.service';

/** A partner's offers: its own only; another partner's is a 404. */
@ApiTags('offers')
@ApiBearerAuth()
@Controller('api/offers')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Get()
  @Roles('partner_admin')
  @ApiOkResponse({ type: OfferPage })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListOffersQuery): Promise<OfferPage> {
    return this.offers.list(principal, query);
  }

  @Get(':id')
  @Roles('partner_admin')
  @ApiOkResponse({ type: OfferView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OfferView> {
    return this.offers.get(principal, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('partner_admin')
  @ApiOkResponse({ type: OfferView })
  @ApiConflictResponse({ description: 'expired, already answered, or no free capacity' })
  accept(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OfferView> {
    return this.offers.accept(principal, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('partner_admin')
  @ApiOkResponse({ type: OfferView })
  @ApiConflictResponse({ description: 'expired or already answered' })
  decline(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: DeclineOfferDto): Promise<OfferView> {
    return this.offers.decline(principal, id, body.reasonCode);
  }
}
