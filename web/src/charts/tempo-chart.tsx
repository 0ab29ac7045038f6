import { useEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';

import type { MonthDatum } from './month-data.js';

/**
 * Incidents per month as bars (and killed per month as a line when given), drawn by Plot.
 *
 * @example <TempoChart months={[{ month: '2024-03', incidents: 4 }]} title="Tempo" />
 */
export function TempoChart(props: {
  months: MonthDatum[];
  title: string;
  metric?: 'incidents' | 'fatalities';
}) {
  const ref = useRef<HTMLDivElement>(null);
  const metric = props.metric ?? 'incidents';
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const data = props.months.map((m) => ({ ...m, date: new Date(`${m.month}-01T00:00:00Z`) }));
    const chart = Plot.plot({
      width: Math.max(320, el.clientWidth),
      height: 200,
      marginLeft: 40,
      style: { fontSize: '12px', background: 'transparent' },
      x: { type: 'utc', label: null },
      y: {
        grid: true,
        label: metric === 'incidents' ? 'incidents / month' : 'killed / month',
        // Whole numbers only: a count of 0.4 incidents means nothing.
        ticks: Math.min(5, Math.max(1, ...props.months.map((m) => m[metric] ?? 0))),
        tickFormat: 'd',
      },
      marks: [
        Plot.rectY(data, {
          x1: 'date',
          x2: (d: { date: Date }) =>
            new Date(Date.UTC(d.date.getUTCFullYear(), d.date.getUTCMonth() + 1, 1)),
          y: metric,
          fill: metric === 'incidents' ? '#35557a' : '#b22222',
          inset: 0.5,
          tip: true,
        }),
        Plot.ruleY([0]),
      ],
    });
    // Plot labels its inner groups with aria-label, which ARIA forbids on a plain <g>; the chart
    // is one image with one name.
    for (const g of chart.querySelectorAll('[aria-label]')) g.removeAttribute('aria-label');
    chart.setAttribute('aria-label', `${props.title}: ${props.months.length} months`);
    chart.setAttribute('role', 'img');
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [props.months, props.title, metric]);
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <div ref={ref} />
    </figure>
  );
}
