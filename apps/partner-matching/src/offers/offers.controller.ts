import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: "The partner's offers, newest first, keyset-paged: anonymous until accepted." })
  @Roles('partner_admin')
  @ApiOkResponse({ type: OfferPage })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListOffersQuery): Promise<OfferPage> {
    return this.offers.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: "One of the partner's offers." })
  @Roles('partner_admin')
  @ApiOkResponse({ type: OfferView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OfferView> {
    return this.offers.get(principal, id);
  }

  @Post(':id/accept')
  @ApiOperation({ summary: 'Accept an offer before it expires, if the partner has free capacity: the case opens.' })
  @HttpCode(200)
  @Roles('partner_admin')
  @ApiOkResponse({ type: OfferView })
  @ApiConflictResponse({ description: 'expired, already answered, or no free capacity' })
  accept(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OfferView> {
    return this.offers.accept(principal, id);
  }

  @Post(':id/decline')
  @ApiOperation({ summary: 'Decline an offer with a reason code; matching offers the referral to the next partner.' })
  @HttpCode(200)
  @Roles('partner_admin')
  @ApiOkResponse({ type: OfferView })
  @ApiConflictResponse({ description: 'expired or already answered' })
  decline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DeclineOfferDto,
  ): Promise<OfferView> {
    return this.offers.decline(principal, id, body.reasonCode);
  }
}
