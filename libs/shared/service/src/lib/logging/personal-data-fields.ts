/**
 * Fields that hold personal data (api.md: parties' names, birth dates, contacts, guardians,
 * counsel; free text such as notes, descriptions, accessibility needs; the prosecutor's case
 * number; a disclosure's recipient and a free-text reason). Names of offices and partners are
 * work data and stay readable, so `name` is not here; codes (`reasonCode`) stay readable too.
 */
export const PERSONAL_DATA_FIELDS = [
  'fullName',
  'dateOfBirth',
  'email',
  'phone',
  'contact',
  'guardian',
  'counsel',
  'notes',
  'text',
  'description',
  'accessibilityNeeds',
  'caseNumber',
  'recipient',
  'reason',
] as const;

export const REDACTED = '[redacted]';
