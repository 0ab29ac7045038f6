import type { KeyboardEvent, MouseEvent } from 'react';
import { navigate } from '../router.js';

/** A node or an edge of the graph as the keyboard list shows it: a label and where it opens. */
export interface GraphKey {
  key: string;
  label: string;
  href: string;
}

/** Which element of the picture is highlighted. */
export type GraphSelection = { kind: 'node' | 'edge'; index: number } | undefined;

function KeyList(props: {
  title: string;
  kind: 'node' | 'edge';
  keys: GraphKey[];
  selected: GraphSelection;
  onSelect: (s: GraphSelection) => void;
}) {
  const open = (e: MouseEvent<HTMLAnchorElement>, href: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  // Arrows walk the list as well as Tab, as in a menu, without trapping focus in it.
  const walk = (e: KeyboardEvent<HTMLUListElement>) => {
    const links = [...e.currentTarget.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const to =
      e.key === 'ArrowDown'
        ? at + 1
        : e.key === 'ArrowUp'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? links.length - 1
              : undefined;
    const next = to === undefined ? undefined : links[Math.max(0, Math.min(links.length - 1, to))];
    if (!next) return;
    e.preventDefault();
    next.focus();
  };
  return (
    <section aria-labelledby={`graph-${props.kind}s`}>
      <h2 id={`graph-${props.kind}s`}>{props.title}</h2>
      <ul className="list" onKeyDown={walk}>
        {props.keys.map((k, index) => {
          const current = props.selected?.kind === props.kind && props.selected.index === index;
          return (
            <li key={k.key}>
              <a
                href={k.href}
                aria-current={current ? 'true' : undefined}
                onFocus={() => props.onSelect({ kind: props.kind, index })}
                onMouseEnter={() => props.onSelect({ kind: props.kind, index })}
                onClick={(e) => open(e, k.href)}
              >
                {k.label}
              </a>
            </li>
          );
        })}
        {props.keys.length === 0 && <li className="muted">None.</li>}
      </ul>
    </section>
  );
}

/**
 * The keyboard's way through the graph: every node and every edge as a link in reading order.
 * Focusing one highlights it in the picture (which a pointer cannot reach by Tab); Enter opens
 * the object behind it.
 *
 * @example <GraphKeys nodes={nodes} edges={edges} selected={sel} onSelect={setSel} />
 */
export function GraphKeys(props: {
  nodes: GraphKey[];
  edges: GraphKey[];
  selected: GraphSelection;
  onSelect: (s: GraphSelection) => void;
}) {
  return (
    <div className="graph-keys">
      <KeyList title="Nodes" kind="node" keys={props.nodes} {...props} />
      <KeyList title="Relationships" kind="edge" keys={props.edges} {...props} />
    </div>
  );
}
