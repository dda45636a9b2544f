/**
 * The shapes a figure takes. Each carries its kind so small-count suppression can walk any
 * figures tree without knowing the metric, and each keeps the count it rests on (`n`,
 * `denominator`) so suppression can judge whether a person could be singled out.
 */
export interface CountFigure {
  kind: 'count';
  value: number | null;
  suppressed?: true;
}

export interface RateFigure {
  kind: 'rate';
  numerator: number | null;
  denominator: number | null;
  /** numerator / denominator, rounded to 4 decimals; null when the denominator is 0. */
  value: number | null;
  suppressed?: true;
}

export interface MedianFigure {
  kind: 'median';
  /** How many observations the median is taken over. */
  n: number | null;
  value: number | null;
  suppressed?: true;
}

/** A total (money as a decimal string, hours as a number) with the number of agreements behind it. */
export interface TotalFigure<T extends string | number = string | number> {
  kind: 'total';
  n: number | null;
  value: T | null;
  suppressed?: true;
}

export type Figure = CountFigure | RateFigure | MedianFigure | TotalFigure;

export function count(value: number): CountFigure {
  return { kind: 'count', value };
}

export function rate(numerator: number, denominator: number): RateFigure {
  const value = denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
  return { kind: 'rate', numerator, denominator, value };
}

/** The middle value; for an even count, the mean of the two middle ones. */
export function median(values: readonly number[], decimals = 1): MedianFigure {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0
    ? medianOfMiddles(0, null, null, decimals)
    : medianOfMiddles(sorted.length, sorted[(sorted.length - 1) >> 1], sorted[mid], decimals);
}

/**
 * The median of n sorted values from their two middle ones (the same value when n is odd), for
 * a database that sorted them: the 1-based positions floor((n + 1) / 2) and floor(n / 2) + 1.
 */
export function medianOfMiddles(
  n: number,
  lowerMiddle: number | null,
  upperMiddle: number | null,
  decimals = 1,
): MedianFigure {
  if (n === 0 || lowerMiddle === null || upperMiddle === null) return { kind: 'median', n, value: null };
  const raw = (lowerMiddle + upperMiddle) / 2; // exactly the value itself when both are one value
  const factor = 10 ** decimals;
  return { kind: 'median', n, value: Math.round(raw * factor) / factor };
}

export function total<T extends string | number>(value: T, n: number): TotalFigure<T> {
  return { kind: 'total', n, value };
}

/** Counts keyed by a code (status, source, reason), in a stable key order. */
export function countBy<T>(
  items: readonly T[],
  key: (item: T) => string | null | undefined,
): Record<string, CountFigure> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const code = key(item);
    if (code != null) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return Object.fromEntries(
    [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, n]) => [code, count(n)]),
  );
}

export function isFigure(value: unknown): value is Figure {
  const kind = (value as Figure | null)?.kind;
  return kind === 'count' || kind === 'rate' || kind === 'median' || kind === 'total';
}
