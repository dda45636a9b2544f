import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ProsecutorReport } from '@rj/referral/domain';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { precheckBodiesOf } from '@rj/shared/service';
import { answerWith, type StatusResponse } from '../idempotency/answer';
import { IDEMPOTENCY_HEADER, idempotentRequest } from '../idempotency/idempotency';
import { CreateReferralDto } from './dto/create-referral.dto';
import { precheckReferralBody } from './dto/create-referral.precheck';
import { ListReferralsQueryDto, ReferralSummaryQueryDto, SearchReferralsDto } from './dto/list-referrals.query';
import { ExtendDeadlineDto, ReviewReferralDto, WithdrawReferralDto } from './dto/referral-commands.dto';
import { ReferralCommandsService } from './referral-commands.service';
import { ReferralQueriesService } from './referral-queries.service';
import { ReferralCountsView } from './referral-counts.view';
import { ReferralListService } from './referral-list.service';
import { ReviewOverrideView } from './overrides/review-override.view';
import {
  ReferralPageView,
  ReferralSummaryView,
  type ReferralDetailView,
  type SubmittedReferralView,
} from './referral-views';
import { SubmitReferralService } from './submit-referral.service';
import { ProsecutorReportResponse, ReferralDetailResponse, SubmittedReferralResponse } from './referral-detail.views';

// The hot path's body: precompiled rules first, class-validator's refusal when in doubt (issue 15).
precheckBodiesOf(CreateReferralDto, precheckReferralBody);

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('api/referrals')
export class ReferralsController {
  constructor(
    private readonly submission: SubmitReferralService,
    private readonly queries: ReferralQueriesService,
    private readonly lists: ReferralListService,
    private readonly commands: ReferralCommandsService,
  ) {}

  @ApiOperation({
    summary:
      'Submit a referral: it is screened at once against its jurisdiction’s policy; the same Idempotency-Key and body return the first answer.',
  })
  @ApiCreatedResponse({
    type: SubmittedReferralResponse,
    description: 'Submitted and screened (also the first answer again, with Idempotent-Replayed: true).',
  })
  @Roles('prosecutor')
  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: "Scoped to the caller's office: the same key and body return the first result; another body is 409.",
  })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateReferralDto,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) response: StatusResponse,
  ): Promise<SubmittedReferralView> {
    return answerWith(
      response,
      await this.submission.submit(principal, dto, idempotentRequest(principal, key, 'POST /api/referrals', dto)),
    );
  }

  @Roles('prosecutor', 'auditor', 'admin')
  @Get()
  @ApiOperation({
    summary: 'Referrals the caller may see, filtered and sorted on the server, keyset-paged; no personal data.',
  })
  @ApiOkResponse({ type: ReferralPageView })
  @ApiBadRequestResponse({
    description: 'A filter, sort, limit or cursor that is not valid: problem+json naming each field.',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListReferralsQueryDto): Promise<ReferralPageView> {
    return this.lists.list(principal, query);
  }

  /** A POST so that the case number, which identifies a person, is never in a URL (nor in access logs). */
  @Roles('prosecutor', 'auditor', 'admin')
  @Post('search')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The caller's visible referrals with this case number, found through its keyed blind index; the list's shape and rules.",
  })
  @ApiOkResponse({ type: ReferralPageView })
  @ApiBadRequestResponse({ description: 'No case number, a blank one, or an unknown field.' })
  search(@CurrentPrincipal() principal: Principal, @Body() dto: SearchReferralsDto): Promise<ReferralPageView> {
    return this.lists.search(principal, dto);
  }

  @Roles('prosecutor', 'auditor', 'admin')
  @Get('summary')
  @ApiOperation({
    summary:
      "Counts per status and deadlines at risk: the prosecutor's own office, or (admin, auditor) every office or one.",
  })
  @ApiOkResponse({ type: ReferralCountsView })
  summary(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReferralSummaryQueryDto,
  ): Promise<ReferralCountsView> {
    return this.lists.counts(principal, query);
  }

  @ApiOperation({
    summary:
      'One referral with its personal fields (plaintext for the owning office and admins, ciphertext for auditors, null once erased), screening, review and status history.',
  })
  @ApiOkResponse({ type: ReferralDetailResponse })
  @Roles('prosecutor', 'auditor', 'admin')
  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ReferralDetailView> {
    return this.queries.get(principal, id);
  }

  @Roles('prosecutor', 'admin')
  @Post(':id/review')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Decide a needs_review screening (prosecutor, admin) or override an ineligible one (admin). Overriding an excluded domestic_violence or sexual_offense category needs a second admin: the answer is then 202 with the pending request, and nothing changes until another admin approves it (POST /api/review-overrides/{id}/approve).',
  })
  @ApiOkResponse({ type: ReferralSummaryView, description: 'Decided and applied.' })
  @ApiAcceptedResponse({
    type: ReviewOverrideView,
    description: "Recorded as a request waiting for another admin's approval.",
  })
  @ApiConflictResponse({
    description:
      'Nothing to review, or an override of this referral is already waiting for approval (rule override_already_pending).',
  })
  async review(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReviewReferralDto,
    @Res({ passthrough: true }) response: StatusResponse,
  ): Promise<ReferralSummaryView | ReviewOverrideView> {
    return answerWith(response, await this.commands.review(principal, id, dto));
  }

  @ApiOperation({ summary: 'Withdraw a referral with a reason code, while it has not reached its end.' })
  @ApiOkResponse({ type: ReferralSummaryView })
  @Roles('prosecutor')
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawReferralDto,
  ): Promise<ReferralSummaryView> {
    return this.commands.withdraw(principal, id, dto);
  }

  @ApiOperation({ summary: 'Extend the report-back deadline (it can only move later).' })
  @ApiOkResponse({ type: ReferralSummaryView })
  @Roles('prosecutor')
  @Patch(':id')
  extendDeadline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ExtendDeadlineDto,
  ): Promise<ReferralSummaryView> {
    return this.commands.extendDeadline(principal, id, dto);
  }

  @ApiOperation({
    summary:
      'The report back to the prosecutor of a completed or returned referral: result and dates, terms only if every party consented.',
  })
  @ApiOkResponse({ type: ProsecutorReportResponse })
  @Roles('prosecutor')
  @Get(':id/report')
  report(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ProsecutorReport> {
    return this.queries.report(principal, id);
  }
}
