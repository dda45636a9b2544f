import { rateMayBeShown } from '../disclosure/cell-rules';
import { rowEquation, suppressLinkedCells } from '../disclosure/linked-cells';
import { isFigure, type CountFigure, type Figure } from './figures';

/**
 * Small-count suppression of `GET /api/metrics` (product.md, Outcome figures; R13: figures for
 * research and monitoring must not make anyone identifiable), with the disclosure rules the
 * equity and transparency figures use (libs/outcome/domain/src/lib/disclosure):
 *
 * - a count below the threshold is replaced by null with `suppressed: true`, zero included:
 *   "none" is as revealing as "one" next to a published total;
 * - a rate is shown only when both its count and its complement reach the threshold
 *   (`rateMayBeShown`): 9 of 10 names the one who did not as surely as a count of 1 would;
 * - a median or total resting on fewer than threshold cases is withheld;
 * - complementary suppression in a breakdown (counts keyed by status, source or reason): its
 *   cells add up to a total a reader can know (referrals by status and by source share one),
 *   so `suppressLinkedCells` withholds further cells, smallest first, until no withheld cell
 *   can be recovered by subtraction and the withheld cells together reach the threshold.
 */
/** Counts under 5 are withheld unless a programme sets another threshold. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export function suppressSmallCounts<T>(figures: T, threshold: number): T {
  return walk(figures, threshold) as T;
}

function suppress(figure: Figure): Figure {
  switch (figure.kind) {
    case 'count':
      return { kind: 'count', value: null, suppressed: true };
    case 'rate':
      return { kind: 'rate', numerator: null, denominator: null, value: null, suppressed: true };
    case 'median':
      return { kind: 'median', n: null, value: null, suppressed: true };
    case 'total':
      return { kind: 'total', n: null, value: null, suppressed: true };
  }
}

/** Whether one figure, on its own, may be shown. */
export function figureMayBeShown(figure: Figure, threshold: number): boolean {
  if (figure.suppressed) return false;
  switch (figure.kind) {
    case 'count':
      return figure.value !== null && figure.value >= threshold;
    case 'rate':
      return (
        figure.numerator !== null &&
        figure.denominator !== null &&
        rateMayBeShown(figure.numerator, figure.denominator, threshold)
      );
    default:
      return figure.n !== null && figure.n >= threshold;
  }
}

function suppressFigure(figure: Figure, threshold: number): Figure {
  if (figure.suppressed) return figure;
  return figureMayBeShown(figure, threshold) ? figure : suppress(figure);
}

function isBreakdown(value: object): value is Record<string, CountFigure> {
  const cells = Object.values(value);
  return cells.length > 1 && cells.every((cell) => isFigure(cell) && cell.kind === 'count');
}

/** The cell standing for a breakdown's total; no code of a status, source or reason looks like it. */
const TOTAL = '*total';

/**
 * The cells of a breakdown to withhold. The total is taken as known (it is, from the other
 * breakdown of the same referrals or by adding the cells up), so it is never the cell withheld.
 */
export function breakdownCellsToWithhold(cells: Readonly<Record<string, number>>, threshold: number): Set<string> {
  const values = new Map(Object.entries(cells));
  values.set(
    TOTAL,
    [...values.values()].reduce((sum, n) => sum + n, 0),
  );
  const withheld = new Set(Object.keys(cells).filter((key) => cells[key] < threshold));
  const hidden = suppressLinkedCells({
    values,
    equations: [rowEquation(TOTAL, Object.keys(cells))],
    withheld,
    minimum: threshold,
    fixed: new Set([TOTAL]),
  });
  hidden.delete(TOTAL);
  return hidden;
}

function suppressBreakdown(cells: Record<string, CountFigure>, threshold: number): Record<string, CountFigure> {
  if (Object.values(cells).some((cell) => cell.suppressed || cell.value === null))
    return Object.fromEntries(
      Object.entries(cells).map(([key, cell]) => [key, suppressFigure(cell, threshold) as CountFigure]),
    );
  const hidden = breakdownCellsToWithhold(
    Object.fromEntries(Object.entries(cells).map(([key, cell]) => [key, cell.value as number])),
    threshold,
  );
  return Object.fromEntries(
    Object.entries(cells).map(([key, cell]) => [key, hidden.has(key) ? (suppress(cell) as CountFigure) : cell]),
  );
}

function walk(value: unknown, threshold: number): unknown {
  if (Array.isArray(value)) return value.map((item) => walk(item, threshold));
  if (value === null || typeof value !== 'object') return value;
  if (isFigure(value)) return suppressFigure(value, threshold);
  if (isBreakdown(value)) return suppressBreakdown(value, threshold);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, threshold)]));
}
