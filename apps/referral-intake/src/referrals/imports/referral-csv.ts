import { parse } from 'csv-parse/sync';
import { IMPORT_COLUMNS, PARTY_ROLES_BY_POSITION, type ImportColumn } from './referral-csv-columns';

export const MAX_IMPORT_ROWS = 10_000;

/** One problem of one row, as the import's report lists it. `row` is the spreadsheet's row (the header is row 1). */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

export interface ParsedRow {
  row: number;
  /** A `POST /api/referrals` body, before validation: cells as they were, booleans and lists converted. */
  body: Record<string, unknown>;
  /** Problems found before validation (a missing safe-channel cell). */
  problems: RowProblem[];
}

export type ParsedFile = { rows: ParsedRow[] } | { fileProblems: string[] };

// A cell our own CSV export protected against formula injection starts with an apostrophe
// (libs/shared/contracts csv.ts): read it back as it was.
const NEUTRALISED = /^'[=+\-@\t\r]/;
const TRUE = new Set(['true', 'yes']);
const FALSE = new Set(['false', 'no']);

/** Reads the CSV text: the header is checked first, and a file with a bad header has no rows. */
export function parseReferralCsv(text: string): ParsedFile {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (error) {
    return { fileProblems: [`the file is not valid CSV: ${(error as Error).message.split('\n')[0]}`] };
  }
  const [header, ...data] = records;
  if (!header) return { fileProblems: ['the file is empty: it needs the header row and at least one referral'] };
  const headerProblems = problemsOfHeader(header.map((name) => name.trim()));
  if (headerProblems.length) return { fileProblems: headerProblems };
  if (data.length === 0) return { fileProblems: ['the file has a header but no referrals'] };
  if (data.length > MAX_IMPORT_ROWS)
    return { fileProblems: [`the file has ${data.length} referrals; at most ${MAX_IMPORT_ROWS} at a time`] };
  const columns = header.map((name) => IMPORT_COLUMNS.find((c) => c.name === name.trim()) as ImportColumn);
  return { rows: data.map((cells, index) => rowOf(index + 2, columns, cells)) };
}

function problemsOfHeader(header: string[]): string[] {
  const known = new Set(IMPORT_COLUMNS.map((c) => c.name));
  const unknown = header.filter((name) => !known.has(name));
  const repeated = header.filter((name, index) => header.indexOf(name) !== index);
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !header.includes(c.name)).map((c) => c.name);
  return [
    ...(unknown.length ? [`unknown columns: ${unknown.join(', ')}`] : []),
    ...(repeated.length ? [`repeated columns: ${[...new Set(repeated)].join(', ')}`] : []),
    ...(missing.length ? [`missing columns: ${missing.join(', ')}`] : []),
  ];
}

function rowOf(row: number, columns: ImportColumn[], cells: string[]): ParsedRow {
  const body: Record<string, unknown> = { parties: PARTY_ROLES_BY_POSITION.map((role) => ({ role, contact: {} })) };
  const problems: RowProblem[] = [];
  columns.forEach((column, index) => {
    const cell = cells[index] ?? '';
    if (column.kind === 'channels' && column.required && cell.trim() === '') {
      problems.push({
        row,
        field: column.name,
        message: 'must name the safe channels (email, sms, phone, separated by ";"), or say none',
      });
      return;
    }
    if (cell === '') return; // an empty cell is a field left out
    setPath(body, column.path, valueOf(column, cell));
  });
  completeRepresentatives(body);
  return { row, body, problems };
}

function valueOf(column: ImportColumn, cell: string): unknown {
  const text = NEUTRALISED.test(cell) ? cell.slice(1) : cell;
  if (column.kind === 'boolean') {
    const word = text.trim().toLowerCase();
    // Anything else stays text, for the validator to refuse in its own words.
    return TRUE.has(word) ? true : FALSE.has(word) ? false : text;
  }
  if (column.kind === 'channels') {
    return text.trim().toLowerCase() === 'none'
      ? []
      : text
          .split(/[;|]/)
          .map((channel) => channel.trim())
          .filter(Boolean);
  }
  return text;
}

/** `parties[1].guardian.contact.email` ← value, creating objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

/**
 * A guardian or counsel is there when any of its cells is filled; then it has a contact, so a
 * missing safe-channel cell is reported on that column.
 */
function completeRepresentatives(body: Record<string, unknown>): void {
  for (const party of body.parties as Record<string, unknown>[]) {
    for (const key of ['guardian', 'counsel']) {
      const representative = party[key] as Record<string, unknown> | undefined;
      if (representative) representative.contact ??= {};
    }
  }
}
