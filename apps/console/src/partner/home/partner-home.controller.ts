import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import type { SessionUser } from '../../platform/session-user';
import type { CaseGate, CaseOutcome, OfferView, OwnPartnerView, Paged } from '../api-shapes';
import { caseReference, nextStepOf, waitingForMediator } from '../cases/case-steps';
import { offerDeadline } from '../offers/offer-deadline';
import { optional, organisationCases, ownPartnerId } from '../partner-api';
import { caseloadOf, FLAG_TAGS, overdueTerms, safetyFlags } from './safety-flags';

// Each case's gate and outcome is one call: a bounded number keeps the home page quick.
const MAX_CASES_CHECKED = 25;

/** The partner administrator's home: what needs them now, and what they should know. */
@ForRoles('partner_admin')
@Controller('partner')
export class PartnerHomeController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async home(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    const partnerId = ownPartnerId(user);
    const now = new Date();
    const [partner, offers, cases] = await Promise.all([
      this.api.get<OwnPartnerView>(user, 'partner-matching', `/api/partners/${partnerId}`),
      this.api.get<Paged<OfferView>>(user, 'partner-matching', '/api/offers', {
        query: { status: 'pending', limit: 50 },
      }),
      organisationCases(this.api, user),
    ]);
    const missed = { count: 0 };
    const inPreparation = cases
      .filter((kase) => kase.status === 'open' && kase.mediators.some((m) => m.declared))
      .slice(0, MAX_CASES_CHECKED);
    const concluded = cases.filter((kase) => kase.status === 'concluded').slice(-MAX_CASES_CHECKED);
    const [gates, outcomes] = await Promise.all([
      Promise.all(
        inPreparation.map((kase) =>
          optional(this.api.get<CaseGate>(user, 'mediation-scheduling', `/api/cases/${kase.id}/gate`), missed),
        ),
      ),
      Promise.all(
        concluded.map((kase) =>
          optional(this.api.get<CaseOutcome>(user, 'outcome-tracking', `/api/cases/${kase.id}/outcome`), missed),
        ),
      ),
    ]);
    res.render('pages/partner/home.njk', {
      title: 'Home',
      partner,
      caseload: caseloadOf(partner),
      offers: offers.items
        .map((offer) => ({ ...offer, deadline: offerDeadline(offer.expiresAt, now) }))
        .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)),
      waiting: waitingForMediator(cases).map((kase) => ({
        ...kase,
        ref: caseReference(kase.id),
        step: nextStepOf(kase),
      })),
      flags: safetyFlags(cases, gates).map((flag) => ({ ...flag, ref: caseReference(flag.caseId) })),
      flagTags: FLAG_TAGS,
      overdue: overdueTerms(outcomes).map((term) => ({ ...term, ref: caseReference(term.caseId) })),
      missedChecks: missed.count,
    });
  }
}
