import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SessionList, SessionView } from '../scheduling-api.views';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { CompleteSessionDto, RescheduleSessionDto, ScheduleSessionDto } from './session.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('api/cases/:id/sessions')
  @ApiOperation({
    summary:
      'Book a session; a dialogue only once the dialogue gate is met, and never over another session of the same people.',
  })
  @ApiCreatedResponse({ type: SessionView })
  @HttpCode(201)
  @Roles('mediator')
  schedule(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: ScheduleSessionDto) {
    return this.sessions.schedule(principal, id, body);
  }

  @Get('api/cases/:id/sessions')
  @ApiOperation({ summary: "The case's sessions." })
  @ApiOkResponse({ type: SessionList })
  @Roles('partner_admin', 'mediator')
  list(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.sessions.list(principal, id);
  }

  @Patch('api/sessions/:id')
  @ApiOperation({ summary: 'Move a scheduled session to another time or place.' })
  @ApiOkResponse({ type: SessionView })
  @Roles('mediator')
  reschedule(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: RescheduleSessionDto) {
    return this.sessions.reschedule(principal, id, body);
  }

  @Post('api/sessions/:id/cancel')
  @ApiOperation({ summary: 'Cancel a scheduled session.' })
  @ApiOkResponse({ type: SessionView })
  @HttpCode(200)
  @Roles('mediator')
  cancel(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.sessions.cancel(principal, id);
  }

  @Post('api/sessions/:id/complete')
  @ApiOperation({ summary: 'Record that a session was held, with who attended.' })
  @ApiOkResponse({ type: SessionView })
  @HttpCode(200)
  @Roles('mediator')
  complete(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: CompleteSessionDto) {
    return this.sessions.completeSession(principal, id, body);
  }
}
