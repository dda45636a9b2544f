import { renderPage } from '../../test/render';
import { THRESHOLD_HINTS, THRESHOLD_LABELS } from './practice-thresholds.controller';

describe('the practice thresholds form (issue 22)', () => {
  it('says under every field what it does and the standards’ default', async () => {
    const fields = Object.keys(THRESHOLD_LABELS).map((name) => ({
      name,
      label: THRESHOLD_LABELS[name],
      hint: THRESHOLD_HINTS[name],
      value: '',
    }));
    const html = await renderPage('pages/admin/practice/thresholds.njk', { jurisdiction: 'NL-NH', fields, version: 0 });
    expect(Object.keys(THRESHOLD_HINTS).sort()).toEqual(Object.keys(THRESHOLD_LABELS).sort());
    expect(html).toMatch(/id="timeZone-hint"[^>]*>\s*Whose calendar day an expiry date runs through/);
    expect(html).toMatch(/id="supervisionIntervalDays-hint"[^>]*>[^<]*Standard: 84, every 12 weeks/);
  });
});
