import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser } from './auth/current-user';
import { ServiceApi } from './platform/api-client';
import type { SessionUser } from './platform/session-user';
import type { FollowUp, Page, ReferralCounts, ReferralSummary } from './prosecutor/api-shapes';

interface PendingOverride {
  id: string;
  referralId: string;
  category: string;
  requestedBy: string;
  requestedAt: string;
}

/** Each role's home: what needs them now. */
@Controller()
export class HomeController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async home(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    if (user.role === 'prosecutor')
      return res.render('pages/prosecutor/home.njk', { title: 'Home', ...(await this.prosecutorHome(user)) });
    if (user.role === 'admin')
      return res.render('pages/admin/home.njk', { title: 'Home', ...(await this.adminHome(user)) });
    if (user.role === 'mediator') return res.redirect(303, '/mediator');
    if (user.role === 'partner_admin') return res.redirect(303, '/partner');
    if (user.role === 'auditor') return res.redirect(303, '/audit');
    // Only the service role is left, and it cannot sign in to the console (auth/claims.ts).
    throw new NotFoundException();
  }

  private async prosecutorHome(user: SessionUser) {
    const [counts, decisions, victimRequests, atRisk, reportsReady, followUps] = await Promise.all([
      this.api.get<ReferralCounts>(user, 'referral-intake', '/api/referrals/summary'),
      this.api.get<Page<ReferralSummary>>(user, 'referral-intake', '/api/referrals', {
        query: { status: 'needs_review,unmatched', sort: 'deadline', limit: 10 },
      }),
      // A person harmed who asked for restorative justice: the office decides and tells them.
      this.api.get<Page<ReferralSummary>>(user, 'referral-intake', '/api/referrals', {
        query: { source: 'victim_request', status: 'submitted,needs_review,unmatched', sort: 'deadline', limit: 10 },
      }),
      this.api.get<Page<ReferralSummary>>(user, 'referral-intake', '/api/referrals', {
        query: { status: 'submitted,matching,offered,assigned,in_progress', sort: 'deadline', limit: 10 },
      }),
      this.api.get<Page<ReferralSummary>>(user, 'referral-intake', '/api/referrals', {
        query: { status: 'completed,returned', limit: 5 },
      }),
      this.api.get<Page<FollowUp>>(user, 'outcome-tracking', '/api/follow-ups', { query: { limit: 10 } }),
    ]);
    const cutoff = counts.deadlinesAtRisk.cutoff;
    return {
      counts,
      decisions: decisions.items,
      victimRequests: victimRequests.items,
      deadlinesAtRisk: atRisk.items.filter((referral) => referral.reportBackBy <= cutoff),
      reportsReady: reportsReady.items,
      followUpsDue: followUps.items.filter((followUp) => followUp.status !== 'recorded'),
    };
  }

  private async adminHome(user: SessionUser) {
    const [counts, queue, overrides] = await Promise.all([
      this.api.get<ReferralCounts>(user, 'referral-intake', '/api/referrals/summary'),
      this.api.get<Page<ReferralSummary>>(user, 'referral-intake', '/api/referrals', {
        query: { status: 'needs_review', sort: 'deadline', limit: 10 },
      }),
      this.api.get<Page<PendingOverride>>(user, 'referral-intake', '/api/review-overrides', {
        query: { status: 'pending', limit: 10 },
      }),
    ]);
    // Another administrator's request is the one this administrator can approve.
    const awaitingYou = overrides.items.filter((request) => request.requestedBy !== user.sub);
    return { counts, reviewQueue: queue.items, overridesAwaitingYou: awaitingYou };
  }
}
