import { useMemo, useState } from 'react';
import { callApi } from '../api.js';
import { Link, navigate } from '../router.js';
import { GraphKeys, type GraphKey, type GraphSelection } from './graph-keys.js';
import './graph-keys.css';
import { LoadState } from '../ui.js';
import { useLoad } from '../use-load.js';
import type { ActorProfileView } from '../analysis-types.js';

interface Node {
  id: string;
  label: string;
  kind: 'actor' | 'other' | 'place' | 'target';
  /** Where the node opens: the actor's profile, or a search for a place or target. */
  href: string;
  x: number;
  y: number;
}

const W = 760;
const H = 480;

/**
 * A small force layout of our own (repulsion, springs, centring; a fixed number of steps, so the
 * same profile always gives the same picture).
 */
function layout(nodes: Node[], edges: Array<[number, number]>): Node[] {
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n - 1);
    node.x = i === 0 ? W / 2 : W / 2 + Math.cos(a) * 180;
    node.y = i === 0 ? H / 2 : H / 2 + Math.sin(a) * 150;
  });
  for (let step = 0; step < 200; step++) {
    const fx = new Array<number>(n).fill(0);
    const fy = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i] as Node;
        const b = nodes[j] as Node;
        const dx = a.x - b.x || 0.01;
        const dy = a.y - b.y || 0.01;
        const d2 = Math.max(dx * dx + dy * dy, 100);
        const f = 3000 / d2;
        fx[i]! += dx * f * 0.05;
        fy[i]! += dy * f * 0.05;
        fx[j]! -= dx * f * 0.05;
        fy[j]! -= dy * f * 0.05;
      }
    }
    for (const [s, t] of edges) {
      const a = nodes[s] as Node;
      const b = nodes[t] as Node;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - 150) * 0.02;
      fx[s]! += (dx / d) * f;
      fy[s]! += (dy / d) * f;
      fx[t]! -= (dx / d) * f;
      fy[t]! -= (dy / d) * f;
    }
    for (let i = 1; i < n; i++) {
      const node = nodes[i] as Node;
      node.x = Math.min(W - 70, Math.max(70, node.x + (fx[i] as number)));
      node.y = Math.min(H - 30, Math.max(30, node.y + (fy[i] as number)));
    }
  }
  return nodes;
}

/** The graph of an actor's relationships: other actors, places and targets, as SVG. */
export function GraphPage(props: { actor: string }) {
  const profile = useLoad(
    () =>
      callApi<ActorProfileView>('GET', `/api/actors/${encodeURIComponent(props.actor)}/profile`),
    [props.actor],
  );
  return (
    <LoadState state={profile} label="Graph">
      {(p) => <Graph profile={p} />}
    </LoadState>
  );
}

const KIND_WORDS: Record<Node['kind'], string> = {
  actor: 'actor',
  other: 'related actor',
  place: 'place',
  target: 'target',
};

const searchFor = (text: string) => `/search?q=${encodeURIComponent(text)}`;

function Graph(props: { profile: ActorProfileView }) {
  const p = props.profile;
  const [selected, setSelected] = useState<GraphSelection>();
  const { nodes, edges, edgeHrefs } = useMemo(() => {
    const actorHref = (id: string) => `/actors/${encodeURIComponent(id)}`;
    const nodes: Node[] = [
      {
        id: p.actor.id,
        label: p.actor.name,
        kind: 'actor',
        href: actorHref(p.actor.id),
        x: 0,
        y: 0,
      },
    ];
    const edges: Array<[number, number, string]> = [];
    // The relationship object for actor edges; a search for the rest, which are counts, not objects.
    const edgeHrefs: string[] = [];
    for (const r of p.relationships) {
      nodes.push({
        id: r.otherActorId,
        label: r.otherActorName,
        kind: 'other',
        href: actorHref(r.otherActorId),
        x: 0,
        y: 0,
      });
      edges.push([0, nodes.length - 1, r.relationshipType]);
      edgeHrefs.push(`/objects/${encodeURIComponent(r.id)}`);
    }
    for (const pl of p.places.slice(0, 8)) {
      const href = searchFor(pl.name);
      nodes.push({ id: `place:${pl.key}`, label: pl.name, kind: 'place', href, x: 0, y: 0 });
      edges.push([0, nodes.length - 1, `${pl.incidents} incident${pl.incidents === 1 ? '' : 's'}`]);
      edgeHrefs.push(href);
    }
    for (const t of p.targets.slice(0, 6)) {
      const href = searchFor(t.name);
      nodes.push({ id: t.key, label: t.name, kind: 'target', href, x: 0, y: 0 });
      edges.push([0, nodes.length - 1, 'targets']);
      edgeHrefs.push(href);
    }
    layout(
      nodes,
      edges.map(([a, b]) => [a, b]),
    );
    return { nodes, edges, edgeHrefs };
  }, [p]);
  const nodeKeys: GraphKey[] = nodes.map((n) => ({
    key: n.id,
    label: `${n.label} (${KIND_WORDS[n.kind]})`,
    href: n.href,
  }));
  const edgeKeys: GraphKey[] = edges.map(([a, b, label], i) => ({
    key: `${i}`,
    label: `${nodes[a]?.label ?? ''} — ${label} — ${nodes[b]?.label ?? ''}`,
    href: edgeHrefs[i] ?? '/',
  }));
  const isSelected = (kind: 'node' | 'edge', index: number) =>
    selected?.kind === kind && selected.index === index;
  return (
    <>
      <h1>Relationships of {p.actor.name}</h1>
      <p>
        <Link to={`/actors/${p.actor.id}`}>Back to the profile</Link>
      </p>
      <svg className="graph" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="graph-title">
        <title id="graph-title">
          {p.actor.name}: {p.relationships.length} actor relationships,{' '}
          {Math.min(8, p.places.length)} places, {Math.min(6, p.targets.length)} targets
        </title>
        {edges.map(([a, b, label], i) => {
          const s = nodes[a] as Node;
          const t = nodes[b] as Node;
          return (
            <g key={i}>
              <line
                x1={s.x}
                y1={s.y}
                x2={t.x}
                y2={t.y}
                className={isSelected('edge', i) ? 'edge selected' : 'edge'}
              />
              <text x={(s.x + t.x) / 2} y={(s.y + t.y) / 2 - 4} className="edge-label">
                {label}
              </text>
            </g>
          );
        })}
        {nodes.map((node, i) => (
          <g
            key={node.id}
            className={`node ${node.kind}${isSelected('node', i) ? ' selected' : ''}`}
            transform={`translate(${node.x},${node.y})`}
            onClick={() => navigate(node.href)}
          >
            <circle r={node.kind === 'actor' ? 16 : 10} />
            <text y={node.kind === 'actor' ? 30 : 24} textAnchor="middle">
              {node.label}
            </text>
          </g>
        ))}
      </svg>
      <p className="legend">
        <span className="dot actor" /> actor <span className="dot other" /> related actor{' '}
        <span className="dot place" /> place <span className="dot target" /> target
      </p>
      <p className="muted">
        Tab through the nodes and relationships below: each one is highlighted in the picture, and
        Enter opens it.
      </p>
      <GraphKeys nodes={nodeKeys} edges={edgeKeys} selected={selected} onSelect={setSelected} />
    </>
  );
}
