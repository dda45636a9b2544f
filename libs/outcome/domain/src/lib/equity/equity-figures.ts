import { dateOfInstant } from '../calendar-date';
import {
  childPeriods,
  formatPeriod,
  periodBounds,
  periodOfDate,
  type CalendarPeriod,
} from '../disclosure/calendar-periods';
import { suppressLinkedCells, type Equation } from '../disclosure/linked-cells';
import { INTERNAL_MINIMUM } from '../disclosure/thresholds';
import { EQUITY_DIMENSIONS } from './equity-dimensions';
import { EQUITY_STAGES, type EquityStage, type PersonFacts } from './equity-facts';

/** Counts per stage; null where withheld. */
export type StageCounts = Record<EquityStage, number | null>;

export interface EquityRow {
  value: string;
  counts: StageCounts;
}

export interface EquityTable {
  dimension: string;
  title: string;
  rows: EquityRow[];
}

export interface EquityFigures {
  period: string;
  unit: 'person';
  minimum: number;
  stages: readonly EquityStage[];
  total: StageCounts;
  tables: EquityTable[];
}

const TOTAL = '*';
const cellId = (period: string, dimension: string, value: string, stage: string) =>
  value === TOTAL ? `${period}|${TOTAL}|${stage}` : `${period}|${dimension}|${value}|${stage}`;

/**
 * The year of a period and every quarter and month in it that has begun by `today`: the
 * periods one can subtract from each other. Periods still to come hold no one, as everybody
 * knows, so they are left out of the sums rather than withheld as zeros.
 */
export function equityPeriodFamily(period: CalendarPeriod, today: string): CalendarPeriod[] {
  const year: CalendarPeriod = { kind: 'year', year: period.year, index: 0 };
  const quarters = childPeriods(year);
  return [year, ...quarters, ...quarters.flatMap(childPeriods)].filter(
    (p) => periodBounds(p).from <= today || samePeriod(p, period),
  );
}

const samePeriod = (a: CalendarPeriod, b: CalendarPeriod) => formatPeriod(a) === formatPeriod(b);

/**
 * Equity of access for one fixed calendar period: how many people reached each stage, by each
 * attribute on its own. Every cell is computed for the whole year around the period (its
 * quarters and months too) and suppressed together — rows against their total, months against
 * their quarter, quarters against their year — so that no two answers for periods of the same
 * year can be subtracted to a withheld cell. The rows of each attribute are the values seen in
 * that year, so a period's table does not reveal by a missing row that a value had no one.
 */
export function computeEquityFigures(
  people: readonly PersonFacts[],
  period: CalendarPeriod,
  today: string,
  minimum = INTERNAL_MINIMUM,
): EquityFigures {
  const familyPeriods = equityPeriodFamily(period, today);
  const family = familyPeriods.map(formatPeriod);
  const requested = formatPeriod(period);
  people = people.filter((person) => dateOfInstant(person.submittedAt).startsWith(`${period.year}-`));
  const seen = new Map(EQUITY_DIMENSIONS.map((d) => [d.id, [...new Set(people.map(d.valueOf))].sort()]));
  const valuesOf = (dimension: string): string[] => seen.get(dimension) ?? [];

  const values = new Map<string, number>();
  for (const name of family)
    for (const dimension of EQUITY_DIMENSIONS)
      for (const value of [TOTAL, ...valuesOf(dimension.id)])
        for (const stage of EQUITY_STAGES) values.set(cellId(name, dimension.id, value, stage), 0);
  for (const person of people) {
    const date = dateOfInstant(person.submittedAt);
    const periods = (['year', 'quarter', 'month'] as const).map((kind) => formatPeriod(periodOfDate(date, kind)));
    for (const name of periods.filter((p) => family.includes(p)))
      for (const stage of EQUITY_STAGES) {
        if (!person.reached[stage]) continue;
        const bump = (id: string) => values.set(id, (values.get(id) ?? 0) + 1);
        bump(cellId(name, '', TOTAL, stage));
        for (const dimension of EQUITY_DIMENSIONS) bump(cellId(name, dimension.id, dimension.valueOf(person), stage));
      }
  }

  const equations: Equation[] = [];
  for (const dimension of EQUITY_DIMENSIONS) {
    const rows = valuesOf(dimension.id);
    for (const stage of EQUITY_STAGES) {
      for (const name of family)
        equations.push({
          total: cellId(name, dimension.id, TOTAL, stage),
          parts: rows.map((v) => cellId(name, dimension.id, v, stage)),
        });
      for (const value of [TOTAL, ...rows]) {
        for (const parent of familyPeriods) {
          const children = childPeriods(parent)
            .map(formatPeriod)
            .filter((child) => family.includes(child));
          const cell = (p: string) => cellId(p, dimension.id, value, stage);
          if (children.length) equations.push({ total: cell(formatPeriod(parent)), parts: children.map(cell) });
        }
      }
    }
  }
  const withheld = new Set([...values.entries()].filter(([, n]) => n < minimum).map(([id]) => id));
  const hidden = suppressLinkedCells({ values, equations, withheld, minimum });

  const countsOf = (dimension: string, value: string): StageCounts =>
    Object.fromEntries(
      EQUITY_STAGES.map((stage) => {
        const id = cellId(requested, dimension, value, stage);
        return [stage, hidden.has(id) ? null : (values.get(id) ?? 0)];
      }),
    ) as StageCounts;
  return {
    period: requested,
    unit: 'person',
    minimum,
    stages: EQUITY_STAGES,
    total: countsOf('', TOTAL),
    tables: EQUITY_DIMENSIONS.map((d) => ({
      dimension: d.id,
      title: d.title,
      rows: valuesOf(d.id).map((value) => ({ value, counts: countsOf(d.id, value) })),
    })),
  };
}
