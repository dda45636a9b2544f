import type { ServiceApi } from '../platform/api-client';
import type { SessionUser } from '../platform/session-user';
import type { CaseOutcome } from './agreement.controller';
import type { CaseSummary } from './api-shapes';

/** How far ahead the mediator's home lists agreement terms falling due. */
export const TERMS_DUE_WITHIN_DAYS = 14;

export interface TermDue {
  caseId: string;
  openedAt: string;
  kind: string;
  dueBy: string;
  overdue: boolean;
}

export interface NoticeOwed {
  caseId: string;
  openedAt: string;
  count: number;
}

/**
 * What the mediator's agreements ask of them now: terms overdue or due within two weeks, and
 * people harmed still owed the outcome (no safe channel confirmed recently when it came: phone
 * them, or confirm their channels, which sends it). Read from outcome-tracking per case the
 * mediator declared for; a case without an agreement has nothing here.
 */
export async function watchAgreements(
  api: ServiceApi,
  user: SessionUser,
  cases: readonly CaseSummary[],
  today: string,
): Promise<{ termsDue: TermDue[]; noticesOwed: NoticeOwed[] }> {
  const horizon = addDays(today, TERMS_DUE_WITHIN_DAYS);
  const outcomes = await Promise.all(
    cases.map(async (summary) => ({
      summary,
      outcome: await api.getOptional<CaseOutcome>(user, 'outcome-tracking', `/api/cases/${summary.id}/outcome`),
    })),
  );
  const termsDue: TermDue[] = [];
  const noticesOwed: NoticeOwed[] = [];
  for (const { summary, outcome } of outcomes) {
    if (!outcome) continue;
    if (outcome.status === 'agreement') {
      for (const term of outcome.agreement?.terms ?? []) {
        if (term.status === 'fulfilled' || term.dueBy > horizon) continue;
        termsDue.push({
          caseId: summary.id,
          openedAt: summary.openedAt,
          kind: term.kind,
          dueBy: term.dueBy,
          overdue: term.status === 'overdue' || term.dueBy < today,
        });
      }
    }
    if (outcome.harmedPartyNoticesOwed)
      noticesOwed.push({ caseId: summary.id, openedAt: summary.openedAt, count: outcome.harmedPartyNoticesOwed });
  }
  termsDue.sort((a, b) => a.dueBy.localeCompare(b.dueBy));
  return { termsDue, noticesOwed };
}

function addDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
