/**
 * Shapes of posted form fields → API values. They convert only; every rule (a code's format, a
 * required field, a bound) stays with the service, whose `errors[]` the form shows.
 */

/** A posted form as Express's urlencoded parser gives it, before any of its fields is read. */
export type PostedForm = Record<string, unknown>;

/** What Express's urlencoded parser gives for a field: absent, one value, or several. */
export type Posted = string | string[] | undefined;

/** A text field, trimmed; undefined when empty. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** `NL-NH, NL-FL` or one per line → `['NL-NH', 'NL-FL']` (duplicates once, order kept). */
export function codeList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return unique(value.split(/[\s,;]+/).filter(Boolean));
}

/** The other way: a list as it is shown in a text box. */
export function listText(codes: readonly string[] | undefined): string {
  return (codes ?? []).join(', ');
}

/** Checkboxes: nothing ticked is absent, one is a string, several an array. */
export function ticked(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return unique(values.filter((one): one is string => typeof one === 'string' && one !== ''));
}

/** Checkboxes plus a text box for codes not offered as a checkbox. */
export function tickedAndOthers(checkboxes: unknown, others: unknown): string[] {
  return unique([...ticked(checkboxes), ...codeList(others)]);
}

/** Yes/no radios: undefined when neither was chosen (the service says it is required). */
export function yesNo(value: unknown): boolean | undefined {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return undefined;
}

/**
 * A number typed in a box. Something that is not a number is sent as typed, so the service
 * names the problem in its own words rather than the console guessing.
 */
export function numberOrText(value: unknown): number | string | undefined {
  const typed = text(value);
  if (typed === undefined) return undefined;
  const parsed = Number(typed.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : typed;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
