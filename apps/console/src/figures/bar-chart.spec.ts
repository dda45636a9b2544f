import { barChartSvg, CHART_LAYOUT, type BarInput } from './bar-chart';

const PLOT = CHART_LAYOUT.width - CHART_LAYOUT.labelWidth - CHART_LAYOUT.valueWidth;

// A hand-made fixture: what GET /api/metrics gives for referrals by status, one cell withheld.
const bars: BarInput[] = [
  { label: 'Submitted', value: 40, display: '40', suppressed: false },
  { label: 'Completed', value: 25, display: '25', suppressed: false },
  { label: 'Withdrawn', value: null, display: 'fewer than 5', suppressed: true },
  { label: 'Returned to you', value: 10, display: '10', suppressed: false },
];

function rects(svg: string): { value: number; width: number }[] {
  return [...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*data-value="([\d.]+)"/g)].map((m) => ({
    width: Number(m[1]),
    value: Number(m[2]),
  }));
}

describe('barChartSvg', () => {
  const svg = barChartSvg({
    id: 'by-status',
    title: 'Referrals by status',
    description: 'Submitted 40, Completed 25, Withdrawn fewer than 5, Returned 10',
    bars,
  });

  it('draws one bar per published figure whose numbers are the figures themselves', () => {
    const drawn = rects(svg);
    expect(drawn.map((bar) => bar.value)).toEqual([40, 25, 10]);
    // Each length is the figure at the chart's scale (the largest figure fills the plot).
    for (const bar of drawn) expect(bar.width).toBeCloseTo((bar.value / 40) * PLOT, 1);
    for (const figure of ['40', '25', '10']) expect(svg).toContain(`>${figure}</text>`);
  });

  it('never draws a suppressed figure as a bar, and says "fewer than N" instead of a number', () => {
    expect(rects(svg)).toHaveLength(3);
    const withheld = svg.slice(svg.indexOf('>Withdrawn<'), svg.indexOf('>Returned to you<'));
    expect(withheld).not.toContain('<rect');
    expect(withheld).toContain('fewer than 5');
  });

  it('is one accessible image: role img, labelled by its title and description', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="by-status-title by-status-desc"/);
    expect(svg).toContain('<title id="by-status-title">Referrals by status</title>');
    expect(svg).toContain('<desc id="by-status-desc">');
  });

  it('escapes text, and draws nothing at all when every figure is withheld', () => {
    const allWithheld = barChartSvg({
      id: 'x',
      title: 'A <b> & "c"',
      description: 'd',
      bars: [{ label: '<i>', value: null, display: 'fewer than 5', suppressed: true }],
    });
    expect(allWithheld).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(allWithheld).toContain('&lt;i&gt;');
    expect(allWithheld).not.toContain('<rect');
  });
});
