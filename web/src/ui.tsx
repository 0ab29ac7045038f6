import type { ReactNode } from 'react';
import type { Loaded } from './use-load.js';

/** Shows a load's progress or error, or its content once there. */
export function LoadState<T>(props: {
  state: Loaded<T>;
  label: string;
  children: (data: T) => ReactNode;
}) {
  const { state } = props;
  if (state.error) {
    return (
      <p className="error" role="alert">
        {props.label}: {state.error}
      </p>
    );
  }
  if (state.data === undefined) {
    return (
      <p className="muted" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> Loading {props.label.toLowerCase()}…
      </p>
    );
  }
  return <>{props.children(state.data)}</>;
}

/** A titled panel of a page. */
export function Panel(props: { title: string; children: ReactNode; id?: string; wide?: boolean }) {
  const id = props.id ?? `panel-${props.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={props.wide ? 'panel wide' : 'panel'} aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** The name of a STIX object, or its id when it has none. */
export function nameOf(o: { name?: unknown; id: string }): string {
  return typeof o.name === 'string' && o.name ? o.name : o.id;
}

/** A STIX timestamp or date as YYYY-MM-DD. */
export function shortDate(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 10) : '';
}
