import { useState } from 'react';
import type { StixObject } from '../stix.js';
import { nameOf } from '../ui.js';
import type { PreviewView } from './sharing-types.js';

const HIDDEN = new Set(['spec_version']);
// A release of thousands of objects would freeze the page if every diff table were drawn at once.
const PAGE = 50;

function fieldsOf(o: StixObject | undefined): Map<string, string> {
  const m = new Map<string, string>();
  if (!o) return m;
  for (const [k, v] of Object.entries(o)) {
    if (!HIDDEN.has(k)) m.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  return m;
}

/**
 * What we hold beside what the partner will receive, object by object: every field that a
 * transform removed or changed is marked, and every withheld object says why.
 */
export function ReleasePreview(props: { preview: PreviewView }) {
  const { items } = props.preview;
  const [shown, setShown] = useState(PAGE);
  const released = items.filter((i) => i.decision.released).length;
  return (
    <div className="preview" aria-label="Release preview">
      <p>
        <strong>{released}</strong> of {items.length} objects will be released
        {props.preview.bundle ? ` in bundle ${props.preview.bundle.id}` : ''}.
      </p>
      {items.slice(0, shown).map((item) => {
        const before = fieldsOf(item.source);
        const after = fieldsOf(item.released);
        const keys = [...new Set([...before.keys(), ...after.keys()])];
        return (
          <article key={item.decision.sourceId} className="preview-item">
            <h3>
              <span className="badge">{item.source.type}</span> {nameOf(item.source)}{' '}
              {item.decision.released ? (
                <span className="badge state-accepted">released</span>
              ) : (
                <span className="badge state-rejected">withheld</span>
              )}
            </h3>
            {item.decision.reason && <p className="error">Withheld: {item.decision.reason}</p>}
            {item.decision.changes.length > 0 && (
              <ul className="changes" aria-label="What the transforms changed">
                {item.decision.changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            )}
            <table className="diff">
              <caption className="sr-only">Fields we hold and fields the partner receives</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">What we hold</th>
                  <th scope="col">What the partner receives</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => {
                  const a = before.get(k);
                  const b = after.get(k);
                  const cls =
                    a === b
                      ? ''
                      : b === undefined
                        ? 'removed'
                        : a === undefined
                          ? 'added'
                          : 'changed';
                  // Unchanged values are cut short: the eye should land on what differs.
                  const short = (v: string) =>
                    cls === '' && v.length > 90 ? `${v.slice(0, 90)}…` : v;
                  return (
                    <tr key={k} className={cls}>
                      <th scope="row">{k}</th>
                      <td>{a === undefined ? '—' : short(a)}</td>
                      <td>{b === undefined ? (item.released ? '(removed)' : '—') : short(b)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </article>
        );
      })}
      {shown < items.length && (
        <p>
          Showing {shown} of {items.length}.{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => setShown((n) => Math.min(items.length, n + PAGE))}
          >
            Show {Math.min(PAGE, items.length - shown)} more
          </button>
        </p>
      )}
    </div>
  );
}
