import { codeList, listText, numberOrText, text, tickedAndOthers, yesNo } from '../forms/form-fields';
import type { PartnerView } from '../api-shapes';

/** The partner form as posted (and re-rendered after an error): every value as typed or ticked. */
export interface PartnerForm {
  name?: string;
  jurisdictions?: string;
  offenseCategories?: string[];
  offenseCategoriesOther?: string;
  languages?: string;
  servesMinors?: string;
  capacity?: string;
  responseHours?: string;
  specialties?: string[];
  specialtiesOther?: string;
  contactEmail?: string;
}

/** Each control's label, keyed by the control's id. */
export const PARTNER_LABELS: Record<string, string> = {
  name: 'Name',
  jurisdictions: 'Jurisdictions',
  offenseCategories: 'Offence categories',
  languages: 'Languages',
  servesMinors: 'Works with people under 18',
  capacity: 'Capacity',
  responseHours: 'Time to answer an offer',
  specialties: 'Specialist for',
  contactEmail: 'Contact e-mail address',
  active: 'Taking new cases',
};

/** The API's field paths → this form's controls (checkboxes link to their first box). */
export const PARTNER_CONTROLS: Record<string, string> = {
  'contact-email': 'contactEmail',
  contact: 'contactEmail',
};

export function partnerFormOf(partner: PartnerView): PartnerForm {
  return {
    name: partner.name,
    jurisdictions: listText(partner.jurisdictions),
    offenseCategories: [...partner.offenseCategories],
    languages: listText(partner.languages),
    servesMinors: partner.servesMinors ? 'yes' : 'no',
    capacity: String(partner.capacity),
    responseHours: String(partner.responseHours),
    specialties: [...partner.specialties],
    contactEmail: partner.contact?.email ?? '',
  };
}

/** Only the fields the form has, from a posted body that may carry anything. */
export function partnerFormFrom(body: Record<string, unknown>): PartnerForm {
  return {
    name: asText(body['name']),
    jurisdictions: asText(body['jurisdictions']),
    offenseCategories: asList(body['offenseCategories']),
    offenseCategoriesOther: asText(body['offenseCategoriesOther']),
    languages: asText(body['languages']),
    servesMinors: asText(body['servesMinors']),
    capacity: asText(body['capacity']),
    responseHours: asText(body['responseHours']),
    specialties: asList(body['specialties']),
    specialtiesOther: asText(body['specialtiesOther']),
    contactEmail: asText(body['contactEmail']),
  };
}

/**
 * `POST /api/partners`: the whole profile. Specialist status is the administrator's to
 * decide, so `specialties` is always sent from here. An empty contact address is left out.
 */
export function newPartnerBody(form: PartnerForm): Record<string, unknown> {
  const contact = text(form.contactEmail);
  return { ...profileOf(form), ...(contact !== undefined && { contact: { email: contact } }) };
}

/**
 * `PATCH /api/partners/{id}`: every field the form shows, so what it shows is what is saved;
 * an emptied contact address removes it (`contact: null`). Whether the partner takes new cases
 * is changed by its own pages (deactivate, reactivate), never by this form.
 */
export function partnerChangesBody(form: PartnerForm): Record<string, unknown> {
  const contact = text(form.contactEmail);
  return { ...profileOf(form), contact: contact === undefined ? null : { email: contact } };
}

function profileOf(form: PartnerForm): Record<string, unknown> {
  return {
    name: text(form.name) ?? '',
    jurisdictions: codeList(form.jurisdictions),
    offenseCategories: tickedAndOthers(form.offenseCategories, form.offenseCategoriesOther),
    languages: codeList(form.languages),
    // Sent even when unanswered, so the service names the missing answer instead of keeping the old one.
    servesMinors: yesNo(form.servesMinors) ?? '',
    capacity: numberOrText(form.capacity) ?? '',
    responseHours: numberOrText(form.responseHours) ?? '',
    specialties: tickedAndOthers(form.specialties, form.specialtiesOther),
  };
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function asList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((one): one is string => typeof one === 'string');
}
