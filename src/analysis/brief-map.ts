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
  // Label the busiest places where a label fits: to the right of its point, else to the left,
  // never over another label nor past the frame. A place that finds no room keeps its tooltip.
  const placed: LabelBox[] = [];
  const labels = [...points]
    .sort((a, b) => b.incidents - a.incidents)
    .map((p) => {
      const xy = projection([p.longitude, p.latitude]);
      if (!xy || placed.length >= 8) return '';
      const w = p.label.length * LABEL_CHAR_WIDTH;
      const box = [
        { x: xy[0] + 8, y: xy[1] - 6, w, h: LABEL_HEIGHT, anchor: 'start' },
        { x: xy[0] - 8 - w, y: xy[1] - 6, w, h: LABEL_HEIGHT, anchor: 'end' },
      ].find(
        (b) =>
          b.x >= 1 &&
          b.x + b.w <= width - 1 &&
          b.y >= 1 &&
          b.y + b.h <= height - 1 &&
          !placed.some((o) => overlaps(o, b)),
      );
      if (!box) return '';
      placed.push(box);
      const x = box.anchor === 'start' ? box.x : box.x + box.w;
      return `<text x="${x.toFixed(1)}" y="${(xy[1] + 3).toFixed(1)}" text-anchor="${box.anchor}" class="label">${escapeXml(p.label)}</text>`;
    })
    .join('');
  const graticule = path(geoGraticule10()) ?? '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Map of incident places">
<defs><clipPath id="map-clip"><rect width="${width}" height="${height}"/></clipPath></defs>
<g clip-path="url(#map-clip)"><rect width="${width}" height="${height}" class="sea"/><path d="${graticule}" class="graticule"/>${shapes}${circles}${labels}</g>
<rect width="${width}" height="${height}" class="frame"/></svg>`;
}

/** A label's box on the map, in the SVG's pixels. */
interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

// An upper bound of the 8 px sans-serif label (brief-style.ts) per character, and its line.
const LABEL_CHAR_WIDTH = 5;
const LABEL_HEIGHT = 10;

/** Whether two label boxes share any pixel. */
export function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Escapes text for XML and HTML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
