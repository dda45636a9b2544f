import { Controller, Delete, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExcludeEndpoint,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CalendarFeedCreated, CalendarFeedStatus, MySessionList } from '../scheduling-api.views';
import { CurrentPrincipal, Public, Roles, type Principal } from '@rj/shared/auth';
import { MySessionsQueryDto } from '../sessions/session.dto';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('api/me/sessions')
  @ApiOperation({
    summary: "The signed-in mediator's sessions, with each participant's needs and undelivered reminders.",
  })
  @ApiOkResponse({ type: MySessionList })
  @ApiBearerAuth()
  @Roles('mediator')
  mySessions(@CurrentPrincipal() principal: Principal, @Query() query: MySessionsQueryDto) {
    return this.calendar.mySessions(principal, query);
  }

  @Get('api/me/calendar-feed')
  @ApiOperation({ summary: 'Whether the mediator has an iCalendar feed (never its URL).' })
  @ApiOkResponse({ type: CalendarFeedStatus })
  @ApiBearerAuth()
  @Roles('mediator')
  feedStatus(@CurrentPrincipal() principal: Principal) {
    return this.calendar.status(principal);
  }

  /** Makes or rotates the feed; the answer is the only time its secret URL is shown. */
  @Post('api/me/calendar-feed')
  @ApiOperation({
    summary: "Create the mediator's secret iCalendar feed, replacing any earlier one; its path is shown once.",
  })
  @ApiCreatedResponse({ type: CalendarFeedCreated })
  @HttpCode(201)
  @ApiBearerAuth()
  @Roles('mediator')
  createFeed(@CurrentPrincipal() principal: Principal) {
    return this.calendar.createOrRotate(principal);
  }

  @Delete('api/me/calendar-feed')
  @ApiOperation({ summary: "Revoke the mediator's iCalendar feed." })
  @ApiNoContentResponse({ description: 'Revoked (or there was none).' })
  @HttpCode(204)
  @ApiBearerAuth()
  @Roles('mediator')
  revokeFeed(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.calendar.revoke(principal);
  }

  /**
   * Calendar apps subscribe without a token: the long random secret in the path is the key.
   * Left out of the API document, which lists the bearer-token API (the README describes it).
   */
  @Get('calendar/:file')
  @Public()
  @ApiExcludeEndpoint()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  feed(@Param('file') file: string): Promise<string> {
    return this.calendar.feed(file.replace(/\.ics$/, ''));
  }
}
