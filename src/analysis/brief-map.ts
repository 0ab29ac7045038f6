import { geoContains, geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import { toGeoFeatures, type Topology } from './topojson.js';

/** A place to mark on the map. */
export interface MapPoint {
  latitude: number;
  longitude: number;
  incidents: number;
  label: string;
  /** Outside the actor's home countries. */
  external: boolean;
}

const COUNTRIES = toGeoFeatures(countries110m as unknown as Topology, 'countries');

/**
 * An inline SVG map of incident places, drawn offline from Natural Earth outlines (world-atlas)
 * with d3-geo: countries holding incidents are shaded, each place is a circle sized by its count,
 * external operations in a second colour. No tiles, no network.
 *
 * @example renderIncidentMap(points, { width: 680, height: 320 })
 */
export function renderIncidentMap(
  points: readonly MapPoint[],
  size: { width: number; height: number },
): string {
  const { width, height } = size;
  const projection = geoNaturalEarth1();
  if (points.length > 0) {
    // Frame the incidents with a margin of at least 12° so a single place keeps its region.
    const lons = points.map((p) => p.longitude);
    const lats = points.map((p) => p.latitude);
    const pad = 12;
    const frame = {
      type: 'MultiPoint' as const,
      coordinates: [
        [Math.max(-180, Math.min(...lons) - pad), Math.max(-85, Math.min(...lats) - pad)],
        [Math.min(180, Math.max(...lons) + pad), Math.min(85, Math.max(...lats) + pad)],
      ],
    };
    projection.fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      frame,
    );
  } else {
    projection.fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      { type: 'Sphere' },
    );
  }
  const path = geoPath(projection);
  const struck = new Set(
    COUNTRIES.filter((c) => points.some((p) => geoContains(c, [p.longitude, p.latitude]))).map(
      (c) => c.id,
    ),
  );
  const max = Math.max(1, ...points.map((p) => p.incidents));
  const shapes = COUNTRIES.map((c) => {
    const d = path(c);
    return d
      ? `<path d="${d}" class="${struck.has(c.id) ? 'country struck' : 'country'}"><title>${escapeXml(c.properties.name ?? '')}</title></path>`
      : '';
  }).join('');
  const circles = [...points]
    .sort((a, b) => b.incidents - a.incidents)
    .map((p) => {
      const xy = projection([p.longitude, p.latitude]);
      if (!xy) return '';
      const r = 3 + 9 * Math.sqrt(p.incidents / max);
      return `<circle cx="${xy[0].toFixed(1)}" cy="${xy[1].toFixed(1)}" r="${r.toFixed(1)}" class="${p.external ? 'point external' : 'point'}"><title>${escapeXml(p.label)}</title></circle>`;
    })
    .join('');
  // Label the busiest places, skipping any that would sit on a label already placed.
  const placed: Array<[number, number]> = [];
  const labels = [...points]
    .sort((a, b) => b.incidents - a.incidents)
    .map((p) => {
      const xy = projection([p.longitude, p.latitude]);
      if (
        !xy ||
        placed.length >= 8 ||
        placed.some(([x, y]) => Math.abs(x - xy[0]) < 60 && Math.abs(y - xy[1]) < 11)
      )
        return '';
      placed.push([xy[0], xy[1]]);
      return `<text x="${(xy[0] + 8).toFixed(1)}" y="${(xy[1] + 3).toFixed(1)}" class="label">${escapeXml(p.label)}</text>`;
    })
    .join('');
  const graticule = path(geoGraticule10()) ?? '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Map of incident places">
<defs><clipPath id="map-clip"><rect width="${width}" height="${height}"/></clipPath></defs>
<g clip-path="url(#map-clip)"><rect width="${width}" height="${height}" class="sea"/><path d="${graticule}" class="graticule"/>${shapes}${circles}${labels}</g>
<rect width="${width}" height="${height}" class="frame"/></svg>`;
}

/** Escapes text for XML and HTML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
