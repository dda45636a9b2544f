/** A prosecutor's steps in referral-intake, and reading where a referral stands. */
import { tokenOf, type SeedContext, type SeededOffice } from '../context';
import { describe } from '../http';
import { waitFor } from '../poll';
import type { ReferralBody } from '../referrals';
import { SECOND_ADMIN, SEED_ADMIN, type TokenClaims } from '../tokens';

export interface SubmittedReferral {
  id: string;
  status: string;
  screening: { outcome: string; reasons: { rule: string; detail?: string }[] };
}

/** The screening's reasons as rule codes, for a log line ("protective_order, category_review"). */
export const reasonsOf = (referral: SubmittedReferral) =>
  referral.screening.reasons.map((reason) => reason.rule).join(', ') || 'no reasons given';

export interface ReferralView {
  id: string;
  status: string;
  partnerId?: string | null;
  caseId?: string | null;
}

export async function submitReferral(
  ctx: SeedContext,
  office: SeededOffice,
  body: ReferralBody,
): Promise<SubmittedReferral> {
  return ctx.api.expect<SubmittedReferral>(
    `submit ${body.caseNumber}`,
    [200, 201],
    'referral-intake',
    'POST',
    '/api/referrals',
    {
      token: await tokenOf(ctx, office.prosecutor),
      body,
      idempotencyKey: ctx.idempotencyKey(`referral-${body.caseNumber}`),
    },
  );
}

/** Polls the referral as its office sees it until `accept` holds (events from other services arrive later). */
export async function waitForReferral(
  ctx: SeedContext,
  office: SeededOffice,
  referralId: string,
  what: string,
  accept: (view: ReferralView) => boolean,
): Promise<ReferralView> {
  const token = await tokenOf(ctx, office.prosecutor);
  return waitFor(`referral ${referralId} ${what}`, async (note) => {
    const answer = await ctx.api.call<ReferralView>('referral-intake', 'GET', `/api/referrals/${referralId}`, {
      token,
    });
    note(describe(answer, `status ${answer.body?.status}`));
    return answer.status === 200 && accept(answer.body) ? answer.body : undefined;
  });
}

export const waitForStatus = (ctx: SeedContext, office: SeededOffice, referralId: string, status: string) =>
  waitForReferral(ctx, office, referralId, `to be ${status}`, (view) => view.status === status);

/** A person decides a screening sent to review, with a recorded reason. */
export async function review(
  ctx: SeedContext,
  reviewer: TokenClaims,
  referralId: string,
  decision: 'eligible' | 'ineligible',
  reason: string,
): Promise<void> {
  await ctx.api.expect('review the screening', 200, 'referral-intake', 'POST', `/api/referrals/${referralId}/review`, {
    token: await tokenOf(ctx, reviewer),
    body: { decision, reason },
  });
}

/**
 * An admin overrides an excluded category (the case then goes to specialists only). Where the
 * override of a domestic- or sexual-violence exclusion needs a second admin, intake answers
 * 202 with a pending request, and another admin approves it.
 */
export async function overrideExclusion(ctx: SeedContext, referralId: string, reason: string): Promise<void> {
  const answer = await ctx.api.expect<{ id: string; status: string }>(
    'override the exclusion',
    [200, 202],
    'referral-intake',
    'POST',
    `/api/referrals/${referralId}/review`,
    {
      token: await tokenOf(ctx, SEED_ADMIN),
      body: { decision: 'eligible', reason },
    },
  );
  if (answer.status !== 'pending') return;
  await ctx.api.expect(
    'approve the override as a second admin',
    200,
    'referral-intake',
    'POST',
    `/api/review-overrides/${answer.id}/approve`,
    { token: await tokenOf(ctx, SECOND_ADMIN) },
  );
}

export async function withdraw(
  ctx: SeedContext,
  office: SeededOffice,
  referralId: string,
  reasonCode: 'charges_dropped' | 'resolved_otherwise' | 'referred_in_error' | 'other',
): Promise<void> {
  await ctx.api.expect(
    'withdraw the referral',
    200,
    'referral-intake',
    'POST',
    `/api/referrals/${referralId}/withdraw`,
    { token: await tokenOf(ctx, office.prosecutor), body: { reasonCode } },
  );
}
