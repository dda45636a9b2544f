const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});
const DAY_MS = 86_400_000;

/** `2026-12-06` → `6 December 2026`; empty for nothing, the input itself if unreadable. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : DATE.format(date);
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2027-02-01` → `February 2027`. */
export function formatMonth(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : MONTH.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : DATE_TIME.format(date);
}

/** Lists show initials, not names: `Alex Q. Example` → `A. Q. E.`. */
export function initials(fullName: string | null | undefined): string {
  if (!fullName) return '—';
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part.charAt(0).toUpperCase()}.`)
    .join(' ');
}

/** A deadline in words, relative to `now`: `in 3 days`, `today`, `2 days ago`. */
export function relativeDeadline(value: string | null | undefined, now: Date): string {
  if (!value) return '';
  const due = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(due.getTime())) return value;
  const days = Math.round((startOfDay(due) - startOfDay(now)) / DAY_MS);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

function startOfDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

const LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** A language tag in words: `es` → `Spanish`, `pt-BR` → `Brazilian Portuguese`; the tag if unknown. */
export function languageName(tag: string | null | undefined): string {
  if (!tag) return '';
  try {
    return LANGUAGES.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
