import { csvField } from '@rj/shared/contracts';
import { IMPORT_COLUMNS } from '../referrals/imports/referral-csv-columns';
import { referralBody } from './referral-body';

/** The import header: every documented column, in the documented order. */
export const IMPORT_HEADER = IMPORT_COLUMNS.map((c) => c.name);

function cellOf(body: Record<string, unknown>, path: string): string {
  const value = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.length ? value.join(';') : 'none';
  return String(value);
}

/** One CSV row of a referral body (as referralBody makes them), cells changed by `cells`. */
export function csvRowOf(
  body: ReturnType<typeof referralBody>,
  cells: Record<string, string> = {},
): Record<string, string> {
  return Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.name, cells[c.name] ?? cellOf(body, c.path)]));
}

export function csvOf(rows: Record<string, string>[], header: string[] = IMPORT_HEADER): string {
  return (
    [header, ...rows.map((row) => header.map((name) => row[name] ?? ''))]
      .map((cells) => cells.map((cell) => csvField(cell)).join(','))
      .join('\r\n') + '\r\n'
  );
}
