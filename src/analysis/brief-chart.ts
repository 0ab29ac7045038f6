import { toCountWords } from '../core/count-words.js';
import type { MonthCount } from '../core/ports/analysis.js';
import { escapeXml } from './brief-map.js';
import { shortMonthName } from '../core/vocab/calendar.js';

/**
 * An inline SVG bar chart of incidents per month (lethal incidents in the darker part), with the
 * trend test's recent window shaded; built by hand so it renders the same in any browser and in
 * Chromium's PDF printer.
 *
 * @example renderTempoChart(trend.months.slice(-36), 3, { width: 680, height: 180 })
 */
export function renderTempoChart(
  months: readonly MonthCount[],
  recentMonths: number,
  size: { width: number; height: number },
): string {
  const { width, height } = size;
  const left = 34;
  const bottom = 22;
  const top = 10;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...months.map((m) => m.incidents));
  const step = niceStep(max);
  const yMax = Math.ceil(max / step) * step;
  const bw = plotW / Math.max(1, months.length);
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const parts: string[] = [];
  if (months.length > 0) {
    const x0 = left + bw * Math.max(0, months.length - recentMonths);
    parts.push(
      `<rect x="${x0.toFixed(1)}" y="${top}" width="${(left + plotW - x0).toFixed(1)}" height="${plotH}" class="recent"/>`,
    );
  }
  for (let v = 0; v <= yMax; v += step) {
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/>`,
    );
    parts.push(
      `<text x="${left - 4}" y="${(y(v) + 3).toFixed(1)}" class="tick" text-anchor="end">${v}</text>`,
    );
  }
  const labelEvery = months.length > 24 ? 6 : months.length > 12 ? 3 : 1;
  months.forEach((m, i) => {
    const x = left + i * bw + bw * 0.1;
    const w = Math.max(1, bw * 0.8);
    const title = escapeXml(
      `${m.month}: ${toCountWords(m.incidents, 'incident')}, ${m.fatalities} killed`,
    );
    if (m.incidents > 0) {
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(m.incidents).toFixed(1)}" width="${w.toFixed(1)}" height="${(y(0) - y(m.incidents)).toFixed(1)}" class="bar"><title>${title}</title></rect>`,
      );
      if (m.lethalIncidents > 0) {
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y(m.lethalIncidents).toFixed(1)}" width="${w.toFixed(1)}" height="${(y(0) - y(m.lethalIncidents)).toFixed(1)}" class="bar lethal"><title>${title}</title></rect>`,
        );
      }
    }
    if (i % labelEvery === 0) {
      const [yy, mm] = m.month.split('-');
      parts.push(
        `<text x="${(left + i * bw + bw / 2).toFixed(1)}" y="${height - 6}" class="tick" text-anchor="middle">${shortMonthName(Number(mm))} ${yy!.slice(2)}</text>`,
      );
    }
  });
  parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(0)}" y2="${y(0)}" class="axis"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Incidents per month">${parts.join('')}</svg>`;
}

function niceStep(max: number): number {
  for (const s of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000])
    if (max / s <= 5) return s;
  return 10_000;
}
