import { codeList, listText, text } from '../forms/form-fields';
import type { OfficeView } from '../api-shapes';

/** The office form as posted (and as re-rendered after an error): text, exactly as typed. */
export interface OfficeForm {
  name?: string;
  jurisdictions?: string;
  contactEmail?: string;
}

/** Each control's label, keyed by the control's id. */
export const OFFICE_LABELS: Record<string, string> = {
  name: 'Name',
  jurisdictions: 'Jurisdictions',
  contactEmail: 'Contact e-mail address',
};

/** The API's field paths → this form's controls. */
export const OFFICE_CONTROLS: Record<string, string> = { 'contact-email': 'contactEmail', contact: 'contactEmail' };

export function officeFormOf(office: OfficeView): OfficeForm {
  return {
    name: office.name,
    jurisdictions: listText(office.jurisdictions),
    contactEmail: office.contact?.email ?? '',
  };
}

/**
 * `POST /api/offices` and `PATCH /api/offices/{id}` take the same fields; the edit sends them
 * all, so what the form shows is what is saved. Empty fields are sent empty for the service to
 * name them.
 */
export function officeBody(form: OfficeForm): { name: string; jurisdictions: string[]; contact: { email: string } } {
  return {
    name: text(form.name) ?? '',
    jurisdictions: codeList(form.jurisdictions),
    contact: { email: text(form.contactEmail) ?? '' },
  };
}

/** Only the fields the form has, from a posted body that may carry anything. */
export function officeFormFrom(body: Record<string, unknown>): OfficeForm {
  return {
    name: asText(body['name']),
    jurisdictions: asText(body['jurisdictions']),
    contactEmail: asText(body['contactEmail']),
  };
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
