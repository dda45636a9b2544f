import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { ListReviewOverridesQueryDto, ReviewOverridePageView, ReviewOverrideView } from './review-override.view';
import { ReviewOverridesService } from './review-overrides.service';

/**
 * The second admin's side of overriding an excluded domestic- or sexual-violence category. The
 * first admin asks with `POST /api/referrals/{id}/review` (answered 202 with the request).
 */
@ApiTags('review overrides')
@ApiBearerAuth()
@Controller('api/review-overrides')
export class ReviewOverridesController {
  constructor(private readonly overrides: ReviewOverridesService) {}

  @Roles('admin')
  @Get()
  @ApiOperation({ summary: 'Override requests, newest first; `?status=pending` for those waiting for a second admin.' })
  @ApiOkResponse({ type: ReviewOverridePageView })
  list(@Query() query: ListReviewOverridesQueryDto): Promise<ReviewOverridePageView> {
    return this.overrides.list(query);
  }

  @Roles('admin')
  @Get(':id')
  @ApiOperation({
    summary: "One request with the asking admin's reason in words (the read is logged as personal_data.read).",
  })
  @ApiOkResponse({ type: ReviewOverrideView })
  @ApiNotFoundResponse({ description: 'No such request.' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ReviewOverrideView> {
    return this.overrides.get(principal, id);
  }

  @Roles('admin')
  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Another admin approves: the override is applied as a single review would be (referral.reviewed, status matching, specialist partners only).',
  })
  @ApiOkResponse({
    type: ReviewOverrideView,
    description: 'Approved; `referral` shows the referral after the override.',
  })
  @ApiConflictResponse({
    description:
      'The asking admin tried to approve (rule override_needs_second_admin), the request was already decided, or the referral no longer allows the override.',
  })
  @ApiNotFoundResponse({ description: 'No such request.' })
  approve(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ReviewOverrideView> {
    return this.overrides.approve(principal, id);
  }

  @Roles('admin')
  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Any admin, the asking one included, rejects a pending request; the referral stays ineligible.',
  })
  @ApiOkResponse({ type: ReviewOverrideView })
  @ApiConflictResponse({ description: 'The request was already decided.' })
  @ApiNotFoundResponse({ description: 'No such request.' })
  reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ReviewOverrideView> {
    return this.overrides.reject(principal, id);
  }
}
