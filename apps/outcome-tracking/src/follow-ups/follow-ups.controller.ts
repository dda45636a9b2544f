import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { PageQuery } from '@rj/shared/service';
import { FollowUpPage, FollowUpView } from '../views/outcome-api.views';
import { FollowUpsService } from './follow-ups.service';
import { RecordFollowUpDto } from './record-follow-up.dto';

/** The prosecutor's side of the follow-ups (product.md step 9): due ones, and the answer. */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @ApiOperation({
    summary: 'The follow-ups due for the prosecutor’s office (re-offence at 6, 12 and 24 months), keyset-paged.',
  })
  @ApiOkResponse({ type: FollowUpPage })
  @Get('api/follow-ups')
  @Roles('prosecutor')
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery) {
    return this.followUps.due(principal, query);
  }

  @ApiOperation({ summary: 'Answer a due follow-up: did the person re-offend.' })
  @ApiOkResponse({ type: FollowUpView })
  @Post('api/follow-ups/:id')
  @HttpCode(200)
  @Roles('prosecutor')
  record(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordFollowUpDto,
  ) {
    return this.followUps.record(principal, id, dto.reoffended);
  }
}
