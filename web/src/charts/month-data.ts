import { toEventMonth } from '../../../src/core/stix/incident-date.js';

/** One month of counts. */
export interface MonthDatum {
  month: string;
  incidents: number;
  fatalities?: number;
}

/**
 * Counts per month from dated items, every month between the first and the last included.
 *
 * @example toMonthData([{ date: '2024-03-22', fatalities: 145 }])
 */
export function toMonthData(items: Array<{ date?: string; fatalities?: number }>): MonthDatum[] {
  const by = new Map<string, MonthDatum>();
  for (const it of items) {
    const month = toEventMonth(it.date);
    if (month === undefined) continue;
    const d = by.get(month) ?? { month, incidents: 0, fatalities: 0 };
    d.incidents++;
    d.fatalities = (d.fatalities ?? 0) + (it.fatalities ?? 0);
    by.set(month, d);
  }
  const months = [...by.keys()].sort();
  if (!months.length) return [];
  const out: MonthDatum[] = [];
  let [y, m] = (months[0] as string).split('-').map(Number) as [number, number];
  const last = months[months.length - 1] as string;
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(by.get(key) ?? { month: key, incidents: 0, fatalities: 0 });
    if (key >= last || out.length > 600) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
