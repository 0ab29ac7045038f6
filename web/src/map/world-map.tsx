import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { geoEqualEarth, geoPath } from 'd3-geo';
import land from 'world-atlas/land-110m.json' with { type: 'json' };
import { navigate } from '../router.js';
import { toCountText, type IncidentPoint } from '../stix.js';
import { toMultiPolygon, type Topology } from './topology.js';

const LAND = toMultiPolygon(land as unknown as Topology, 'land');
const CELL = 12;

/**
 * A world map of incidents drawn on a canvas (offline: world-atlas shapes, d3-geo projection), so
 * that tens of thousands of points stay interactive: hover names the nearest incident through a
 * grid index, a click opens it, the buttons and the +/− keys zoom, arrows pan.
 *
 * @example <WorldMap points={points} label="Incidents" />
 */
export function WorldMap(props: { points: IncidentPoint[]; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(720);
  const height = props.height ?? Math.min(440, Math.round(width * 0.5));
  const [view, setView] = useState({ k: 1, x: 0, y: 0 });
  const [hover, setHover] = useState<{ p: IncidentPoint; x: number; y: number }>();
  const wrap = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(320, Math.floor(el.clientWidth))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const projection = useMemo(() => {
    const p = geoEqualEarth().fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      { type: 'Sphere' },
    );
    const [tx, ty] = p.translate();
    return p
      .scale(p.scale() * view.k)
      .translate([
        (tx - width / 2) * view.k + width / 2 + view.x,
        (ty - height / 2) * view.k + height / 2 + view.y,
      ]);
  }, [width, height, view]);

  // Screen positions and a grid of cells: the nearest point is found among a few cells.
  const index = useMemo(() => {
    const xy = new Float32Array(props.points.length * 2);
    const grid = new Map<number, number[]>();
    props.points.forEach((pt, i) => {
      const s = projection([pt.longitude, pt.latitude]);
      const x = s ? s[0] : -1;
      const y = s ? s[1] : -1;
      xy[i * 2] = x;
      xy[i * 2 + 1] = y;
      const key = Math.floor(x / CELL) * 10_000 + Math.floor(y / CELL);
      const cell = grid.get(key);
      if (cell) cell.push(i);
      else grid.set(key, [i]);
    });
    return { xy, grid };
  }, [props.points, projection]);

  // Drawn in a layout effect: the canvas's new size and its new picture reach the screen together.
  useLayoutEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = width * dpr;
    c.height = height * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const path = geoPath(projection, ctx);
    ctx.beginPath();
    path({ type: 'Sphere' });
    ctx.fillStyle = '#eef3f8';
    ctx.fill();
    ctx.beginPath();
    path(LAND);
    ctx.fillStyle = '#d5dbe3';
    ctx.fill();
    ctx.strokeStyle = '#b7c0cc';
    ctx.lineWidth = 0.5;
    ctx.stroke();
    const many = props.points.length > 2000;
    ctx.fillStyle = many ? 'rgba(178, 34, 34, 0.35)' : 'rgba(178, 34, 34, 0.75)';
    const { xy } = index;
    if (many) {
      // Squares without paths: tens of thousands of points draw in a few milliseconds.
      for (let i = 0; i < xy.length; i += 2) {
        const x = xy[i] as number;
        const y = xy[i + 1] as number;
        if (x < 0 || y < 0 || x > width || y > height) continue;
        ctx.fillRect(x - 0.8, y - 0.8, 1.6, 1.6);
      }
    } else {
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1;
      for (let i = 0; i < xy.length; i += 2) {
        ctx.beginPath();
        ctx.arc(xy[i] as number, xy[i + 1] as number, 4.5, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      }
    }
  }, [index, projection, width, height, props.points.length]);

  const nearest = (x: number, y: number): number | undefined => {
    let best: number | undefined;
    let bestD = 64;
    const cx = Math.floor(x / CELL);
    const cy = Math.floor(y / CELL);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const i of index.grid.get((cx + dx) * 10_000 + cy + dy) ?? []) {
          const d =
            ((index.xy[i * 2] as number) - x) ** 2 + ((index.xy[i * 2 + 1] as number) - y) ** 2;
          if (d < bestD) {
            bestD = d;
            best = i;
          }
        }
      }
    }
    return best;
  };

  const onMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const i = nearest(x, y);
    setHover(i === undefined ? undefined : { p: props.points[i] as IncidentPoint, x, y });
  };
  const zoom = (f: number) =>
    setView((v) => ({ k: Math.min(16, Math.max(1, v.k * f)), x: v.x * f, y: v.y * f }));
  const pan = (dx: number, dy: number) => setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      '+': () => zoom(1.5),
      '=': () => zoom(1.5),
      '-': () => zoom(1 / 1.5),
      ArrowLeft: () => pan(40, 0),
      ArrowRight: () => pan(-40, 0),
      ArrowUp: () => pan(0, 40),
      ArrowDown: () => pan(0, -40),
      '0': () => setView({ k: 1, x: 0, y: 0 }),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  return (
    <div className="map" ref={wrap}>
      <div
        className="map-canvas"
        tabIndex={0}
        role="group"
        aria-label={`${props.label}: ${props.points.length} incidents on a world map. Plus and minus zoom, arrows pan, 0 resets.`}
        onKeyDown={onKey}
      >
        <canvas
          ref={canvas}
          style={{ width, height }}
          data-points={props.points.length}
          onMouseMove={onMove}
          onMouseLeave={() => setHover(undefined)}
          onClick={() => hover && navigate(`/objects/${hover.p.id}`)}
          aria-hidden="true"
        />
        {hover && (
          <div className="map-tip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
            <strong>{hover.p.name}</strong>
            <br />
            {hover.p.date ?? 'date unknown'}
            {hover.p.fatalitiesRange ? ` · ${toCountText(hover.p.fatalitiesRange)} killed` : ''}
          </div>
        )}
      </div>
      <div className="map-tools">
        <button type="button" onClick={() => zoom(1.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoom(1 / 1.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => setView({ k: 1, x: 0, y: 0 })}>
          Reset
        </button>
        <span className="muted">
          {props.points.length.toLocaleString('en')} incidents with coordinates
        </span>
      </div>
    </div>
  );
}
