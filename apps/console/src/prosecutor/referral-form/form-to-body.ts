import type { ContactFields, DateFields, PartyFields, ReferralFormValues } from './form-values';
import { PARTY_ROLES_IN_FORM } from './form-values';

/** An error the console finds before asking the service (a date that is not a date). */
export interface FormFieldError {
  field: string;
  message: string;
}

/** Sent in place of a date that does not exist, so the service refuses the whole body. */
export const NOT_A_DATE = 'not-a-date';

/**
 * The API body of `POST /api/referrals` from the posted form. It converts shapes only (dates,
 * yes/no, lists) and leaves every rule to the service, whose `errors[]` the form shows. The one
 * thing found here is a date that does not exist (31 February): it is reported in words and sent
 * as NOT_A_DATE, so the service still checks everything else in the same round and creates nothing.
 */
export function formToBody(form: ReferralFormValues): { body: Record<string, unknown>; errors: FormFieldError[] } {
  const errors: FormFieldError[] = [];
  const date = (field: string, value: DateFields | undefined) => {
    const result = isoDate(value);
    if (result === 'invalid') {
      errors.push({ field, message: 'must be a real date, for example 27 3 2026' });
      return NOT_A_DATE;
    }
    return result;
  };
  const parties = PARTY_ROLES_IN_FORM.map((role, index) => {
    const party = form.parties?.[index] ?? {};
    return partyBody({ ...party, role }, (field, value) => date(`parties[${index}].${field}`, value));
  });
  const body = compact({
    source: text(form.source),
    caseNumber: text(form.caseNumber),
    jurisdiction: text(form.jurisdiction),
    offense: compact({
      code: text(form.offense?.code),
      category: text(form.offense?.category),
      severity: text(form.offense?.severity),
      description: text(form.offense?.description),
    }),
    incidentDate: date('incidentDate', form.incidentDate),
    stage: text(form.stage),
    protectiveOrder: yesNo(form.protectiveOrder),
    reportBackBy: date('reportBackBy', form.reportBackBy),
    parties,
    notes: text(form.notes),
  });
  return { body, errors };
}

function partyBody(
  party: PartyFields,
  date: (field: string, value: DateFields | undefined) => string | undefined,
): Record<string, unknown> {
  const minor = yesNo(party.minor);
  return compact({
    role: party.role,
    fullName: text(party.fullName),
    dateOfBirth: date('dateOfBirth', party.dateOfBirth),
    minor,
    // A guardian is sent only for a minor; the service says when one is missing.
    guardian:
      minor && (text(party.guardianFullName) || text(party.guardianEmail) || text(party.guardianPhone))
        ? {
            fullName: text(party.guardianFullName),
            contact: contactBody({
              email: party.guardianEmail,
              phone: party.guardianPhone,
              safeChannels: channelsFromDetails(party.guardianEmail, party.guardianPhone),
            }),
          }
        : undefined,
    contact: contactBody(party.contact ?? {}),
    preferredLanguage: text(party.preferredLanguage),
    interpreter: yesNo(party.interpreter),
    accessibilityNeeds: text(party.accessibilityNeeds),
    counsel: text(party.counselFullName)
      ? {
          fullName: text(party.counselFullName),
          contact: contactBody({
            email: party.counselEmail,
            phone: party.counselPhone,
            safeChannels: channelsFromDetails(party.counselEmail, party.counselPhone),
          }),
        }
      : undefined,
  });
}

function contactBody(contact: ContactFields): Record<string, unknown> {
  const channels =
    contact.safeChannels === undefined
      ? []
      : Array.isArray(contact.safeChannels)
        ? contact.safeChannels
        : [contact.safeChannels];
  return compact({
    email: text(contact.email),
    phone: text(contact.phone),
    safeChannels: channels.filter((channel) => channel !== ''),
  });
}

// A guardian's or counsel's own contact: professional or parental contact, usable as given.
function channelsFromDetails(email?: string, phone?: string): string[] {
  return [...(text(email) ? ['email'] : []), ...(text(phone) ? ['phone'] : [])];
}

/** `{ day: '7', month: '3', year: '2026' }` → `2026-03-07`; undefined when empty; 'invalid' otherwise. */
export function isoDate(value: DateFields | undefined): string | undefined | 'invalid' {
  const day = text(value?.day);
  const month = text(value?.month);
  const year = text(value?.year);
  if (!day && !month && !year) return undefined;
  if (!day || !month || !year || !/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return 'invalid';
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso ? 'invalid' : iso;
}

function yesNo(value: string | undefined): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
