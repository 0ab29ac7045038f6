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
 * An inline SVG map of incident places (and the legend of the places marked by a number), drawn offline from Natural Earth outlines (world-atlas)
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
  const marks = [...points]
    .sort((a, b) => b.incidents - a.incidents)
    .flatMap((p) => {
      const xy = projection([p.longitude, p.latitude]);
      return xy ? [{ p, x: xy[0], y: xy[1], r: 3 + 9 * Math.sqrt(p.incidents / max) }] : [];
    });
  const circles = marks
    .map(
      ({ p, x, y, r }) =>
        `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" class="${p.external ? 'point external' : 'point'}"><title>${escapeXml(p.label)}</title></circle>`,
    )
    .join('');
  // Label the busiest places where a label fits: right of its point, else left, above or below,
  // never over another label, another place's circle, nor past the frame. A place without room
  // for its name gets a number placed the same way, named in a legend under the map.
  const placed: LabelBox[] = [];
  const legend: string[] = [];
  const labels = marks
    .map((m) => {
      const others = marks
        .filter((o) => o !== m)
        .map((o) => ({ x: o.x - o.r, y: o.y - o.r, w: 2 * o.r, h: 2 * o.r }));
      const fit = (text: string) => {
        const w = text.length * LABEL_CHAR_WIDTH;
        const gap = m.r + 3;
        return [
          { x: m.x + gap, y: m.y - 6, w, h: LABEL_HEIGHT, anchor: 'start' },
          { x: m.x - gap - w, y: m.y - 6, w, h: LABEL_HEIGHT, anchor: 'end' },
          { x: m.x - w / 2, y: m.y - gap - LABEL_HEIGHT, w, h: LABEL_HEIGHT, anchor: 'middle' },
          { x: m.x - w / 2, y: m.y + gap, w, h: LABEL_HEIGHT, anchor: 'middle' },
        ].find(
          (b) =>
            b.x >= 1 &&
            b.x + b.w <= width - 1 &&
            b.y >= 1 &&
            b.y + b.h <= height - 1 &&
            !placed.some((o) => overlaps(o, b)) &&
            !others.some((o) => overlaps(o, b)),
        );
      };
      let text = m.p.label;
      let box = placed.length < 8 ? fit(text) : undefined;
      if (!box) {
        text = String(legend.length + 1);
        box = fit(text);
        legend.push(
          `<li value="${legend.length + 1}">${escapeXml(m.p.label)}${box ? '' : ' (too close to others to mark)'}</li>`,
        );
        if (!box) return '';
      }
      placed.push(box);
      const x =
        box.anchor === 'start' ? box.x : box.anchor === 'end' ? box.x + box.w : box.x + box.w / 2;
      return `<text x="${x.toFixed(1)}" y="${(box.y + 9).toFixed(1)}" text-anchor="${box.anchor}" class="label">${escapeXml(text)}</text>`;
    })
    .join('');
  const graticule = path(geoGraticule10()) ?? '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Map of incident places">
<defs><clipPath id="map-clip"><rect width="${width}" height="${height}"/></clipPath></defs>
<g clip-path="url(#map-clip)"><rect width="${width}" height="${height}" class="sea"/><path d="${graticule}" class="graticule"/>${shapes}${circles}${labels}</g>
<rect width="${width}" height="${height}" class="frame"/></svg>${
    legend.length > 0
      ? `<ol class="map-legend" aria-label="Numbered places">${legend.join('')}</ol>`
      : ''
  }`;
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
