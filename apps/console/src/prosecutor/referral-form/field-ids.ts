import type { FieldError } from '../../platform/api-client';

/**
 * The id of the form control an API error is about: `parties[0].contact.email` →
 * `parties-0-contact-email`, so the error summary links to the field. A date's error goes to
 * its day field, as the GOV.UK date pattern asks; errors about a whole object or list go to
 * its first control.
 */
export function fieldIdOf(apiField: string): string {
  const id = apiField
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .join('-');
  if (DATE_FIELDS.some((date) => id === date || id.endsWith(`-${date}`))) return `${id}-day`;
  return (
    FIRST_CONTROL[id.replace(/^parties-\d+-/, 'parties-N-')]?.replace('N', id.match(/^parties-(\d+)/)?.[1] ?? '0') ?? id
  );
}

const DATE_FIELDS = ['incidentDate', 'reportBackBy', 'dateOfBirth'];

const FIRST_CONTROL: Record<string, string> = {
  offense: 'offense-code',
  parties: 'parties-0-fullName',
  'parties-N-guardian': 'parties-N-guardianFullName',
  'parties-N-guardian-fullName': 'parties-N-guardianFullName',
  'parties-N-guardian-contact': 'parties-N-guardianEmail',
  'parties-N-counsel-fullName': 'parties-N-counselFullName',
  'parties-N-contact': 'parties-N-contact-email',
};

/** The errors keyed by field id, for each control's inline message, in the API's order. */
export function errorsByField(errors: FieldError[]): {
  summary: { href: string; text: string }[];
  byField: Record<string, string>;
} {
  const byField: Record<string, string> = {};
  const summary: { href: string; text: string }[] = [];
  for (const error of errors) {
    const id = fieldIdOf(error.field);
    const text = `${labelOf(error.field)} ${error.message}`;
    // A field can break two rules at once (a date's pattern and its calendar): say it once.
    if (byField[id]) continue;
    byField[id] = text;
    summary.push({ href: `#${id}`, text });
  }
  return { summary, byField };
}

/** A field path in words: `parties[1].contact.email` → `Person responsible: e-mail`. */
export function labelOf(apiField: string): string {
  const party = /^parties\[(\d+)\]\.?(.*)$/.exec(apiField);
  if (party) {
    const who =
      party[1] === '0' ? 'Person harmed' : party[1] === '1' ? 'Person responsible' : `Party ${Number(party[1]) + 1}`;
    return `${who}: ${FIELD_WORDS[party[2] ?? ''] ?? words(party[2] ?? 'details')}`;
  }
  return FIELD_WORDS[apiField] ?? words(apiField);
}

const FIELD_WORDS: Record<string, string> = {
  source: 'Who referred the case',
  caseNumber: 'Case number',
  jurisdiction: 'Jurisdiction',
  'offense.code': 'Offence code',
  'offense.category': 'Offence category',
  'offense.severity': 'Severity',
  'offense.description': 'Description of the offence',
  incidentDate: 'Date of the incident',
  stage: 'Stage of the case',
  protectiveOrder: 'Protective order',
  reportBackBy: 'Report back by',
  notes: 'Notes',
  parties: 'Parties',
  fullName: 'full name',
  dateOfBirth: 'date of birth',
  minor: 'under 18',
  guardian: 'guardian',
  'guardian.fullName': 'guardian’s full name',
  'guardian.contact': 'guardian’s contact',
  'guardian.contact.email': 'guardian’s e-mail',
  'guardian.contact.phone': 'guardian’s phone',
  'contact.email': 'e-mail',
  'contact.phone': 'phone',
  'contact.safeChannels': 'safe ways to contact',
  contact: 'contact',
  preferredLanguage: 'preferred language',
  interpreter: 'interpreter',
  accessibilityNeeds: 'access needs',
  'counsel.fullName': 'counsel’s full name',
};

function words(path: string): string {
  return path
    .replace(/[.[\]]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
}
