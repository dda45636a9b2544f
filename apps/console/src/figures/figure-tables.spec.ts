import { barChartSvg } from './bar-chart';
import { chartDescription, figureTables, tableCsv, type MetricsAnswer } from './figure-tables';

// A hand-made answer of GET /api/metrics: some figures published, some withheld (threshold 5).
const answer: MetricsAnswer = {
  filter: { jurisdiction: 'NL-NH' },
  suppressionThreshold: 5,
  figures: {
    referralsByStatus: {
      submitted: { kind: 'count', value: 12 },
      completed: { kind: 'count', value: 7 },
      withdrawn: { kind: 'count', value: null, suppressed: true },
    },
    referralsBySource: { police: { kind: 'count', value: 19 } },
    participationRate: { kind: 'rate', numerator: 6, denominator: 8, value: 0.75 },
    agreementRate: { kind: 'rate', numerator: null, denominator: null, value: null, suppressed: true },
    completionRate: { kind: 'rate', numerator: 5, denominator: 5, value: 1 },
    restitutionAgreed: { EUR: { kind: 'total', n: 6, value: '1250.00' } },
    restitutionPaid: { EUR: { kind: 'total', n: null, value: null, suppressed: true } },
    communityServiceHoursAgreed: { kind: 'total', n: 5, value: 80 },
    communityServiceHoursDone: { kind: 'total', n: 5, value: 42.5 },
    daysToFirstContact: { kind: 'median', n: 9, value: 3.5 },
    daysToAcceptance: { kind: 'median', n: 9, value: 1 },
    daysToDialogue: { kind: 'median', n: null, value: null, suppressed: true },
    reoffenceRate: {
      '6m': { kind: 'rate', numerator: 1, denominator: 10, value: 0.1 },
      '12m': { kind: 'rate', numerator: null, denominator: null, value: null, suppressed: true },
      '24m': { kind: 'rate', numerator: 0, denominator: 0, value: null },
    },
    partnerResponseHours: { kind: 'median', n: 11, value: 20.5 },
    declineReasons: {},
  },
};

function drawn(svg: string): number[] {
  return [...svg.matchAll(/data-value="([\d.]+)"/g)].map((m) => Number(m[1]));
}

describe('figureTables', () => {
  const tables = figureTables(answer);
  const table = (id: string) => tables.find((candidate) => candidate.id === id)!;

  it('charts exactly the figures the API published, and none it withheld', () => {
    const chart = (id: string) =>
      barChartSvg({ id, title: table(id).title, description: chartDescription(table(id)), bars: table(id).rows });
    expect(drawn(chart('referrals-by-status'))).toEqual([12, 7]);
    expect(drawn(chart('rates'))).toEqual([0.75, 1]);
    expect(drawn(chart('reparation'))).toEqual([1250, 80, 42.5]);
    expect(drawn(chart('time-to-milestones'))).toEqual([3.5, 1]);
    expect(drawn(chart('reoffence'))).toEqual([0.1]);
  });

  it('says "withheld" for a withheld figure, never a number, in the table, the description and the CSV', () => {
    const withdrawn = table('referrals-by-status').rows.find((row) => row.label === 'Withdrawn')!;
    expect(withdrawn).toMatchObject({ value: null, display: 'withheld', suppressed: true });
    expect(table('rates').rows[1]).toMatchObject({
      label: 'Agreement',
      value: null,
      display: 'withheld',
      basis: 'fewer than 5 on one side',
    });
    expect(chartDescription(table('referrals-by-status'))).toContain('Withdrawn: withheld');
    expect(tableCsv(table('referrals-by-status'))).toBe(
      'figure,value,shown as,based on\r\nSubmitted,12,12,\r\nCompleted,7,7,\r\nWithdrawn,,withheld,\r\n',
    );
  });

  it('shows rates as percentages with what they rest on, and a rate over nothing as nothing to measure', () => {
    expect(table('rates').rows[0]).toMatchObject({ label: 'Participation', display: '75%', basis: '6 of 8' });
    expect(table('reoffence').rows[2]).toMatchObject({
      label: '24 months',
      value: null,
      display: 'nothing to measure yet',
      suppressed: false,
    });
    expect(table('decline-reasons').rows).toEqual([]);
  });
});
