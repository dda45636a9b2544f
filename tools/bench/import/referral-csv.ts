import { csvField } from '@rj/shared/contracts';

/** The documented header of POST /api/referrals/imports, as an office's spreadsheet has it. */
const HEADER = [
  'source',
  'case_number',
  'jurisdiction',
  'offense_code',
  'offense_category',
  'offense_severity',
  'offense_description',
  'incident_date',
  'stage',
  'protective_order',
  'report_back_by',
  'notes',
  'harmed_full_name',
  'harmed_date_of_birth',
  'harmed_minor',
  'harmed_email',
  'harmed_phone',
  'harmed_safe_channels',
  'harmed_preferred_language',
  'harmed_interpreter',
  'harmed_accessibility_needs',
  'responsible_full_name',
  'responsible_date_of_birth',
  'responsible_minor',
  'responsible_email',
  'responsible_phone',
  'responsible_safe_channels',
  'responsible_preferred_language',
  'responsible_interpreter',
  'responsible_guardian_full_name',
  'responsible_guardian_email',
  'responsible_guardian_safe_channels',
  'responsible_counsel_full_name',
  'responsible_counsel_email',
  'responsible_counsel_safe_channels',
];

/** Row n: distinct names, addresses and case number, the shape of tools/bench/intake's referral. */
function row(n: number, jurisdiction: string): string[] {
  const tag = `${process.pid}-${n}`;
  return [
    'prosecutor',
    `IMPORT-2025-${tag}`,
    jurisdiction,
    'SR-350',
    'property_damage',
    'misdemeanor',
    `Broke the window of a shop on the main street, case ${tag}`,
    '2025-01-15',
    'pre_trial',
    String(n % 10 === 0),
    '2099-09-30',
    `The harmed party asked for a quiet room (${tag}).`,
    `Anna de Vries ${tag}`,
    '1980-04-02',
    'false',
    `anna.${tag}@example.org`,
    '+31 6 12345678',
    'email;sms',
    'nl',
    'false',
    'Step-free access to the meeting room',
    `Tom Jansen ${tag}`,
    '2009-06-01',
    'true',
    '',
    '+31 6 87654321',
    'phone',
    'en',
    'true',
    `Els Jansen ${tag}`,
    `els.${tag}@example.org`,
    'email',
    `Mr. P. Bakker ${tag}`,
    `bakker.${tag}@law.example`,
    'email',
  ];
}

export function referralCsv(rows: number, jurisdiction: string): string {
  const lines = [HEADER, ...Array.from({ length: rows }, (_, n) => row(n, jurisdiction))];
  return lines.map((cells) => cells.map((cell) => csvField(cell)).join(',')).join('\r\n') + '\r\n';
}
