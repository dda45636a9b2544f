/**
 * The referral form as the browser posts it (`parties[0][fullName]`, dates as day, month and
 * year fields — the GOV.UK date pattern). Everything is a string or absent; the form is
 * re-rendered from these values on an error, never from anything stored.
 */
export interface DateFields {
  day?: string;
  month?: string;
  year?: string;
}

export interface ContactFields {
  email?: string;
  phone?: string;
  safeChannels?: string | string[];
}

export interface PartyFields {
  role?: string;
  fullName?: string;
  dateOfBirth?: DateFields;
  minor?: string;
  guardianFullName?: string;
  guardianEmail?: string;
  guardianPhone?: string;
  contact?: ContactFields;
  preferredLanguage?: string;
  interpreter?: string;
  accessibilityNeeds?: string;
  counselFullName?: string;
  counselEmail?: string;
  counselPhone?: string;
}

export interface ReferralFormValues {
  source?: string;
  caseNumber?: string;
  jurisdiction?: string;
  offense?: { code?: string; category?: string; severity?: string; description?: string };
  incidentDate?: DateFields;
  stage?: string;
  protectiveOrder?: string;
  reportBackBy?: DateFields;
  notes?: string;
  parties?: PartyFields[];
  idempotencyKey?: string;
}

/** The two parties every referral starts with; the form always shows both. */
export const PARTY_ROLES_IN_FORM = ['harmed', 'responsible'] as const;

export function emptyForm(idempotencyKey: string): ReferralFormValues {
  return { idempotencyKey, parties: PARTY_ROLES_IN_FORM.map((role) => ({ role, contact: {} })) };
}
