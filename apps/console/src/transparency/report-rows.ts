/**
 * The public transparency report as outcome-tracking publishes it (GET /api/transparency/…),
 * turned into rows for the page, the CSV and the JSON. The service has already withheld,
 * rounded and frozen every figure: the console shows exactly what it got.
 */
export interface PublicReport {
  jurisdiction: string;
  period: string;
  publishedAt: string;
  minimum: number;
  roundedTo: number;
  tooFew: boolean;
  counts: Record<'referred' | 'tookPart' | 'agreementReached' | 'agreementCompleted', number | null>;
  restitutionPaid: { currency: string; amount: string | null }[];
  reoffence: { months: number; rate: number | null }[];
  satisfaction: { role: 'harmed' | 'responsible'; share: number | null }[];
}

export interface ReportRow {
  /** The anchor of the figure's definition on /transparency/definitions. */
  id: string;
  label: string;
  /** What the page and the CSV say: a number, or why there is none. */
  display: string;
  withheld: boolean;
}

/** Each figure's definition, in the words the definitions page shows (docs/metrics.md says the same). */
export const DEFINITIONS: { id: string; label: string; definition: string }[] = [
  {
    id: 'referred',
    label: 'Referred',
    definition:
      'Referrals submitted by the prosecutor’s offices of the jurisdiction in the period (by the date of the referral).',
  },
  {
    id: 'took-part',
    label: 'Took part',
    definition:
      'Of those referrals, how many had a dialogue between the people involved: a meeting, or messages passed through the facilitator.',
  },
  {
    id: 'agreement-reached',
    label: 'Reached an agreement',
    definition: 'Of those referrals, how many ended their dialogue with an agreement everyone consented to.',
  },
  {
    id: 'agreement-completed',
    label: 'Completed the agreement',
    definition: 'Of those referrals, how many had every part of their agreement done.',
  },
  {
    id: 'restitution-paid',
    label: 'Restitution paid',
    definition:
      'Money paid back under those agreements so far, per currency. Shown only when at least 3 agreements paid and no one of them paid more than half.',
  },
  {
    id: 'reoffence',
    label: 'Re-offence at follow-up',
    definition:
      'Of the people responsible whose follow-up the prosecutor recorded (6, 12 or 24 months after completion), the share who were found to have offended again. Shown only when both those who did and those who did not number at least 10.',
  },
  {
    id: 'satisfaction',
    label: 'Participants’ satisfaction',
    definition:
      'Of the people who answered the anonymous survey after their case, the share who agreed that they were satisfied with how the process was run, separately for the people harmed and the people responsible. Shown only when those who agreed and those who did not each number at least 10.',
  },
];

const label = (id: string) => DEFINITIONS.find((d) => d.id === id)?.label ?? id;

export function reportRows(report: PublicReport): ReportRow[] {
  const fewer = `Fewer than ${report.minimum}, or withheld so others cannot be worked out`;
  const count = (id: string, value: number | null): ReportRow => ({
    id,
    label: label(id),
    display: value === null ? fewer : String(value),
    withheld: value === null,
  });
  if (report.tooFew)
    return [
      {
        id: 'referred',
        label: label('referred'),
        display: `Fewer than ${report.minimum} referrals: nothing more is published`,
        withheld: true,
      },
    ];
  return [
    count('referred', report.counts.referred),
    count('took-part', report.counts.tookPart),
    count('agreement-reached', report.counts.agreementReached),
    count('agreement-completed', report.counts.agreementCompleted),
    ...(report.restitutionPaid.length
      ? report.restitutionPaid.map((money) => ({
          id: 'restitution-paid',
          label: `${label('restitution-paid')} (${money.currency})`,
          display: money.amount ?? 'Withheld: too few payments, or one too large',
          withheld: money.amount === null,
        }))
      : [{ id: 'restitution-paid', label: label('restitution-paid'), display: 'None recorded', withheld: false }]),
    ...(report.reoffence.length
      ? report.reoffence.map((r) => ({
          id: 'reoffence',
          label: `${label('reoffence')}, ${r.months} months`,
          display: r.rate === null ? fewer : `${Math.round(r.rate * 100)}%`,
          withheld: r.rate === null,
        }))
      : [{ id: 'reoffence', label: label('reoffence'), display: 'No follow-ups recorded yet', withheld: false }]),
    ...(report.satisfaction.length
      ? report.satisfaction.map((s) => ({
          id: 'satisfaction',
          label: `${label('satisfaction')}, ${s.role === 'harmed' ? 'people harmed' : 'people responsible'}`,
          display: s.share === null ? fewer : `${Math.round(s.share * 100)}%`,
          withheld: s.share === null,
        }))
      : [{ id: 'satisfaction', label: label('satisfaction'), display: 'No answers yet', withheld: false }]),
  ];
}

/** One CSV line per figure; fields quoted, so commas and quotes in labels survive. */
export function reportCsv(report: PublicReport): string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const lines = [
    ['jurisdiction', 'period', 'figure', 'value'],
    ...reportRows(report).map((row) => [report.jurisdiction, report.period, row.label, row.display]),
  ];
  return lines.map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function describePeriod(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter)
    return `${['January to March', 'April to June', 'July to September', 'October to December'][Number(quarter[2]) - 1]} ${quarter[1]}`;
  return period;
}
