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

// pino's wildcards match exactly one level, so each depth a payload is logged at is spelled out
// (a request's body, `req.body.fullName`, is one of the `*.*.` depths). Every path costs on
// every logged key: pino's redaction (@pinojs/redact) re-reads each path of a key's namespace
// for every value it stringifies, and a `*.` path belongs to every namespace. So no path here
// repeats what a wildcard already covers.
const FIELD_PATTERNS = ['', '*.', '*.*.', 'parties[*].', '*.parties[*].', '*.*.parties[*].'];

export const REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...PERSONAL_DATA_FIELDS.flatMap((field) => FIELD_PATTERNS.map((prefix) => `${prefix}${field}`)),
];

export const REDACTED = '[redacted]';
