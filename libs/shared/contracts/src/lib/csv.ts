/**
 * One CSV cell, for every CSV the platform writes. Two concerns:
 *
 * - RFC 4180: a field holding a comma, a quote, CR or LF is quoted, quotes doubled.
 * - Formula injection: a spreadsheet opening the file runs a cell that starts with `=`, `+`,
 *   `-` or `@` as a formula (and some treat a leading tab or CR the same way). Ids such as a
 *   mediator's `sub` come from users, so such a cell gets a leading apostrophe: it reads as text
 *   and shows as it was. The apostrophe is part of the cell's text in the file; a reader that
 *   needs the raw value strips one leading `'` from cells that then start with one of those.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  // Numbers are written by us; a negative one is a number, not a formula.
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
