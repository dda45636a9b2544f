import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { describeCode } from '../../messages/describe';
import { ApiRefused, ApiUnavailable, ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import { pageId } from '../../platform/ids';
import type { SessionUser } from '../../platform/session-user';
import type { Page, ReferralSummary } from '../../prosecutor/api-shapes';
import { formErrors, unavailableErrors, type FormErrors } from '../forms/form-errors';
import { explainFailure } from '../forms/refusal';
import {
  askedBy,
  isOverrideRequest,
  queueRows,
  reasonsInWords,
  REVIEW_LABELS,
  reviewBody,
  reviewFormFrom,
  secondApprovalCategory,
  type OverrideRequest,
  type ReviewForm,
} from './queue-view';

const QUEUE_SIZE = 50;
// Finding one queued referral pages through the queue (the list has no personal data; reading
// the referral itself would decrypt and log it). This bounds that search.
const LOOKUP_PAGE = 100;
const LOOKUP_PAGES = 20;

/**
 * Referrals a person must decide: screened as needing a review, or screened out (an
 * administrator may override, with a reason). Offence facts and reasons only, never names.
 * Overriding an excluded domestic-violence or sexual-offence category needs a second
 * administrator, who approves it here.
 */
@ForRoles('admin')
@Controller('admin/review-queue')
export class ReviewQueueController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async queue(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    const [pending, needsReview, screenedOut] = await Promise.all([
      this.pendingOverrides(user),
      this.referrals(user, 'needs_review'),
      this.referrals(user, 'ineligible'),
    ]);
    res.render('pages/admin/review-queue/queue.njk', {
      title: 'Review queue',
      approvals: pending.map((request) => ({
        ...request,
        askedBy: askedBy(request, user.sub),
        reasons: reasonsInWords(request.referral.screeningReasons),
      })),
      needsReview: queueRows(needsReview.items, pending),
      screenedOut: queueRows(screenedOut.items, pending),
      moreNeedReview: needsReview.nextCursor !== null,
      moreScreenedOut: screenedOut.nextCursor !== null,
    });
  }

  @Get('approvals/:requestId')
  async approval(
    @CurrentUser() user: SessionUser,
    @Param('requestId') requestId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderApproval(user, res, pageId(requestId));
  }

  @Post('approvals/:requestId/approve')
  approve(
    @CurrentUser() user: SessionUser,
    @Param('requestId') requestId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.decideOverride(user, pageId(requestId), 'approve', req, res);
  }

  @Post('approvals/:requestId/reject')
  reject(
    @CurrentUser() user: SessionUser,
    @Param('requestId') requestId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.decideOverride(user, pageId(requestId), 'reject', req, res);
  }

  @Get(':id')
  async decision(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const referral = await this.queued(user, pageId(id));
    await this.renderDecision(user, res, referral, {
      decision: referral.status === 'ineligible' ? 'eligible' : undefined,
    });
  }

  @Post(':id')
  async decide(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const referralId = pageId(id);
    const form = reviewFormFrom(body);
    try {
      const answer = await this.api.post<unknown>(user, 'referral-intake', `/api/referrals/${referralId}/review`, {
        body: reviewBody(form),
      });
      if (isOverrideRequest(answer)) {
        flash(
          req,
          'Override asked for',
          `Another administrator must approve it before the referral goes ahead. Until then it stays screened out. Category: ${describeCode('offenseCategory', answer.category).toLowerCase()}.`,
        );
      } else {
        const status = (answer as Partial<ReferralSummary>).status;
        flash(req, 'Review recorded', `The referral is now: ${describeCode('referralStatus', status).toLowerCase()}.`);
      }
      res.redirect(303, '/admin/review-queue');
    } catch (error) {
      const failure = explainFailure(error, REVIEW_LABELS, { fallbackId: 'reason' });
      if (!failure) throw error;
      const referral = await this.queued(user, referralId).catch((lookup: unknown) => {
        if (lookup instanceof NotFoundException) return undefined;
        throw lookup;
      });
      if (referral) return this.renderDecision(user, res.status(failure.status), referral, form, failure.errors);
      // Decided meanwhile (by someone else): it has left the queue, so there is no form to show again.
      flash(
        req,
        'Already decided',
        failure.errors.summary[0]?.text ?? 'This referral is no longer waiting for a decision.',
      );
      res.redirect(303, '/admin/review-queue');
    }
  }

  private async decideOverride(
    user: SessionUser,
    requestId: string,
    action: 'approve' | 'reject',
    req: Request,
    res: Response,
  ): Promise<void> {
    try {
      const decided = await this.api.post<OverrideRequest>(
        user,
        'referral-intake',
        `/api/review-overrides/${requestId}/${action}`,
      );
      const category = describeCode('offenseCategory', decided.category).toLowerCase();
      if (action === 'approve')
        flash(
          req,
          'Override approved',
          `The referral now goes only to programmes that are specialists in ${category}.`,
        );
      else flash(req, 'Override rejected', 'The referral stays screened out.');
      res.redirect(303, '/admin/review-queue');
    } catch (error) {
      // The rule a second approval exists for (the asking administrator cannot approve) comes back as the service's own sentence.
      const refused = error instanceof ApiRefused && [400, 409, 422].includes(error.problem.status);
      if (!refused && !(error instanceof ApiUnavailable)) throw error;
      const errors = refused
        ? formErrors(undefined, {}, { detail: error.problem.detail, fallbackId: 'decide' })
        : unavailableErrors((error as ApiUnavailable).correlationId, 'decide');
      await this.renderApproval(user, res.status(refused ? 409 : 503), requestId, errors);
    }
  }

  private async renderApproval(
    user: SessionUser,
    res: Response,
    requestId: string,
    errors?: FormErrors,
  ): Promise<void> {
    // The one read that shows the asking administrator's reason; the service logs it.
    const request = await this.api.get<OverrideRequest>(user, 'referral-intake', `/api/review-overrides/${requestId}`);
    res.render('pages/admin/review-queue/approval.njk', {
      title: 'Approve an override',
      request,
      referral: request.referral,
      askedBy: askedBy(request, user.sub),
      reasons: reasonsInWords(request.referral.screeningReasons),
      errors,
    });
  }

  private async renderDecision(
    user: SessionUser,
    res: Response,
    referral: ReferralSummary,
    form: ReviewForm,
    errors?: FormErrors,
  ): Promise<void> {
    const pending =
      referral.status === 'ineligible'
        ? (await this.pendingOverrides(user)).find((request) => request.referralId === referral.id)
        : undefined;
    const override = referral.status === 'ineligible';
    res.render('pages/admin/review-queue/decide.njk', {
      title: override ? 'Override a screening' : 'Review a referral',
      referral,
      override,
      reasons: reasonsInWords(referral.screeningReasons),
      secondApprovalCategory: secondApprovalCategory(referral),
      pendingRequest: pending,
      form,
      errors,
    });
  }

  private async pendingOverrides(user: SessionUser): Promise<OverrideRequest[]> {
    const page = await this.api.get<Page<OverrideRequest>>(user, 'referral-intake', '/api/review-overrides', {
      query: { status: 'pending', limit: QUEUE_SIZE },
    });
    return page.items;
  }

  private referrals(
    user: SessionUser,
    status: 'needs_review' | 'ineligible',
    cursor?: string,
    limit = QUEUE_SIZE,
  ): Promise<Page<ReferralSummary>> {
    return this.api.get<Page<ReferralSummary>>(user, 'referral-intake', '/api/referrals', {
      query: { status, sort: 'deadline', limit, cursor },
    });
  }

  /** A referral awaiting a decision, found in the queue itself; anything else is not found. */
  private async queued(user: SessionUser, id: string): Promise<ReferralSummary> {
    for (const status of ['needs_review', 'ineligible'] as const) {
      let cursor: string | undefined;
      for (let page = 0; page < LOOKUP_PAGES; page += 1) {
        const found = await this.referrals(user, status, cursor, LOOKUP_PAGE);
        const referral = found.items.find((item) => item.id === id);
        if (referral) return referral;
        if (!found.nextCursor) break;
        cursor = found.nextCursor;
      }
    }
    throw new NotFoundException();
  }
}
