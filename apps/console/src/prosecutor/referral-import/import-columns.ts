/**
 * The import's documented header, as referral-intake documents it on POST /api/referrals/imports
 * (its OpenAPI description): shown on the page and offered as a template file.
 */
const PARTY = (role: string) => [
  `${role}_full_name`,
  `${role}_minor`,
  `${role}_safe_channels`,
  `${role}_preferred_language`,
  `${role}_interpreter`,
];
const PARTY_OPTIONAL = (role: string) => [
  `${role}_date_of_birth`,
  `${role}_email`,
  `${role}_phone`,
  `${role}_accessibility_needs`,
  `${role}_guardian_full_name`,
  `${role}_guardian_email`,
  `${role}_guardian_phone`,
  `${role}_guardian_safe_channels`,
];

export const REQUIRED_COLUMNS = [
  'source',
  'case_number',
  'jurisdiction',
  'offense_code',
  'offense_category',
  'offense_severity',
  'incident_date',
  'stage',
  'protective_order',
  'report_back_by',
  ...PARTY('harmed'),
  ...PARTY('responsible'),
];
export const OPTIONAL_COLUMNS = [
  'offense_description',
  'notes',
  ...PARTY_OPTIONAL('harmed'),
  ...PARTY_OPTIONAL('responsible'),
  'responsible_counsel_full_name',
  'responsible_counsel_email',
  'responsible_counsel_phone',
  'responsible_counsel_safe_channels',
];

export function templateCsv(): string {
  return `${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(',')}\r\n`;
}
