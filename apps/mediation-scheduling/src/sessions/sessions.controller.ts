import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { CompleteSessionDto, RescheduleSessionDto, ScheduleSessionDto } from './session.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('api/cases/:id/sessions')
  @HttpCode(201)
  @Roles('mediator')
  schedule(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: ScheduleSessionDto) {
    return this.sessions.schedule(principal, id, body);
  }

  @Get('api/cases/:id/sessions')
  @Roles('partner_admin', 'mediator')
  list(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.sessions.list(principal, id);
  }

  @Patch('api/sessions/:id')
  @Roles('mediator')
  reschedule(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: RescheduleSessionDto) {
    return this.sessions.reschedule(principal, id, body);
  }

  @Post('api/sessions/:id/cancel')
  @HttpCode(200)
  @Roles('mediator')
  cancel(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.sessions.cancel(principal, id);
  }

  @Post('api/sessions/:id/complete')
  @HttpCode(200)
  @Roles('mediator')
  complete(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: CompleteSessionDto) {
    return this.sessions.completeSession(principal, id, body);
  }
}
