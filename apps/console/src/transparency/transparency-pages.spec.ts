import { renderPage } from '../test/render';
import { DEFINITIONS, describePeriod, reportCsv, reportRows, type PublicReport } from './report-rows';

const REPORT: PublicReport = {
  jurisdiction: 'NL-NH',
  period: '2025',
  publishedAt: '2026-01-05T10:00:00.000Z',
  minimum: 10,
  roundedTo: 5,
  tooFew: false,
  counts: { referred: 120, tookPart: 60, agreementReached: null, agreementCompleted: 35 },
  restitutionPaid: [
    { currency: 'EUR', amount: '4200.00' },
    { currency: 'USD', amount: null },
  ],
  reoffence: [
    { months: 6, rate: 0.12 },
    { months: 12, rate: null },
  ],
  satisfaction: [
    { role: 'harmed', share: 0.81 },
    { role: 'responsible', share: null },
  ],
};

describe('public transparency report: rows, CSV and page', () => {
  it('shows exactly the published figures and never a number for a withheld one', () => {
    const rows = reportRows(REPORT);
    expect(rows.find((r) => r.id === 'referred')?.display).toBe('120');
    const withheld = rows.filter((r) => r.withheld);
    expect(withheld.map((r) => r.label)).toEqual([
      'Reached an agreement',
      'Restitution paid (USD)',
      'Re-offence at follow-up, 12 months',
      'Participants’ satisfaction, people responsible',
    ]);
    expect(rows.find((r) => r.label.endsWith('people harmed'))?.display).toBe('81%');
    for (const row of withheld) expect(row.display.replace('Fewer than 10', '')).not.toMatch(/\d/);
    expect(rows.find((r) => r.label.endsWith('6 months'))?.display).toBe('12%');
  });

  it('says only "too few" for a period with too few referrals', () => {
    const rows = reportRows({
      ...REPORT,
      tooFew: true,
      counts: { referred: null, tookPart: null, agreementReached: null, agreementCompleted: null },
      restitutionPaid: [],
      reoffence: [],
      satisfaction: [],
    });
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'referred',
        withheld: true,
        display: 'Fewer than 10 referrals: nothing more is published',
      }),
    ]);
  });

  it('writes one quoted CSV line per figure', () => {
    const csv = reportCsv(REPORT).split('\r\n');
    expect(csv[0]).toBe('"jurisdiction","period","figure","value"');
    expect(csv[1]).toBe('"NL-NH","2025","Referred","120"');
  });

  it('links every figure of the page to its definition, which exists', async () => {
    const html = await renderPage('pages/transparency/report.njk', {
      user: null,
      report: REPORT,
      rows: reportRows(REPORT),
      periodText: describePeriod('2025'),
      csvUrl: '/transparency/NL-NH/2025.csv',
      jsonUrl: '/transparency/NL-NH/2025.json',
    });
    const anchors = [...html.matchAll(/href="\/transparency\/definitions#([a-z-]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBe(reportRows(REPORT).length);
    for (const anchor of anchors) expect(DEFINITIONS.map((d) => d.id)).toContain(anchor);
    expect(html).toContain('href="/transparency/NL-NH/2025.csv"');
    expect(html).not.toContain('Sign out');
  });

  it('names quarters in words', () => {
    expect(describePeriod('2025-Q3')).toBe('July to September 2025');
    expect(describePeriod('2025')).toBe('2025');
  });
});
