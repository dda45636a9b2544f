import { dateOfInstant } from '../calendar-date';
import { publicCount, rateFor } from '../disclosure/cell-rules';
import {
  childPeriods,
  formatPeriod,
  parsePeriod,
  periodBounds,
  type CalendarPeriod,
} from '../disclosure/calendar-periods';
import { suppressLinkedCells, type Equation } from '../disclosure/linked-cells';
import { moneyTotalMayBeShown } from '../disclosure/money-rules';
import { PUBLIC_MINIMUM, PUBLIC_ROUNDING_BASE } from '../disclosure/thresholds';
import { fromMinorUnits, toMinorUnits } from '../money';
import type { ReferralFacts } from '../metrics/facts';
import { agreedShare, type AnsweredSurvey } from '../feedback/feedback-results';
import { tooFewToPublish } from './publication-rules';

export const TRANSPARENCY_COUNTS = ['referred', 'tookPart', 'agreementReached', 'agreementCompleted'] as const;
export type TransparencyCount = (typeof TRANSPARENCY_COUNTS)[number];

/** The public report of one jurisdiction for one period: every figure already suppressed and rounded. */
export interface TransparencyReport {
  jurisdiction: string;
  period: string;
  minimum: number;
  roundedTo: number;
  /** True when the period had fewer referrals than the minimum: nothing else is said. */
  tooFew: boolean;
  counts: Record<TransparencyCount, number | null>;
  restitutionPaid: { currency: string; amount: string | null }[];
  reoffence: { months: number; rate: number | null }[];
  /**
   * Participants' satisfaction by role: the share who agreed they were satisfied with how the
   * process was run (first survey, item 9), among those who rated it; public rate rules.
   */
  satisfaction: { role: 'harmed' | 'responsible'; share: number | null }[];
}

/** Cells already published and frozen, by period: a count shown there is known to everyone. */
export type FrozenCounts = ReadonlyMap<string, Partial<Record<TransparencyCount, number | null>>>;

const inPeriod = (referral: ReferralFacts, period: CalendarPeriod) => {
  const { from, to } = periodBounds(period);
  const on = dateOfInstant(referral.submittedAt);
  return on >= from && on <= to;
};

/** Exact counts of one period (docs/metrics.md, Public transparency report). */
export function transparencyCounts(referrals: readonly ReferralFacts[]): Record<TransparencyCount, number> {
  return {
    referred: referrals.length,
    tookPart: referrals.filter((r) => r.case?.dialogueHeld === true).length,
    agreementReached: referrals.filter((r) => r.case?.concluded?.agreementReached === true).length,
    agreementCompleted: referrals.filter((r) => r.case?.agreement?.result === 'completed').length,
  };
}

/**
 * The report for `period` of one jurisdiction's referrals. Counts are suppressed on their
 * exact values together with the other periods of the year a reader can subtract them from —
 * a year against its quarters, where quarters are published — then rounded. Cells of reports
 * already published are frozen: never withheld now, and counted as known.
 */
export function computeTransparencyReport(input: {
  jurisdiction: string;
  period: string;
  referrals: readonly ReferralFacts[];
  quartersPublished: boolean;
  frozen?: FrozenCounts;
  /** Answers to the feedback surveys released in the period, in the jurisdiction. */
  feedback?: readonly AnsweredSurvey[];
}): TransparencyReport {
  const period = parsePeriod(input.period);
  if (!period || period.kind === 'month') throw new RangeError(`not a publishable period: ${input.period}`);
  const mine = input.referrals.filter((r) => r.jurisdiction === input.jurisdiction);
  const year: CalendarPeriod = { kind: 'year', year: period.year, index: 0 };
  const linked = input.quartersPublished ? [year, ...childPeriods(year)] : [period];
  const exact = new Map(linked.map((p) => [formatPeriod(p), transparencyCounts(mine.filter((r) => inPeriod(r, p)))]));
  const requested = exact.get(input.period) ?? transparencyCounts([]);
  const empty = {
    jurisdiction: input.jurisdiction,
    period: input.period,
    minimum: PUBLIC_MINIMUM,
    roundedTo: PUBLIC_ROUNDING_BASE,
  };
  if (tooFewToPublish(requested.referred)) {
    return {
      ...empty,
      tooFew: true,
      counts: { referred: null, tookPart: null, agreementReached: null, agreementCompleted: null },
      restitutionPaid: [],
      reoffence: [],
      satisfaction: [],
    };
  }

  const counts = Object.fromEntries(
    TRANSPARENCY_COUNTS.map((figure) => {
      const cell = (p: string) => `${p}|${figure}`;
      const values = new Map([...exact.entries()].map(([p, c]) => [cell(p), c[figure]]));
      const equations: Equation[] = input.quartersPublished
        ? [{ total: cell(formatPeriod(year)), parts: childPeriods(year).map((q) => cell(formatPeriod(q))) }]
        : [];
      const fixed = new Set(
        [...(input.frozen ?? new Map()).entries()]
          .filter(([, c]) => typeof c[figure] === 'number')
          .map(([p]) => cell(p)),
      );
      const frozenHidden = [...(input.frozen ?? new Map()).entries()]
        .filter(([, c]) => c[figure] === null)
        .map(([p]) => cell(p));
      const withheld = new Set([
        ...[...values.entries()].filter(([id, n]) => n < PUBLIC_MINIMUM && !fixed.has(id)).map(([id]) => id),
        ...frozenHidden,
      ]);
      const hidden = suppressLinkedCells({ values, equations, withheld, minimum: PUBLIC_MINIMUM, fixed });
      return [figure, hidden.has(cell(input.period)) ? null : publicCount(requested[figure])];
    }),
  ) as Record<TransparencyCount, number | null>;

  const inScope = mine.filter((r) => inPeriod(r, period));
  const answers = (input.feedback ?? []).filter((a) => a.survey === 'first');
  const satisfaction = (['harmed', 'responsible'] as const).map((role) => ({
    role,
    share: agreedShare(
      answers.filter((a) => a.role === role),
      'satisfied',
      'public',
    ),
  }));
  return {
    ...empty,
    tooFew: false,
    counts,
    restitutionPaid: restitutionPaid(inScope),
    reoffence: reoffence(inScope),
    satisfaction,
  };
}

/** Per currency, each agreement a contributor: at least 3, none over half (moneyTotalMayBeShown). */
function restitutionPaid(referrals: readonly ReferralFacts[]): { currency: string; amount: string | null }[] {
  const byCurrency = new Map<string, bigint[]>();
  for (const referral of referrals) {
    const paid = new Map<string, bigint>();
    for (const term of referral.case?.agreement?.terms ?? []) {
      if (term.kind !== 'restitution') continue;
      paid.set(
        term.paid.currency,
        (paid.get(term.paid.currency) ?? 0n) + toMinorUnits(term.paid.amount, term.paid.currency),
      );
    }
    for (const [currency, amount] of paid) byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), amount]);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, contributions]) => ({
      currency,
      amount: moneyTotalMayBeShown(contributions)
        ? fromMinorUnits(
            contributions.reduce((a, b) => a + b, 0n),
            currency,
          ).amount
        : null,
    }));
}

/** Re-offence at each follow-up offset: a rate only when those who did and those who did not both reach the minimum. */
function reoffence(referrals: readonly ReferralFacts[]): { months: number; rate: number | null }[] {
  const offsets = [...new Set(referrals.flatMap((r) => r.followUps.map((f) => f.offsetMonths)))].sort((a, b) => a - b);
  return offsets.map((months) => {
    const answered = referrals
      .flatMap((r) => r.followUps)
      .filter((f) => f.offsetMonths === months && f.reoffended !== null);
    return { months, rate: rateFor('public', answered.filter((f) => f.reoffended).length, answered.length) };
  });
}
