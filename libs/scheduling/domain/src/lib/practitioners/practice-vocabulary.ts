/**
 * What a partner records about each mediator's practice (issue 22): credentials, background
 * checks, languages, supervision and practice. Codes only; they travel in events as they are.
 */
export const CREDENTIAL_KINDS = [
  'basic_mediation',
  'restorative_justice',
  'specialist_dv_sv',
  'youth',
  'safeguarding_trauma',
  'other',
] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** A general criminal-record check, and the barred-list check needed for work with young people. */
export const BACKGROUND_CHECK_KINDS = ['criminal_record', 'barred_list_children'] as const;
export type BackgroundCheckKind = (typeof BACKGROUND_CHECK_KINDS)[number];

/** Supervision sessions, observed practice, and the first cases co-facilitated with an experienced lead. */
export const PRACTICE_KINDS = ['supervision', 'observed_practice', 'co_facilitation'] as const;
export type PracticeKind = (typeof PRACTICE_KINDS)[number];

/** Which of the record types needs a platform admin's verification before it counts. */
export const VERIFIED_RECORD_TYPES = ['credential', 'background_check', 'language'] as const;
export const PRACTICE_RECORD_TYPES = [...VERIFIED_RECORD_TYPES, 'practice'] as const;
export type PracticeRecordType = (typeof PRACTICE_RECORD_TYPES)[number];

export function needsVerification(type: PracticeRecordType): boolean {
  return (VERIFIED_RECORD_TYPES as readonly string[]).includes(type);
}
