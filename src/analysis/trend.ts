import type { MonthCount } from '../core/ports/analysis.js';
import { addMonths, toMonthSeries } from './month-series.js';
import { testRateChange, type RateChange, type RateChangeOptions } from './rate-change-test.js';

/** Tempo and lethality of one actor, country or region, with the change tests. */
export interface Trend {
  /** The last month of the recent window (`YYYY-MM`). */
  asOf: string;
  /** Every month from the first with data (or the baseline's start) to `asOf`. */
  months: MonthCount[];
  /** Incidents per month, recent window against baseline. */
  tempo: RateChange;
  /** Incidents with at least one death per month, recent window against baseline. */
  lethality: RateChange;
  /** Killed per incident in each window (null when the window has no incidents). */
  fatalitiesPerIncident: { recent: number | null; baseline: number | null };
}

export interface TrendOptions extends RateChangeOptions {
  /** Length of the recent window in months (default 3). */
  recentMonths?: number;
  /** Length of the baseline window just before it (default 12). */
  baselineMonths?: number;
}

/**
 * Tempo and lethality as of a month: the last `recentMonths` months against the `baselineMonths`
 * before them, each compared by the conditional binomial rate test (rate-change-test.ts).
 *
 * @example computeTrend(await repo.getActorMonths(id), '2024-03')
 */
export function computeTrend(
  counts: readonly MonthCount[],
  asOf: string,
  options: TrendOptions = {},
): Trend {
  const recentMonths = options.recentMonths ?? 3;
  const baselineMonths = options.baselineMonths ?? 12;
  const recentStart = addMonths(asOf, -(recentMonths - 1));
  const baselineStart = addMonths(recentStart, -baselineMonths);
  const first = counts.find((c) => c.incidents > 0)?.month;
  const from = first !== undefined && first < baselineStart ? first : baselineStart;
  const months = toMonthSeries(
    counts.filter((c) => c.month <= asOf),
    from,
    asOf,
  );
  const sum = (fromMonth: string, toMonth: string, pick: (m: MonthCount) => number) =>
    months
      .filter((m) => m.month >= fromMonth && m.month <= toMonth)
      .reduce((s, m) => s + pick(m), 0);
  const baselineEnd = addMonths(recentStart, -1);
  const window = (pick: (m: MonthCount) => number) => ({
    recent: sum(recentStart, asOf, pick),
    baseline: sum(baselineStart, baselineEnd, pick),
  });
  const incidents = window((m) => m.incidents);
  const lethal = window((m) => m.lethalIncidents);
  const killed = window((m) => m.fatalities);
  return {
    asOf,
    months,
    tempo: testRateChange(
      incidents.recent,
      recentMonths,
      incidents.baseline,
      baselineMonths,
      options,
    ),
    lethality: testRateChange(
      lethal.recent,
      recentMonths,
      lethal.baseline,
      baselineMonths,
      options,
    ),
    fatalitiesPerIncident: {
      recent: incidents.recent > 0 ? killed.recent / incidents.recent : null,
      baseline: incidents.baseline > 0 ? killed.baseline / incidents.baseline : null,
    },
  };
}
