import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { ProsecutorReport } from '@rj/referral/domain';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import type { Page } from '../common/list-query.dto';
import { answerWith, type StatusResponse } from '../idempotency/answer';
import { IDEMPOTENCY_HEADER, idempotentRequest } from '../idempotency/idempotency';
import { CreateReferralDto } from './dto/create-referral.dto';
import { ListReferralsQueryDto } from './dto/list-referrals.query';
import { ExtendDeadlineDto, ReviewReferralDto, WithdrawReferralDto } from './dto/referral-commands.dto';
import { ReferralCommandsService } from './referral-commands.service';
import { ReferralQueriesService } from './referral-queries.service';
import type { ReferralDetailView, ReferralSummaryView, SubmittedReferralView } from './referral-views';
import { SubmitReferralService } from './submit-referral.service';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('api/referrals')
export class ReferralsController {
  constructor(
    private readonly submission: SubmitReferralService,
    private readonly queries: ReferralQueriesService,
    private readonly commands: ReferralCommandsService,
  ) {}

  @Roles('prosecutor')
  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: "Scoped to the caller's office: the same key and body return the first result; another body is 409." })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateReferralDto,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) response: StatusResponse,
  ): Promise<SubmittedReferralView> {
    return answerWith(response, await this.submission.submit(principal, dto, idempotentRequest(principal, key, 'POST /api/referrals', dto)));
  }

  @Roles('prosecutor', 'auditor', 'admin')
  @Get()
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListReferralsQueryDto): Promise<Page<ReferralSummaryView>> {
    return this.queries.list(principal, query);
  }

  @Roles('prosecutor', 'auditor', 'admin')
  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ReferralDetailView> {
    return this.queries.get(principal, id);
  }

  @Roles('prosecutor', 'admin')
  @Post(':id/review')
  @HttpCode(200)
  review(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReviewReferralDto): Promise<ReferralSummaryView> {
    return this.commands.review(principal, id, dto);
  }

  @Roles('prosecutor')
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: WithdrawReferralDto): Promise<ReferralSummaryView> {
    return this.commands.withdraw(principal, id, dto);
  }

  @Roles('prosecutor')
  @Patch(':id')
  extendDeadline(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ExtendDeadlineDto): Promise<ReferralSummaryView> {
    return this.commands.extendDeadline(principal, id, dto);
  }

  @Roles('prosecutor')
  @Get(':id/report')
  report(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ProsecutorReport> {
    return this.queries.report(principal, id);
  }
}
