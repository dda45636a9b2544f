import { addHours } from '../terms/hours';
import type { CommunityServiceTerm, RestitutionTerm, Term } from '../terms/term';
import { addMoney, type Money } from '../money';
import { total, type TotalFigure } from './figures';
import { defineMetric } from './metric-definition';
import type { ScopedFacts } from './metric-filter';

function termsOf<K extends Term['kind']>(scope: ScopedFacts, kind: K): Extract<Term, { kind: K }>[][] {
  return scope.referrals
    .map((referral) =>
      (referral.case?.agreement?.terms ?? []).filter((term): term is Extract<Term, { kind: K }> => term.kind === kind),
    )
    .filter((terms) => terms.length > 0);
}

/** Sums per currency; `n` counts agreements, the unit small-count suppression protects. */
function moneyByCurrency(
  scope: ScopedFacts,
  pick: (term: RestitutionTerm) => Money,
): Record<string, TotalFigure<string>> {
  const sums = new Map<string, { sum: Money; agreements: number }>();
  for (const terms of termsOf(scope, 'restitution')) {
    const seen = new Set<string>();
    for (const term of terms) {
      const money = pick(term);
      const entry = sums.get(money.currency) ?? { sum: { amount: '0', currency: money.currency }, agreements: 0 };
      entry.sum = addMoney(entry.sum, money);
      if (!seen.has(money.currency)) entry.agreements += 1;
      seen.add(money.currency);
      sums.set(money.currency, entry);
    }
  }
  return Object.fromEntries(
    [...sums.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, { sum, agreements }]) => [currency, total(sum.amount, agreements)]),
  );
}

function hours(scope: ScopedFacts, pick: (term: CommunityServiceTerm) => number): TotalFigure<number> {
  const agreements = termsOf(scope, 'community_service');
  return total(
    agreements.flat().reduce((sum, term) => addHours(sum, pick(term)), 0),
    agreements.length,
  );
}

export const restitutionAgreed = defineMetric({
  id: 'restitutionAgreed',
  title: 'Restitution agreed',
  definition:
    'Sum of the amounts of restitution terms in agreements recorded, per currency (as amended; never converted between currencies).',
  compute: (scope) => moneyByCurrency(scope, (term) => term.amount),
});

export const restitutionPaid = defineMetric({
  id: 'restitutionPaid',
  title: 'Restitution paid',
  definition: 'Sum of the payments recorded against restitution terms, per currency, whatever the state of the case.',
  compute: (scope) => moneyByCurrency(scope, (term) => term.paid),
});

export const communityServiceHoursAgreed = defineMetric({
  id: 'communityServiceHoursAgreed',
  title: 'Community service hours agreed',
  definition: 'Sum of the hours of community service terms in agreements recorded (as amended).',
  compute: (scope) => hours(scope, (term) => term.hours),
});

export const communityServiceHoursDone = defineMetric({
  id: 'communityServiceHoursDone',
  title: 'Community service hours done',
  definition: 'Sum of the hours recorded as done against community service terms, whatever the state of the case.',
  compute: (scope) => hours(scope, (term) => term.hoursDone),
});
