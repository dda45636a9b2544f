/**
 * The metric names a PromQL expression reads. Enough of PromQL for alert rules and dashboard
 * queries: strings, label matchers, range and subquery brackets, grouping clauses and function
 * calls are removed, and what is left that looks like an identifier and is not a keyword is a
 * metric name.
 */
const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'le',
  'inf',
  'nan',
]);

export function metricNamesOf(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\b[a-zA-Z_][a-zA-Z0-9_]*\s*\(/g, ' (');
  const names = new Set<string>();
  for (const [token] of stripped.matchAll(/(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    if (!KEYWORDS.has(token.toLowerCase())) names.add(token);
  }
  return [...names];
}

/** A histogram or summary named `x` is read as `x_bucket`, `x_sum` and `x_count` too. */
export function seriesNamesOf(metric: { name: string; type: string }): string[] {
  if (metric.type === 'histogram')
    return [metric.name, `${metric.name}_bucket`, `${metric.name}_sum`, `${metric.name}_count`];
  if (metric.type === 'summary') return [metric.name, `${metric.name}_sum`, `${metric.name}_count`];
  return [metric.name];
}
