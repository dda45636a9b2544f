/**
 * The bulk import's documented header (docs/api-guide.md, Bulk referral import): one row per
 * referral with one harmed and one responsible party, each column named after the field of
 * `POST /api/referrals` it fills. Columns may come in any order; optional ones may be left out.
 */
export type CellKind = 'text' | 'boolean' | 'channels';

export interface ImportColumn {
  /** The column's name in the header, and the `field` of its problems in the report. */
  readonly name: string;
  /** Where the cell goes in the referral body, as a validation error names it. */
  readonly path: string;
  readonly kind: CellKind;
  readonly required: boolean;
}

const column = (name: string, path: string, kind: CellKind = 'text', required = false): ImportColumn => ({
  name,
  path,
  kind,
  required,
});

function contactColumns(prefix: string, path: string, channelsRequired: boolean): ImportColumn[] {
  return [
    column(`${prefix}_email`, `${path}.contact.email`),
    column(`${prefix}_phone`, `${path}.contact.phone`),
    column(`${prefix}_safe_channels`, `${path}.contact.safeChannels`, 'channels', channelsRequired),
  ];
}

function representativeColumns(prefix: string, path: string): ImportColumn[] {
  return [column(`${prefix}_full_name`, `${path}.fullName`), ...contactColumns(prefix, path, false)];
}

function partyColumns(role: 'harmed' | 'responsible', index: number): ImportColumn[] {
  const path = `parties[${index}]`;
  return [
    column(`${role}_full_name`, `${path}.fullName`, 'text', true),
    column(`${role}_date_of_birth`, `${path}.dateOfBirth`),
    column(`${role}_minor`, `${path}.minor`, 'boolean', true),
    ...contactColumns(role, path, true),
    column(`${role}_preferred_language`, `${path}.preferredLanguage`, 'text', true),
    column(`${role}_interpreter`, `${path}.interpreter`, 'boolean', true),
    column(`${role}_accessibility_needs`, `${path}.accessibilityNeeds`),
    ...representativeColumns(`${role}_guardian`, `${path}.guardian`),
    ...(role === 'responsible' ? representativeColumns(`${role}_counsel`, `${path}.counsel`) : []),
  ];
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  column('source', 'source', 'text', true),
  column('case_number', 'caseNumber', 'text', true),
  column('jurisdiction', 'jurisdiction', 'text', true),
  column('offense_code', 'offense.code', 'text', true),
  column('offense_category', 'offense.category', 'text', true),
  column('offense_severity', 'offense.severity', 'text', true),
  column('offense_description', 'offense.description'),
  column('incident_date', 'incidentDate', 'text', true),
  column('stage', 'stage', 'text', true),
  column('protective_order', 'protectiveOrder', 'boolean', true),
  column('report_back_by', 'reportBackBy', 'text', true),
  column('notes', 'notes'),
  ...partyColumns('harmed', 0),
  ...partyColumns('responsible', 1),
];

export const PARTY_ROLES_BY_POSITION = ['harmed', 'responsible'] as const;

/** The column a validation error's field belongs to: the same path, or the first column inside it. */
export function columnOfField(field: string): string {
  const exact = IMPORT_COLUMNS.find((c) => c.path === field);
  if (exact) return exact.name;
  const inside = IMPORT_COLUMNS.find((c) => c.path.startsWith(`${field}.`));
  return inside ? inside.name : field;
}
