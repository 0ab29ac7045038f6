/** A TopoJSON topology (the subset world-atlas uses: quantized arcs, polygons and multipolygons). */
export interface Topology {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: Array<Array<[number, number]>>;
  objects: Record<string, TopoGeometry>;
}

interface TopoGeometry {
  type: string;
  arcs?: unknown;
  geometries?: TopoGeometry[];
}

/** A GeoJSON MultiPolygon, what d3-geo draws. */
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Array<Array<Array<[number, number]>>>;
}

/**
 * Decodes one object of a TopoJSON topology into a single GeoJSON MultiPolygon (TopoJSON
 * specification §2.1.4: quantized, delta-encoded arcs; a negative index ~i is arc i reversed).
 *
 * @example toMultiPolygon(land, 'land')
 */
export function toMultiPolygon(topology: Topology, name: string): MultiPolygon {
  const t = topology.transform;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]): [number, number] => {
      if (!t) return [dx, dy];
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
  const ring = (indexes: number[]) => {
    const points: Array<[number, number]> = [];
    for (const i of indexes) {
      const arc = i < 0 ? [...(arcs[~i] ?? [])].reverse() : (arcs[i] ?? []);
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  };
  const polygons: MultiPolygon['coordinates'] = [];
  const visit = (g: TopoGeometry) => {
    if (g.type === 'GeometryCollection') g.geometries?.forEach(visit);
    else if (g.type === 'Polygon') polygons.push((g.arcs as number[][]).map(ring));
    else if (g.type === 'MultiPolygon') {
      for (const p of g.arcs as number[][][]) polygons.push(p.map(ring));
    }
  };
  const root = topology.objects[name];
  if (root) visit(root);
  return { type: 'MultiPolygon', coordinates: polygons };
}
