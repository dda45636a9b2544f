/** The agreement form's term rows, read into the service's body: shapes only, the service checks every rule. */
export const TERM_ROWS = 2;

export interface TermRow {
  kind: string;
  day: string;
  month: string;
  year: string;
  amount: string;
  currency: string;
  instalments: string;
  recipient: string;
  hours: string;
  description: string;
}

const text = (form: Record<string, unknown>, name: string) =>
  typeof form[name] === 'string' ? (form[name] as string).trim() : '';

export function readTermRows(form: Record<string, unknown>): TermRow[] {
  return Array.from({ length: TERM_ROWS }, (_, i) => ({
    kind: text(form, `terms-${i}-kind`),
    day: text(form, `terms-${i}-dueBy-day`),
    month: text(form, `terms-${i}-dueBy-month`),
    year: text(form, `terms-${i}-dueBy-year`),
    amount: text(form, `terms-${i}-amount`),
    currency: text(form, `terms-${i}-currency`).toUpperCase(),
    instalments: text(form, `terms-${i}-instalments`),
    recipient: text(form, `terms-${i}-recipient`),
    hours: text(form, `terms-${i}-hours`),
    description: text(form, `terms-${i}-description`),
  }));
}

const pad = (value: string) => value.padStart(2, '0');

/** The rows a mediator filled in (a row without a kind is left out), as the API's terms. */
export function termsOf(rows: TermRow[]): Record<string, unknown>[] {
  return rows
    .filter((row) => row.kind)
    .map((row) => ({
      kind: row.kind,
      dueBy: `${row.year}-${pad(row.month)}-${pad(row.day)}`,
      ...(row.kind === 'restitution'
        ? {
            amount: { amount: row.amount, currency: row.currency || 'EUR' },
            recipient: row.recipient || undefined,
            ...(row.instalments ? { instalments: Number(row.instalments) } : {}),
          }
        : {}),
      ...(row.kind === 'community_service' ? { hours: Number(row.hours) } : {}),
      ...(row.description ? { description: row.description } : {}),
    }));
}

/** What an amendment form holds: the new due date and figure, and who consented to the change. */
export interface AmendmentValues {
  day: string;
  month: string;
  year: string;
  amount: string;
  hours: string;
  consentedBy: string[];
}

export function readAmendment(form: Record<string, unknown>): AmendmentValues {
  const consented = form['consentedBy'];
  return {
    day: text(form, 'dueBy-day'),
    month: text(form, 'dueBy-month'),
    year: text(form, 'dueBy-year'),
    amount: text(form, 'amount'),
    hours: text(form, 'hours'),
    consentedBy: Array.isArray(consented) ? consented.map(String) : typeof consented === 'string' ? [consented] : [],
  };
}

export interface AmendedTerm {
  kind: string;
  dueBy: string;
  amount?: { amount: string; currency: string };
  hours?: number;
}

/**
 * The PATCH body for an amendment: only what changed from the term as it stands, with the
 * consent list. The service holds every rule (everyone's consent, not below what was already
 * paid or done); this says only what the form cannot send — nothing changed, or no consent.
 */
export function amendmentBody(
  values: AmendmentValues,
  term: AmendedTerm,
): { body?: Record<string, unknown>; error?: string; errorHref?: string } {
  const dueBy =
    values.day || values.month || values.year ? `${values.year}-${pad(values.month)}-${pad(values.day)}` : term.dueBy;
  const body: Record<string, unknown> = {};
  if (dueBy !== term.dueBy) body['dueBy'] = dueBy;
  if (term.kind === 'restitution' && term.amount && values.amount && values.amount !== term.amount.amount)
    body['amount'] = { amount: values.amount, currency: term.amount.currency };
  if (term.kind === 'community_service' && values.hours && Number(values.hours) !== term.hours)
    body['hours'] = Number(values.hours);
  if (!Object.keys(body).length)
    return { error: 'Change the due date or the amount agreed, or go back', errorHref: '#dueBy-day' };
  if (!values.consentedBy.length)
    return { error: 'Select everyone who consents to the change', errorHref: '#consentedBy' };
  return { body: { ...body, consentedBy: values.consentedBy } };
}
