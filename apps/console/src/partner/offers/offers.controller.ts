import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { OFFER_STATUSES, type OfferStatus } from '@rj/shared/contracts';
import { explainFailure } from '../../admin/forms/refusal';
import { languageName } from '../../admin/forms/category-choices';
import { cursorFrom } from '../../admin/forms/paging';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { choicesOf } from '../../messages/describe';
import { ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import { pageId } from '../../platform/ids';
import type { SessionUser } from '../../platform/session-user';
import type { OfferView, Paged } from '../api-shapes';
import { askForMissing } from '../missing-answer';
import { organisationCases } from '../partner-api';
import { offerDeadline } from './offer-deadline';

const DECLINE_LABELS = { reasonCode: 'Reason' };

/**
 * The offers inbox: anonymous offers of cases to the programme, each with the time left to
 * answer; accepting (after a confirmation page) or declining with a reason. An offer carries
 * no name and no contact; the people are named only on the case that accepting opens.
 */
@ForRoles('partner_admin')
@Controller('partner/offers')
export class PartnerOffersController {
  constructor(private readonly api: ServiceApi) {}

  /** `?status=` one of the offer statuses; waiting for an answer by default, soonest deadline first. */
  @Get()
  async inbox(
    @CurrentUser() user: SessionUser,
    @Query('status') status: string | undefined,
    @Query('after') after: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const shown: OfferStatus = (OFFER_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as OfferStatus)
      : 'pending';
    const page = await this.api.get<Paged<OfferView>>(user, 'partner-matching', '/api/offers', {
      query: { status: shown, limit: 50, cursor: cursorFrom(after) },
    });
    const now = new Date();
    const offers = page.items.map((offer) => this.described(offer, now));
    if (shown === 'pending') offers.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
    res.render('pages/partner/offers.njk', {
      title: 'Offers',
      offers,
      status: shown,
      statuses: OFFER_STATUSES,
      nextCursor: page.nextCursor,
      firstPage: !after,
    });
  }

  /** One offer; once accepted, a link to the case it opened (which may take a moment to appear). */
  @Get(':id')
  async offer(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const offer = await this.api.get<OfferView>(user, 'partner-matching', `/api/offers/${pageId(id)}`);
    const kase =
      offer.status === 'accepted'
        ? (await organisationCases(this.api, user)).find((one) => one.referralId === offer.referralId)
        : undefined;
    res.render('pages/partner/offer.njk', {
      title: 'An offer of a case',
      offer: this.described(offer, new Date()),
      caseId: kase?.id,
    });
  }

  @Get(':id/accept')
  async confirmAccept(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const offer = await this.api.get<OfferView>(user, 'partner-matching', `/api/offers/${pageId(id)}`);
    if (offer.status !== 'pending') return res.redirect(303, `/partner/offers/${offer.id}`);
    res.render('pages/partner/offer-accept.njk', {
      title: 'Accept this offer',
      offer: this.described(offer, new Date()),
    });
  }

  @Post(':id/accept')
  async accept(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const offerId = pageId(id);
    try {
      await this.api.post(user, 'partner-matching', `/api/offers/${offerId}/accept`);
      flash(req, 'Offer accepted', 'The case opens in a few seconds. Propose a mediator for it from its page.');
      res.redirect(303, `/partner/offers/${offerId}`);
    } catch (error) {
      const failure = explainFailure(error, {}, { fallbackId: 'confirm' });
      if (!failure) throw error;
      const offer = await this.api.get<OfferView>(user, 'partner-matching', `/api/offers/${offerId}`);
      res.status(failure.status).render('pages/partner/offer-accept.njk', {
        title: 'Accept this offer',
        offer: this.described(offer, new Date()),
        errors: failure.errors,
      });
    }
  }

  @Get(':id/decline')
  async declineForm(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const offer = await this.api.get<OfferView>(user, 'partner-matching', `/api/offers/${pageId(id)}`);
    if (offer.status !== 'pending') return res.redirect(303, `/partner/offers/${offer.id}`);
    res.render('pages/partner/offer-decline.njk', {
      title: 'Decline this offer',
      offer: this.described(offer, new Date()),
      reasons: choicesOf('declineReason'),
    });
  }

  @Post(':id/decline')
  async decline(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const offerId = pageId(id);
    const reasonCode = typeof body['reasonCode'] === 'string' ? body['reasonCode'] : '';
    try {
      await this.api.post(user, 'partner-matching', `/api/offers/${offerId}/decline`, { body: { reasonCode } });
      flash(req, 'Offer declined', 'The referral goes to the next programme.');
      res.redirect(303, '/partner/offers');
    } catch (error) {
      const failure = explainFailure(error, DECLINE_LABELS, { fallbackId: 'reasonCode' });
      if (!failure) throw error;
      const offer = await this.api.get<OfferView>(user, 'partner-matching', `/api/offers/${offerId}`);
      const reasons = choicesOf('declineReason').map((choice) => ({ ...choice, checked: choice.value === reasonCode }));
      const errors = askForMissing(failure.errors, 'reasonCode', reasonCode, 'Select why you decline this offer');
      res.status(failure.status).render('pages/partner/offer-decline.njk', {
        title: 'Decline this offer',
        offer: this.described(offer, new Date()),
        reasons,
        errors,
      });
    }
  }

  private described(offer: OfferView, now: Date) {
    return {
      ...offer,
      deadline: offerDeadline(offer.expiresAt, now),
      languageNames: offer.languages.map(languageName),
    };
  }
}
