// An inline SVG chart of confirmed entries per category and month (stacked bars, one per month), drawn
// without any script, font or image from the network so the html draft works offline.
import type { DigestDocument } from './digest-document.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderChartSvg(
  chart: DigestDocument['chart'],
  options: { readonly barWidth: number; readonly height: number },
): string {
  const { barWidth, height } = options;
  const gap = Math.round(barWidth / 2);
  const left = 36;
  const top = 40;
  const bottom = 24;
  const series = chart.series.filter((s) => s.values.some((v) => v > 0));
  const totals = chart.months.map((_, m) => series.reduce((sum, s) => sum + (s.values[m] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const plotH = height - top - bottom;
  const width = left + chart.months.length * (barWidth + gap) + gap;
  // Wide enough for the legend's category names, which are longer than the bars are wide.
  const svgWidth = Math.max(width, 720);
  const legendY = height + 8;
  const legendH = series.length * 16 + 8;
  const parts: string[] = [
    `<svg role="img" aria-label="${esc(chart.title)}" width="${svgWidth}" height="${height + legendH}" viewBox="0 0 ${svgWidth} ${height + legendH}">`,
    `<title>${esc(chart.title)}</title>`,
    `<text x="${left}" y="16" font-size="13" font-weight="bold">${esc(chart.title)}</text>`,
    `<line x1="${left}" y1="${top + plotH}" x2="${width}" y2="${top + plotH}" stroke="#999"/>`,
    `<text x="${left - 6}" y="${top + 4}" font-size="10" text-anchor="end">${max}</text>`,
    `<text x="${left - 6}" y="${top + plotH}" font-size="10" text-anchor="end">0</text>`,
  ];
  chart.months.forEach((month, m) => {
    const x = left + gap + m * (barWidth + gap);
    let y = top + plotH;
    for (const s of series) {
      const v = s.values[m] ?? 0;
      if (v === 0) continue;
      const h = (v / max) * plotH;
      y -= h;
      parts.push(
        `<rect x="${x}" y="${y.toFixed(1)}" width="${barWidth}" height="${h.toFixed(1)}" fill="${esc(s.color)}"><title>${esc(`${s.name}, ${month}: ${v}`)}</title></rect>`,
      );
    }
    parts.push(
      `<text x="${x + barWidth / 2}" y="${top + plotH - (totals[m]! / max) * plotH - 3}" font-size="10" text-anchor="middle">${totals[m]}</text>`,
      `<text x="${x + barWidth / 2}" y="${top + plotH + 14}" font-size="10" text-anchor="middle">${esc(month.slice(0, 3))}</text>`,
    );
  });
  series.forEach((s, i) => {
    const y = legendY + i * 16;
    parts.push(
      `<rect x="${left}" y="${y}" width="10" height="10" fill="${esc(s.color)}"/>`,
      `<text x="${left + 16}" y="${y + 9}" font-size="11">${esc(s.name)} (${s.values.reduce((a, b) => a + b, 0)})</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
