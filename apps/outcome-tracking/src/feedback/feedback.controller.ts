import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsObject, IsString, IsUUID, MaxLength } from 'class-validator';
import { ANSWER_VALUES } from '@rj/outcome/domain';
import { CurrentPrincipal, Public, Roles, type Principal } from '@rj/shared/auth';
import { FeedbackService } from './feedback.service';

export class ReleaseFeedbackDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() participantId: string;
  @ApiProperty({ enum: ['first', 'second'] }) @IsIn(['first', 'second']) survey: 'first' | 'second';
}

export class SurveyAnswersDto {
  @ApiProperty({
    description: 'item id → "1"…"5" or "prefer_not_to_say"; every item may be left out',
    type: 'object',
    additionalProperties: { type: 'string', enum: [...ANSWER_VALUES] }, // the values the survey takes
  })
  @IsObject()
  answers: Record<string, string>;
}

export class SurveyTokenParam {
  @ApiProperty() @IsString() @MaxLength(64) token: string;
}

/** Releasing surveys (the case's assigned mediator) and answering them (the participant, by link). */
@ApiTags('feedback')
@Controller()
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @ApiOperation({ summary: 'Each participant’s surveys on this case: released, or what still blocks the release.' })
  @ApiBearerAuth()
  @Get('api/cases/:id/feedback-invitations')
  @Roles('mediator', 'partner_admin')
  status(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) caseId: string) {
    return this.feedback.status(principal, caseId);
  }

  @ApiOperation({
    summary: 'Release one survey to one participant (assigned mediator). 409 lists every condition that blocks it.',
  })
  @ApiBearerAuth()
  @Post('api/cases/:id/feedback-invitations')
  @Roles('mediator')
  release(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) caseId: string,
    @Body() dto: ReleaseFeedbackDto,
  ) {
    return this.feedback.release(principal, caseId, dto.participantId, dto.survey);
  }

  @ApiOperation({
    summary: 'The survey behind a single-use link (no token): 404 forged, 410 used or expired; reading stores nothing.',
  })
  @Get('api/surveys/:token')
  @Public()
  survey(@Param() params: SurveyTokenParam) {
    return this.feedback.survey(params.token);
  }

  @ApiOperation({
    summary: 'Answer the survey once (no token): stored unlinked from the participant; the link closes.',
  })
  @Post('api/surveys/:token')
  @Public()
  @HttpCode(201)
  async answer(@Param() params: SurveyTokenParam, @Body() dto: SurveyAnswersDto) {
    await this.feedback.answer(params.token, dto.answers);
    return { received: true };
  }

  @ApiOperation({
    summary:
      '“Stop asking me” (no token): no further survey mail or reminder for this participant; any link we sent works, 404 forged.',
  })
  @Post('api/surveys/:token/stop')
  @Public()
  @HttpCode(200)
  async stop(@Param() params: SurveyTokenParam) {
    await this.feedback.stop(params.token);
    return { stopped: true };
  }
}
