import { isFigure, type CountFigure, type Figure } from './figures';

/**
 * Small-count suppression (product.md, Outcome figures; R13: figures for research and
 * monitoring must not make anyone identifiable). A count below the threshold, and a rate,
 * median or total resting on fewer than threshold cases, is replaced by null with
 * `suppressed: true`. Zero counts are suppressed too: "none" is as revealing as "one" next to
 * a published total.
 *
 * Complementary suppression: in a breakdown (counts keyed by status, source or reason) whose
 * cells add up to a total published elsewhere, one suppressed cell could be recovered by
 * subtraction, so the smallest remaining cell is suppressed as well.
 */
/** Counts under 5 are withheld unless a programme sets another threshold. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export function suppressSmallCounts<T>(figures: T, threshold: number): T {
  return walk(figures, threshold) as T;
}

function base(figure: Figure): number | null {
  switch (figure.kind) {
    case 'count':
      return figure.value;
    case 'rate':
      return figure.denominator;
    default:
      return figure.n;
  }
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

function suppressFigure(figure: Figure, threshold: number): Figure {
  if (figure.suppressed) return figure;
  const n = base(figure);
  if (n === null || n < threshold) return suppress(figure);
  return figure;
}

function isBreakdown(value: object): value is Record<string, CountFigure> {
  const cells = Object.values(value);
  return cells.length > 1 && cells.every((cell) => isFigure(cell) && cell.kind === 'count');
}

function suppressBreakdown(cells: Record<string, CountFigure>, threshold: number): Record<string, CountFigure> {
  const result = Object.fromEntries(Object.entries(cells).map(([key, cell]) => [key, suppressFigure(cell, threshold) as CountFigure]));
  const hidden = Object.values(result).filter((cell) => cell.suppressed).length;
  if (hidden === 1) {
    const smallest = Object.entries(result)
      .filter(([key]) => !result[key].suppressed)
      .sort(([, a], [, b]) => (a.value ?? 0) - (b.value ?? 0))[0];
    if (smallest) result[smallest[0]] = suppress(smallest[1]) as CountFigure;
  }
  return result;
}

function walk(value: unknown, threshold: number): unknown {
  if (Array.isArray(value)) return value.map((item) => walk(item, threshold));
  if (value === null || typeof value !== 'object') return value;
  if (isFigure(value)) return suppressFigure(value, threshold);
  if (isBreakdown(value)) return suppressBreakdown(value, threshold);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, threshold)]));
}
