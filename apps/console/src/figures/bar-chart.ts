/** One bar of a chart: a figure the API published, or one it withheld. */
export interface BarInput {
  label: string;
  /** The figure; null when suppressed (or when there is nothing to divide by). */
  value: number | null;
  /** What the reader sees beside the bar: `62%`, `4.5 days`, `withheld`. */
  display: string;
  suppressed: boolean;
}

export interface BarChartInput {
  id: string;
  title: string;
  description: string;
  bars: readonly BarInput[];
}

export const CHART_LAYOUT = { width: 640, labelWidth: 240, valueWidth: 140, barHeight: 22, gap: 10, top: 8 } as const;

const PLOT_WIDTH = CHART_LAYOUT.width - CHART_LAYOUT.labelWidth - CHART_LAYOUT.valueWidth;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Bar length for a value against the largest value drawn (two decimals, so the SVG stays small). */
export function barWidth(value: number, max: number): number {
  return max > 0 ? Math.round((value / max) * PLOT_WIDTH * 100) / 100 : 0;
}

/**
 * A horizontal bar chart as an SVG string, drawn on the server: it needs no script and prints
 * as it shows. `role="img"` with a title and a description (which states every figure) makes
 * it one image to assistive technology; the page puts the same numbers in a table beside it.
 * A suppressed figure is never a bar — only the word "withheld" where the bar would be —
 * so its size cannot be read off the picture. Colours are presentation attributes (the
 * console's content security policy allows no inline styles).
 */
export function barChartSvg(chart: BarChartInput): string {
  const { width, labelWidth, barHeight, gap, top } = CHART_LAYOUT;
  const drawn = chart.bars.filter((bar) => !bar.suppressed && bar.value !== null && Number.isFinite(bar.value));
  const max = Math.max(0, ...drawn.map((bar) => bar.value as number));
  const height = top * 2 + chart.bars.length * (barHeight + gap);
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  const rows = chart.bars.map((bar, index) => {
    const y = top + index * (barHeight + gap);
    const middle = y + barHeight / 2 + 5;
    const label = `<text x="${labelWidth - 8}" y="${middle}" text-anchor="end" font-size="14" fill="#0b0c0c">${escapeXml(bar.label)}</text>`;
    if (bar.suppressed || bar.value === null || !Number.isFinite(bar.value)) {
      return `<g>${label}<text x="${labelWidth}" y="${middle}" font-size="14" font-style="italic" fill="#484949">${escapeXml(bar.display)}</text></g>`;
    }
    const w = barWidth(bar.value, max);
    return (
      `<g>${label}<rect x="${labelWidth}" y="${y}" width="${w}" height="${barHeight}" fill="#1d70b8" data-value="${bar.value}"></rect>` +
      `<text x="${labelWidth + w + 6}" y="${middle}" font-size="14" fill="#0b0c0c">${escapeXml(bar.display)}</text></g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${width} ${height}" width="100%" focusable="false">` +
    `<title id="${titleId}">${escapeXml(chart.title)}</title><desc id="${descId}">${escapeXml(chart.description)}</desc>` +
    rows.join('') +
    '</svg>'
  );
}
