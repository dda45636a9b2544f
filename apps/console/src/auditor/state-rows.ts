import { humanise } from '../messages/describe';

export interface StateRow {
  label: string;
  then: string;
  now: string;
  changed: boolean;
}

const MAX_ROWS = 200;

/** A value as text: lists joined, nothing as a dash. */
function text(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** `case.statusHistory.0.eventId` → `Case › status history 1 › event id`: a path an auditor can read. */
function label(path: string[]): string {
  const words = (part: string) => humanise(part.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));
  return path
    .map((part, index) =>
      /^\d+$/.test(part) ? `${Number(part) + 1}` : index === 0 ? words(part) : words(part).toLowerCase(),
    )
    .join(' › ')
    .replace(/ › (\d+)/g, ' $1');
}

/** Every leaf of a state as path → value (arrays by position), in a stable order. */
export function flattenState(
  value: unknown,
  path: string[] = [],
  into = new Map<string, { path: string[]; value: unknown }>(),
): Map<string, { path: string[]; value: unknown }> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value as Record<string, unknown>);
    for (const [key, item] of entries) flattenState(item, [...path, key], into);
    if (!entries.length && path.length) into.set(path.join('.'), { path, value: undefined });
  } else if (path.length) {
    into.set(path.join('.'), { path, value });
  }
  return into;
}

/**
 * The case as it stood then beside the case now, field by field, marking what changed since.
 * Fields empty both then and now are left out; at most MAX_ROWS rows.
 */
export function compareStates(then: unknown, now: unknown): StateRow[] {
  const before = flattenState(then);
  const after = flattenState(now);
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys
    .map((key) => {
      const path = (after.get(key) ?? before.get(key))?.path ?? key.split('.');
      const thenText = text(before.get(key)?.value);
      const nowText = text(after.get(key)?.value);
      return { label: label(path), then: thenText, now: nowText, changed: thenText !== nowText };
    })
    .filter((row) => row.then !== '—' || row.now !== '—')
    .slice(0, MAX_ROWS);
}
