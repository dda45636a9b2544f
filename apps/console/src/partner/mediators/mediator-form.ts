import { codeList, listText, text } from '../../admin/forms/form-fields';
import type { MediatorView } from '../api-shapes';

/** The mediator form as posted and re-rendered after an error: every value as typed. */
export interface MediatorForm {
  sub?: string;
  fullName?: string;
  email?: string;
  specialties?: string;
}

export const MEDIATOR_LABELS: Record<string, string> = {
  sub: 'Account id',
  fullName: 'Full name',
  email: 'Work e-mail address',
  specialties: 'Specialties',
};

export const MEDIATOR_CONTROLS: Record<string, string> = { 'contact-email': 'email', contact: 'email' };

export function mediatorFormOf(mediator: MediatorView): MediatorForm {
  return {
    sub: mediator.sub,
    fullName: mediator.fullName,
    email: mediator.contact.email,
    specialties: listText(mediator.specialties),
  };
}

export function mediatorFormFrom(body: Record<string, unknown>): MediatorForm {
  const pick = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
  return { sub: pick('sub'), fullName: pick('fullName'), email: pick('email'), specialties: pick('specialties') };
}

/** `POST /api/mediators`: empty answers are sent empty so the service names what is missing. */
export function newMediatorBody(form: MediatorForm): Record<string, unknown> {
  return { sub: text(form.sub) ?? '', ...mediatorChangesBody(form) };
}

/** `PATCH /api/mediators/{sub}`: the account id never changes, so it is never sent. */
export function mediatorChangesBody(form: MediatorForm): Record<string, unknown> {
  return {
    fullName: text(form.fullName) ?? '',
    contact: { email: text(form.email) ?? '' },
    specialties: codeList(form.specialties),
  };
}
