import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricsFilter } from './facts';
import { computeOutcomeFigures, METRIC_DEFINITIONS, type OutcomeFigures } from './outcome-figures';
import { FIXTURE } from './metrics.fixtures';

const c = (value: number) => ({ kind: 'count', value });
const r = (numerator: number, denominator: number, value: number | null) => ({
  kind: 'rate',
  numerator,
  denominator,
  value,
});
const m = (n: number, value: number | null) => ({ kind: 'median', n, value });
const t = (value: string | number, n: number) => ({ kind: 'total', value, n });

type Row = [string, MetricsFilter, keyof OutcomeFigures, unknown];

/** Every figure below was worked out by hand from metrics.fixtures.ts. */
const ROWS: Row[] = [
  ['all', {}, 'referralsByStatus', { completed: c(2), in_progress: c(1), returned: c(2), unmatched: c(1) }],
  ['all', {}, 'referralsBySource', { court: c(1), police: c(1), prosecutor: c(3), victim_request: c(1) }],
  ['all', {}, 'participationRate', r(4, 5, 0.8)],
  ['all', {}, 'agreementRate', r(3, 4, 0.75)],
  ['all', {}, 'completionRate', r(2, 3, 0.6667)],
  ['all', {}, 'restitutionAgreed', { EUR: t('400.00', 2), JPY: t('5000', 1) }],
  ['all', {}, 'restitutionPaid', { EUR: t('340.00', 2), JPY: t('5000', 1) }],
  ['all', {}, 'communityServiceHoursAgreed', t(15, 2)],
  ['all', {}, 'communityServiceHoursDone', t(12, 2)],
  ['all', {}, 'daysToFirstContact', m(5, 3)],
  ['all', {}, 'daysToAcceptance', m(5, 2)],
  ['all', {}, 'daysToDialogue', m(4, 15)],
  ['all', {}, 'reoffenceRate', { '6m': r(0, 3, 0), '12m': r(1, 1, 1), '24m': r(0, 0, null) }],
  ['all', {}, 'partnerResponseHours', m(8, 10)],
  ['all', {}, 'declineReasons', { no_capacity: c(2), outside_scope: c(1) }],
  [
    'jurisdiction north',
    { jurisdiction: 'north' },
    'referralsByStatus',
    { completed: c(2), returned: c(2), unmatched: c(1) },
  ],
  ['jurisdiction north', { jurisdiction: 'north' }, 'participationRate', r(4, 4, 1)],
  ['jurisdiction south', { jurisdiction: 'south' }, 'partnerResponseHours', m(1, 12)],
  ['partner P1', { partnerId: 'P1' }, 'participationRate', r(2, 3, 0.6667)],
  ['partner P1', { partnerId: 'P1' }, 'partnerResponseHours', m(3, 18)],
  ['partner P1', { partnerId: 'P1' }, 'declineReasons', {}],
  ['partner P2', { partnerId: 'P2' }, 'declineReasons', { no_capacity: c(1), outside_scope: c(1) }],
  ['partner P2', { partnerId: 'P2' }, 'restitutionAgreed', { JPY: t('5000', 1) }],
  [
    'February',
    { from: '2026-02-01', to: '2026-03-01' },
    'referralsByStatus',
    { in_progress: c(1), returned: c(1), unmatched: c(1) },
  ],
  ['February', { from: '2026-02-01', to: '2026-03-01' }, 'daysToDialogue', m(1, 30)],
  ['from March', { from: '2026-03-02' }, 'referralsBySource', { court: c(1) }],
];

describe('outcome figures', () => {
  it.each(ROWS)('%s: %s is as worked out by hand', (_scope, filter, metric, expected) => {
    expect(computeOutcomeFigures(FIXTURE, filter, { suppressBelow: 0 })[metric]).toEqual(expected);
  });

  it('covers every metric in the table', () => {
    const covered = new Set(ROWS.filter(([scope]) => scope === 'all').map(([, , metric]) => metric));
    expect([...covered].sort()).toEqual(METRIC_DEFINITIONS.map((metric) => metric.id).sort());
  });

  it('suppresses small counts by default before figures leave the platform', () => {
    const figures = computeOutcomeFigures(FIXTURE);
    expect(figures.referralsByStatus.completed).toEqual({ kind: 'count', value: null, suppressed: true });
    // 4 of 5 took part: the rate would say the 1 who did not, so its complement withholds it.
    expect(figures.participationRate).toMatchObject({ value: null, suppressed: true });
    expect(computeOutcomeFigures(FIXTURE, {}, { suppressBelow: 1 }).participationRate).toEqual(r(4, 5, 0.8));
    expect(figures.agreementRate).toMatchObject({ value: null, suppressed: true });
  });

  it('publishes in docs/metrics.md exactly the definitions the code computes', () => {
    const docs = readFileSync(join(__dirname, '../../../../../../docs/metrics.md'), 'utf8');
    for (const metric of METRIC_DEFINITIONS) {
      expect(docs).toContain(`### ${metric.title} (\`${metric.id}\`)\n\n${metric.definition}`);
    }
  });
});
