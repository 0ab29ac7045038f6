import type { MonthCount } from '../core/ports/analysis.js';

/** `YYYY-MM` of a date. */
export function toMonth(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/**
 * The month `delta` months after `month` (negative for before).
 *
 * @example addMonths('2024-01', -2) // '2023-11'
 */
export function addMonths(month: string, delta: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + delta;
  const year = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/**
 * Every month from `from` to `to` inclusive, with zero counts where nothing happened.
 *
 * @example toMonthSeries([{ month: '2024-03', incidents: 1, … }], '2024-01', '2024-03')
 */
export function toMonthSeries(
  counts: readonly MonthCount[],
  from: string,
  to: string,
): MonthCount[] {
  const byMonth = new Map(counts.map((c) => [c.month, c]));
  const out: MonthCount[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) {
    out.push(
      byMonth.get(m) ?? { month: m, incidents: 0, lethalIncidents: 0, fatalities: 0, injuries: 0 },
    );
  }
  return out;
}
