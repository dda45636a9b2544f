import { codeList, listText, numberOrText, text } from '../../admin/forms/form-fields';
import type { OwnPartnerView } from '../api-shapes';

/**
 * The organisation's own profile form: only what its administrator keeps (capacity, languages,
 * whether it takes new offers, the time to answer, the contact address). Name, area, offence
 * categories, minors and specialist status are the platform administrator's to decide, so the
 * form never sends them: the service would refuse the whole change.
 */
export interface ProfileForm {
  capacity?: string;
  languages?: string;
  responseHours?: string;
  contactEmail?: string;
  /** `yes` takes new offers, `no` pauses them. */
  active?: string;
}

export const PROFILE_LABELS: Record<string, string> = {
  capacity: 'Capacity',
  languages: 'Languages',
  responseHours: 'Time to answer an offer',
  contactEmail: 'Contact e-mail address',
  active: 'Taking new offers',
};

export const PROFILE_CONTROLS: Record<string, string> = { 'contact-email': 'contactEmail', contact: 'contactEmail' };

export function profileFormOf(partner: OwnPartnerView): ProfileForm {
  return {
    capacity: String(partner.capacity),
    languages: listText(partner.languages),
    responseHours: String(partner.responseHours),
    contactEmail: partner.contact?.email ?? '',
    active: partner.active ? 'yes' : 'no',
  };
}

export function profileFormFrom(body: Record<string, unknown>): ProfileForm {
  const pick = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
  return {
    capacity: pick('capacity'),
    languages: pick('languages'),
    responseHours: pick('responseHours'),
    contactEmail: pick('contactEmail'),
    active: pick('active'),
  };
}

/**
 * `PATCH /api/partners/{id}`. `active` is sent only when the form offered the choice: a
 * partner a platform administrator deactivated cannot resume itself, so its form has no such
 * control and sends nothing about it.
 */
export function profileChangesBody(form: ProfileForm, mayChangeActive: boolean): Record<string, unknown> {
  const contact = text(form.contactEmail);
  return {
    capacity: numberOrText(form.capacity) ?? '',
    languages: codeList(form.languages),
    responseHours: numberOrText(form.responseHours) ?? '',
    contact: contact === undefined ? null : { email: contact },
    ...(mayChangeActive && (form.active === 'yes' || form.active === 'no') ? { active: form.active === 'yes' } : {}),
  };
}
