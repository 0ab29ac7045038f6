import { lazy } from 'react';

/** The map, code-split: d3-geo and the world shapes load only on pages that draw a map. */
export const LazyWorldMap = lazy(() =>
  import('../map/world-map.js').then((m) => ({ default: m.WorldMap })),
);

/** The tempo chart, code-split: Plot loads only on pages that draw a chart. */
export const LazyTempoChart = lazy(() =>
  import('../charts/tempo-chart.js').then((m) => ({ default: m.TempoChart })),
);
