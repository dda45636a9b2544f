export interface FiguresFilters {
  jurisdiction?: string;
  partnerId?: string;
  from?: string;
  to?: string;
}

const PATTERNS: Record<keyof FiguresFilters, { pattern: RegExp; problem: string; label: string }> = {
  jurisdiction: {
    pattern: /^[A-Za-z0-9_.-]{1,50}$/,
    problem: 'Jurisdiction must be a jurisdiction’s code, like NL-NH',
    label: 'Jurisdiction',
  },
  partnerId: {
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    problem: 'Programme must be a programme’s id',
    label: 'Programme',
  },
  from: { pattern: /^\d{4}-\d{2}-\d{2}$/, problem: 'From must be a date like 2026-01-01', label: 'From' },
  to: { pattern: /^\d{4}-\d{2}-\d{2}$/, problem: 'To must be a date like 2026-12-31', label: 'To' },
};

/** The figures' filters from the query string; a malformed one is reported and left out. */
export function readFiguresFilters(query: Record<string, unknown>): {
  filters: FiguresFilters;
  errors: { href: string; text: string }[];
} {
  const filters: FiguresFilters = {};
  const errors: { href: string; text: string }[] = [];
  for (const [name, rule] of Object.entries(PATTERNS) as [
    keyof FiguresFilters,
    (typeof PATTERNS)[keyof FiguresFilters],
  ][]) {
    const raw = query[name];
    if (typeof raw !== 'string' || !raw.trim()) continue;
    const value = raw.trim();
    if (rule.pattern.test(value)) filters[name] = value;
    else errors.push({ href: `#${name}`, text: rule.problem });
  }
  return { filters, errors };
}

export function figuresQueryString(filters: FiguresFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}
