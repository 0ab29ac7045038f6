/**
 * A minimal TopoJSON → GeoJSON decoder for world-atlas's quantized topologies (TopoJSON spec
 * §2.1.3 delta-encoded arcs, §2.2.2 arc indexes where ~i means arc i reversed). Only Polygon and
 * MultiPolygon are needed for country outlines.
 */
export interface Topology {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<string, { type: 'GeometryCollection'; geometries: TopoGeometry[] }>;
}

interface TopoGeometry {
  type: string;
  id?: string;
  arcs?: number[][] | number[][][];
  properties?: Record<string, unknown>;
}

export interface CountryFeature {
  type: 'Feature';
  id?: string;
  properties: { name?: string };
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/**
 * The polygons of one named object of a topology as GeoJSON features.
 *
 * @example toGeoFeatures(countries110m, 'countries').length // 177
 */
export function toGeoFeatures(topology: Topology, objectName: string): CountryFeature[] {
  const [sx, sy] = topology.transform?.scale ?? [1, 1];
  const [tx, ty] = topology.transform?.translate ?? [0, 0];
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      if (topology.transform) {
        x += dx!;
        y += dy!;
        return [x * sx + tx, y * sy + ty];
      }
      return [dx!, dy!];
    });
  });
  const ring = (indexes: number[]): number[][] => {
    const points: number[][] = [];
    for (const i of indexes) {
      const arc = i < 0 ? [...arcs[~i]!].reverse() : arcs[i]!;
      // Consecutive arcs share their joining point; keep it once.
      points.push(...(points.length > 0 ? arc.slice(1) : arc));
    }
    return points;
  };
  const object = topology.objects[objectName];
  if (!object) return [];
  const out: CountryFeature[] = [];
  for (const g of object.geometries) {
    const properties = {
      name: typeof g.properties?.name === 'string' ? g.properties.name : undefined,
    };
    if (g.type === 'Polygon') {
      out.push({
        type: 'Feature',
        id: g.id,
        properties,
        geometry: { type: 'Polygon', coordinates: (g.arcs as number[][]).map(ring) },
      });
    } else if (g.type === 'MultiPolygon') {
      out.push({
        type: 'Feature',
        id: g.id,
        properties,
        geometry: {
          type: 'MultiPolygon',
          coordinates: (g.arcs as number[][][]).map((p) => p.map(ring)),
        },
      });
    }
  }
  return out;
}
