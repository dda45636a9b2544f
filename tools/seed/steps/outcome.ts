/** The agreement and its terms (outcome-tracking), once the case was concluded with an agreement. */
import { tokenOf, type SeedContext } from '../context';
import { describe } from '../http';
import { waitFor } from '../poll';
import type { OpenCase } from './case';

export type Money = { amount: string; currency: string };

export type TermInput =
  | { kind: 'restitution'; dueBy: string; amount: Money; instalments?: number; recipient: 'harmed' | 'other' }
  | { kind: 'community_service'; dueBy: string; hours: number }
  | { kind: 'apology_letter' | 'programme' | 'other'; dueBy: string; description?: string };

export interface Agreement {
  id: string;
  terms: { id: string; kind: string; status: string }[];
}

interface CaseOutcome {
  status: string;
  agreement: Agreement | null;
}

/** Waits until outcome-tracking knows the case concluded with an agreement, then records its terms with every party's consent. */
export async function recordAgreement(ctx: SeedContext, open: OpenCase, terms: TermInput[]): Promise<Agreement> {
  const token = await tokenOf(ctx, open.mediator.claims);
  await waitFor(`case ${open.caseId} awaiting its agreement`, async (note) => {
    const answer = await ctx.api.call<CaseOutcome>('outcome-tracking', 'GET', `/api/cases/${open.caseId}/outcome`, {
      token,
    });
    note(describe(answer, `status ${answer.body?.status}`));
    return answer.status === 200 && answer.body.status === 'awaiting_agreement' ? true : undefined;
  });
  const recorded = await ctx.api.expect<{ agreement: Agreement }>(
    'record the agreement',
    201,
    'outcome-tracking',
    'POST',
    `/api/cases/${open.caseId}/agreement`,
    {
      token,
      body: { terms, consentedBy: [open.harmedId, open.responsibleId] },
    },
  );
  return recorded.agreement;
}

export async function recordProgress(
  ctx: SeedContext,
  open: OpenCase,
  agreement: Agreement,
  termIndex: number,
  progress: { amount?: Money; hours?: number; done?: boolean },
): Promise<void> {
  const term = agreement.terms[termIndex];
  await ctx.api.expect(
    `record progress on the ${term.kind.replace('_', ' ')}`,
    [200, 201],
    'outcome-tracking',
    'POST',
    `/api/agreements/${agreement.id}/terms/${term.id}/progress`,
    {
      token: await tokenOf(ctx, open.mediator.claims),
      body: progress,
    },
  );
}

/** Closes a case whose terms were not kept: the referral returns as agreement_not_completed. */
export async function closeUnfulfilled(ctx: SeedContext, open: OpenCase): Promise<void> {
  await ctx.api.expect(
    'close the case as not completed',
    200,
    'outcome-tracking',
    'POST',
    `/api/cases/${open.caseId}/close`,
    {
      token: await tokenOf(ctx, open.mediator.claims),
      body: { reasonCode: 'agreement_not_completed' },
    },
  );
}

const DAY_MS = 86_400_000;
/** A due date `days` after the run started. */
export const dueIn = (ctx: SeedContext, days: number) =>
  new Date(ctx.startedAt.getTime() + days * DAY_MS).toISOString().slice(0, 10);
export const eur = (amount: string): Money => ({ amount, currency: 'EUR' });
