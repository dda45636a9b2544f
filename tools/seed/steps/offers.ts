/** A partner's answer to an offer (partner-matching). Offers name nobody; the referral id ties them to the case. */
import { tokenOf, type SeedContext, type SeededPartner } from '../context';
import { describe } from '../http';
import { waitFor } from '../poll';

export interface OfferView {
  id: string;
  referralId: string;
  status: string;
}

/** The partner's pending offer for the referral, once matching has made it. */
export async function waitForPendingOffer(
  ctx: SeedContext,
  partner: SeededPartner,
  referralId: string,
): Promise<OfferView> {
  const token = await tokenOf(ctx, partner.admin);
  return waitFor(`an offer of ${referralId} to ${partner.name}`, async (note) => {
    let cursor: string | null = null;
    do {
      const page: OfferPage = await pendingOffersPage(ctx, token, cursor);
      note(page.seen);
      const offer = page.items.find((item) => item.referralId === referralId);
      if (offer) return offer;
      cursor = page.nextCursor;
    } while (cursor);
    return undefined;
  });
}

interface OfferPage {
  seen: string;
  items: OfferView[];
  nextCursor: string | null;
}

async function pendingOffersPage(ctx: SeedContext, token: string, cursor: string | null): Promise<OfferPage> {
  const query = `/api/offers?status=pending&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const answer = await ctx.api.call<{ items: OfferView[]; nextCursor: string | null }>(
    'partner-matching',
    'GET',
    query,
    { token },
  );
  if (answer.status !== 200) return { seen: describe(answer), items: [], nextCursor: null };
  return {
    seen: describe(answer, `${answer.body.items.length} pending offers on the page`),
    items: answer.body.items,
    nextCursor: answer.body.nextCursor,
  };
}

export async function acceptOffer(ctx: SeedContext, partner: SeededPartner, offer: OfferView): Promise<void> {
  await ctx.api.expect('accept the offer', 200, 'partner-matching', 'POST', `/api/offers/${offer.id}/accept`, {
    token: await tokenOf(ctx, partner.admin),
  });
}

export async function declineOffer(
  ctx: SeedContext,
  partner: SeededPartner,
  offer: OfferView,
  reasonCode: 'no_capacity' | 'no_specialist' | 'conflict' | 'outside_scope' | 'other',
): Promise<void> {
  await ctx.api.expect('decline the offer', 200, 'partner-matching', 'POST', `/api/offers/${offer.id}/decline`, {
    token: await tokenOf(ctx, partner.admin),
    body: { reasonCode },
  });
}
