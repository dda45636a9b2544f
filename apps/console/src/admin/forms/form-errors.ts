import { describeCode } from '../../messages/describe';
import type { FieldError } from '../../platform/api-client';

export interface ErrorSummaryItem {
  href: string;
  text: string;
}

/** What a template needs to show a refused form: the summary's links and each control's message. */
export interface FormErrors {
  summary: ErrorSummaryItem[];
  byField: Record<string, string>;
}

/**
 * The id of the control an API error is about: `contact.email` → `contact-email`,
 * `jurisdictions[2]` → `jurisdictions` (a list is one control here). `controls` maps a field
 * to another control when the form shows it differently (checkboxes link to the first box).
 */
export function controlIdOf(apiField: string, controls: Record<string, string> = {}): string {
  const path = apiField.replace(/\[\d+\]/g, '').replace(/\.\d+(?=\.|$)/g, '');
  const id = path.split('.').filter(Boolean).join('-') || 'form';
  return controls[id] ?? id;
}

/**
 * Turns the service's `errors[]` into the GOV.UK error summary and inline messages, each
 * message starting with the field's label so it reads on its own in the summary. A refusal
 * without field errors (a rule, 409) becomes one summary line linking to `fallbackId`.
 */
export function formErrors(
  errors: FieldError[] | undefined,
  labels: Record<string, string>,
  options: { detail?: string; fallbackId: string; controls?: Record<string, string> },
): FormErrors {
  const byField: Record<string, string> = {};
  const summary: ErrorSummaryItem[] = [];
  for (const error of errors ?? []) {
    const id = controlIdOf(error.field, options.controls);
    const label = labels[id] ?? labels[error.field] ?? words(error.field);
    const text = `${label} ${plainMessage(error.message)}`;
    if (byField[id]) continue;
    byField[id] = text;
    summary.push({ href: `#${id}`, text });
  }
  if (summary.length === 0)
    summary.push({
      href: `#${options.fallbackId}`,
      text: sentence(options.detail ?? 'The service refused this change.'),
    });
  return { summary, byField };
}

/** The summary for a service that could not answer: nothing was saved, the form keeps everything. */
export function unavailableErrors(correlationId: string, fallbackId: string): FormErrors {
  return {
    summary: [
      {
        href: `#${fallbackId}`,
        text: `This could not be saved because the service did not answer. Nothing you entered is lost: try again. If it happens again, give support the reference ${correlationId}.`,
      },
    ],
    byField: {},
  };
}

// The validation library's wording, said plainly. Anything else is the service's own sentence.
const PLAIN: [RegExp, string | ((...groups: string[]) => string)][] = [
  [/^must be one of the following values: /, 'needs one of the choices offered'],
  [/^must be a boolean value$/, 'needs a yes or no answer'],
  [/^must be an integer number$/, 'must be a whole number'],
  [/^must be a number conforming to the specified constraints$/, 'must be a number'],
  [/^must be a positive number$/, 'must be more than 0'],
  [/^must be longer than or equal to 1 characters?$/, 'must not be empty'],
  [/^must be a string$/, 'must be filled in'],
  [/^should not be empty$/, 'must not be empty'],
  [/^must be an email$/, 'must be an e-mail address, like name@example.org'],
  [/^must contain at least 1 elements?$/, 'needs at least one'],
  [/^must not be greater than (\S+)$/, (limit) => `must be ${limit} or less`],
  [/^must not be less than (\S+)$/, (limit) => `must be ${limit} or more`],
  [/^must be shorter than or equal to (\d+) characters$/, (limit) => `must be ${limit} characters or fewer`],
  [/^must contain no more than (\d+) elements$/, (limit) => `can have at most ${limit}`],
  [/^All \S+'s elements must be unique$/, 'lists one thing twice'],
  [/^must be a code, not free text$/, 'must be codes: letters, digits, dashes and underscores, without spaces'],
  [
    /^"([^"]+)" is also excluded$/,
    (code) =>
      `includes ${describeCode('offenseCategory', code).toLowerCase()}, which is also excluded: choose one or the other`,
  ],
  [/^must be a language tag like "nl" or "pt-BR"$/, 'must be language codes, like nl, en or pt-BR'],
];

/** A validation message in plain words; the service's own sentences pass unchanged. */
export function plainMessage(message: string): string {
  for (const [pattern, plain] of PLAIN) {
    const match = pattern.exec(message);
    if (match) return typeof plain === 'string' ? plain : plain(...match.slice(1));
  }
  return message;
}

/** `responseHours` → `Response hours`, for a field the form has no label for. */
function words(path: string): string {
  const spaced = path
    .replace(/[.[\]]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function sentence(value: string): string {
  const trimmed = value.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
