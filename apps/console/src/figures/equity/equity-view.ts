import { describeCode } from '../../messages/describe';
import { languageName } from '../../platform/formatting';

/** GET /api/equity as the console reads it: counts null where withheld. */
export interface EquityAnswer {
  period: string;
  minimum: number;
  stages: string[];
  total: Record<string, number | null>;
  tables: { dimension: string; rows: { value: string; counts: Record<string, number | null> }[] }[];
  eligibleNotReferred?: {
    period: string;
    officesSupplying: number;
    total: number | null;
    byOffice: { officeId: string; supplied: boolean; count: number | null }[];
  };
}

export interface EquityCell {
  text: string;
  withheld: boolean;
}

export interface EquityTableView {
  id: string;
  title: string;
  selfDeclared: boolean;
  rows: { label: string; cells: EquityCell[] }[];
}

export interface EligibleView {
  total: EquityCell | null;
  offices: { label: string; cell: EquityCell }[];
}

export const WITHHELD = 'withheld';
/** The attributes a person declares themselves (never recorded by anyone else, never inferred). */
const SELF_DECLARED = new Set(['ethnicity', 'gender', 'disability']);

const cell = (count: number | null): EquityCell =>
  count === null ? { text: WITHHELD, withheld: true } : { text: String(count), withheld: false };

function valueLabel(dimension: string, value: string): string {
  // Languages by their names; every other value is a code of the platform's or a jurisdiction's.
  if (dimension === 'preferredLanguage' && value !== 'not_recorded') return languageName(value);
  return describeCode('equityValue', value);
}

/** One table per attribute, never crossed: its rows' counts at each stage, withheld cells in words. */
export function equityTables(answer: EquityAnswer): EquityTableView[] {
  return answer.tables.map((table) => ({
    id: `equity-${table.dimension}`,
    title: describeCode('equityAttribute', table.dimension),
    selfDeclared: SELF_DECLARED.has(table.dimension),
    rows: [
      ...table.rows.map((row) => ({
        label: valueLabel(table.dimension, row.value),
        cells: answer.stages.map((stage) => cell(row.counts[stage] ?? null)),
      })),
      { label: 'Everyone', cells: answer.stages.map((stage) => cell(answer.total[stage] ?? null)) },
    ],
  }));
}

export function stageHeadings(answer: EquityAnswer): string[] {
  return answer.stages.map((stage) => describeCode('equityStage', stage));
}

/**
 * Eligible cases not referred, by office: a prosecutor's own office reads as such, other
 * offices by the names the caller may know (else their id); `null` when no office supplied any.
 */
export function eligibleView(answer: EquityAnswer, officeNames: ReadonlyMap<string, string>): EligibleView | null {
  const figures = answer.eligibleNotReferred;
  if (!figures || figures.officesSupplying === 0) return null;
  return {
    total: cell(figures.total),
    offices: figures.byOffice.map((office) => ({
      label: officeNames.get(office.officeId) ?? office.officeId,
      cell: office.supplied ? cell(office.count) : { text: 'not supplied', withheld: false },
    })),
  };
}

/** A fixed calendar period as the API takes it: a year, a quarter or a month. */
export const PERIOD_PATTERN = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
