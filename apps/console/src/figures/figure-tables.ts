import { describeCode, type Vocabulary } from '../messages/describe';
import type { BarInput } from './bar-chart';

/** A figure as GET /api/metrics publishes it (small counts withheld: `suppressed`, value null). */
export interface ApiFigure {
  kind: 'count' | 'rate' | 'median' | 'total';
  value: number | string | null;
  numerator?: number | null;
  denominator?: number | null;
  n?: number | null;
  suppressed?: true;
}

export interface MetricsAnswer {
  filter: Record<string, string>;
  suppressionThreshold: number;
  figures: Record<string, unknown>;
}

export interface FigureRow extends BarInput {
  /** What the figure rests on, in words (`31 of 50 cases`), or empty. */
  basis: string;
}

export interface FigureTable {
  id: string;
  title: string;
  /** What the figures mean, for the chart's description and the table's caption. */
  explanation: string;
  /** The column heading of the figures. */
  valueHeading: string;
  rows: FigureRow[];
}

type Format = (figure: ApiFigure) => string;

const percent: Format = (figure) => `${Math.round(Number(figure.value) * 1000) / 10}%`;
const days: Format = (figure) => `${figure.value} days`;
const hours: Format = (figure) => `${figure.value} hours`;
const plain: Format = (figure) => String(figure.value);

function isFigure(value: unknown): value is ApiFigure {
  const kind = (value as ApiFigure | null)?.kind;
  return kind === 'count' || kind === 'rate' || kind === 'median' || kind === 'total';
}

/**
 * One figure as a row: withheld figures say "withheld" and carry no number at all. A count is
 * withheld when under N or when a withheld count could be worked out from it (so "fewer than N"
 * would be untrue); a rate when fewer than N are on either side of it.
 */
export function figureRow(label: string, figure: ApiFigure | undefined, threshold: number, format: Format): FigureRow {
  if (!figure || figure.suppressed)
    return {
      label,
      value: null,
      display: 'withheld',
      suppressed: true,
      basis:
        figure?.kind === 'count'
          ? ''
          : figure?.kind === 'rate'
            ? `fewer than ${threshold} on one side`
            : `fewer than ${threshold} cases`,
    };
  if (figure.value === null)
    return { label, value: null, display: 'nothing to measure yet', suppressed: false, basis: '' };
  const basis =
    figure.kind === 'rate'
      ? `${figure.numerator} of ${figure.denominator}`
      : figure.kind === 'median'
        ? `over ${figure.n}`
        : figure.kind === 'total'
          ? `${figure.n} agreements`
          : '';
  return { label, value: Number(figure.value), display: format(figure), suppressed: false, basis };
}

function breakdown(figures: unknown, vocabulary: Vocabulary, threshold: number): FigureRow[] {
  if (!figures || typeof figures !== 'object') return [];
  return Object.entries(figures as Record<string, unknown>)
    .filter(([, figure]) => isFigure(figure))
    .map(([code, figure]) => figureRow(describeCode(vocabulary, code), figure as ApiFigure, threshold, plain));
}

function perCurrency(label: string, figures: unknown, threshold: number): FigureRow[] {
  if (!figures || typeof figures !== 'object') return [];
  return Object.entries(figures as Record<string, ApiFigure>).map(([currency, figure]) =>
    figureRow(`${label} (${currency})`, figure, threshold, (f) => `${f.value} ${currency}`),
  );
}

/**
 * The published figures as tables, each drawn as one chart: referrals by status and source,
 * the rates, the times to each milestone, reparation, re-offence and the partners' answers.
 */
export function figureTables(answer: MetricsAnswer): FigureTable[] {
  const f = answer.figures as Record<string, unknown>;
  const n = answer.suppressionThreshold;
  const one = (id: string) => f[id] as ApiFigure | undefined;
  const reoffence = (f['reoffenceRate'] ?? {}) as Record<string, ApiFigure>;
  const tables: FigureTable[] = [
    {
      id: 'referrals-by-status',
      title: 'Referrals by status',
      explanation: 'How many referrals are at each status now.',
      valueHeading: 'Referrals',
      rows: breakdown(f['referralsByStatus'], 'referralStatus', n),
    },
    {
      id: 'referrals-by-source',
      title: 'Referrals by source',
      explanation: 'Who first referred the case.',
      valueHeading: 'Referrals',
      rows: breakdown(f['referralsBySource'], 'source', n),
    },
    {
      id: 'rates',
      title: 'Participation, agreement and completion',
      explanation:
        'Share of cases opened where everyone agreed to take part; of dialogues that reached an agreement; of agreements completed.',
      valueHeading: 'Rate',
      rows: [
        figureRow('Participation', one('participationRate'), n, percent),
        figureRow('Agreement', one('agreementRate'), n, percent),
        figureRow('Completion', one('completionRate'), n, percent),
      ],
    },
    {
      id: 'time-to-milestones',
      title: 'Time from referral to each step',
      explanation:
        'Median days from the referral to the first contact with the people involved, to a programme accepting, and to the first dialogue.',
      valueHeading: 'Median',
      rows: [
        figureRow('First contact', one('daysToFirstContact'), n, days),
        figureRow('Accepted by a programme', one('daysToAcceptance'), n, days),
        figureRow('First dialogue', one('daysToDialogue'), n, days),
      ],
    },
    {
      id: 'reparation',
      title: 'Restitution and community service',
      explanation: 'Restitution agreed and paid, per currency, and hours of community service agreed and done.',
      valueHeading: 'Total',
      rows: [
        ...perCurrency('Restitution agreed', f['restitutionAgreed'], n),
        ...perCurrency('Restitution paid', f['restitutionPaid'], n),
        figureRow('Service hours agreed', one('communityServiceHoursAgreed'), n, hours),
        figureRow('Service hours done', one('communityServiceHoursDone'), n, hours),
      ],
    },
    {
      id: 'reoffence',
      title: 'Re-offence after completion',
      explanation: 'Share of recorded follow-ups, 6, 12 and 24 months after completion, where the person re-offended.',
      valueHeading: 'Rate',
      rows: ['6m', '12m', '24m'].map((offset) =>
        figureRow(`${offset.replace('m', '')} months`, reoffence[offset], n, percent),
      ),
    },
    {
      id: 'partner-response',
      title: 'Partner response time',
      explanation: 'Median hours a programme took to accept or decline an offer.',
      valueHeading: 'Median',
      rows: [figureRow('Answering an offer', one('partnerResponseHours'), n, hours)],
    },
    {
      id: 'decline-reasons',
      title: 'Decline reasons',
      explanation: 'Why programmes declined offers.',
      valueHeading: 'Offers declined',
      rows: breakdown(f['declineReasons'], 'declineReason', n),
    },
  ];
  return tables;
}

/** The chart's description: every figure in words, so the picture hides nothing from a screen reader. */
export function chartDescription(table: FigureTable): string {
  if (!table.rows.length) return `${table.explanation} No figures yet.`;
  return `${table.explanation} ${table.rows.map((row) => `${row.label}: ${row.display}`).join('; ')}.`;
}

function csvCell(value: string): string {
  // A cell a spreadsheet would run as a formula is prefixed with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A table as CSV: the figure as published (empty when withheld, with the words saying so). */
export function tableCsv(table: FigureTable): string {
  const lines = [
    ['figure', 'value', 'shown as', 'based on'],
    ...table.rows.map((row) => [row.label, row.value === null ? '' : String(row.value), row.display, row.basis]),
  ];
  return lines.map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
