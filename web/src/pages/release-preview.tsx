import { useState, type ReactNode } from 'react';
import type { StixObject } from '../stix.js';
import { nameOf } from '../ui.js';
import type {
  PreviewItemView,
  PreviewView,
  RelatedOfferView,
  ReleaseFinding,
} from './sharing-types.js';
import {
  diffWords,
  overlayFindings,
  toFields,
  type Field,
  type Segment,
} from './release-preview-diff.js';
import './release-preview.css';

const HIDDEN = new Set(['spec_version']);
// A release of thousands of objects would freeze the page if every diff table were drawn at once.
const PAGE = 50;

function Segments(props: { segments: Segment[]; side: 'before' | 'after' }): ReactNode {
  return props.segments.map((s, i) => {
    let node: ReactNode = s.text;
    if (s.finding !== undefined) {
      node = (
        <mark className="finding" id={`finding-${s.finding}`} title="Residual scan finding">
          {node}
        </mark>
      );
    }
    if (s.changed) {
      node =
        props.side === 'before' ? (
          <del className="text-removed" title="Removed or rewritten for the partner">
            {node}
          </del>
        ) : (
          <ins className="text-rewritten" title="Written by a transform">
            {node}
          </ins>
        );
    }
    return <span key={i}>{node}</span>;
  });
}

// Where a finding's text is in a field's value: at its offsets when they still point at it.
function findingRanges(value: string, findings: readonly ReleaseFinding[]) {
  return findings.flatMap((f) => {
    if (value.slice(f.start, f.end) === f.text) return [{ id: f.id, start: f.start, end: f.end }];
    const at = value.indexOf(f.text);
    return at < 0 ? [] : [{ id: f.id, start: at, end: at + f.text.length }];
  });
}

function FieldRow(props: {
  label: string;
  before?: string;
  after?: string;
  released: boolean;
  findings: readonly ReleaseFinding[];
}) {
  const { before, after } = props;
  const cls =
    before === after
      ? ''
      : after === undefined
        ? 'removed'
        : before === undefined
          ? 'added'
          : 'changed';
  const diff =
    before !== undefined && after !== undefined
      ? diffWords(before, after)
      : {
          before: before === undefined ? [] : [{ text: before, changed: after === undefined }],
          after: after === undefined ? [] : [{ text: after, changed: before === undefined }],
        };
  const onKey = props.findings.filter((f) => f.path.endsWith(' (key)'));
  const inText = props.findings.filter((f) => !f.path.endsWith(' (key)'));
  const afterSegments =
    after === undefined ? [] : overlayFindings(diff.after, findingRanges(after, inText));
  return (
    <tr className={`${cls}${props.findings.length > 0 ? ' has-finding' : ''}`}>
      <th scope="row">
        {onKey.length > 0 ? (
          <mark className="finding" id={`finding-${onKey[0]!.id}`} title="Residual scan finding">
            {props.label}
          </mark>
        ) : (
          props.label
        )}
      </th>
      <td>{before === undefined ? '—' : <Segments segments={diff.before} side="before" />}</td>
      <td>
        {after === undefined ? (
          props.released ? (
            <del className="text-removed">(removed)</del>
          ) : (
            '—'
          )
        ) : (
          <Segments segments={afterSegments} side="after" />
        )}
      </td>
    </tr>
  );
}

function PreviewItem(props: { item: PreviewItemView; findings: readonly ReleaseFinding[] }) {
  const { item } = props;
  const before = toFields(item.source, HIDDEN);
  const after = toFields(item.released, HIDDEN);
  const afterByPath = new Map(after.map((f) => [f.path, f]));
  const beforePaths = new Set(before.map((f) => f.path));
  // Rows in the order we hold them; what only the partner receives (a renamed key) follows.
  const rows: Array<{ label: string; path: string; a?: Field; b?: Field }> = [
    ...before.map((a) => ({ label: a.label, path: a.path, a, b: afterByPath.get(a.path) })),
    ...after
      .filter((b) => !beforePaths.has(b.path))
      .map((b) => ({ label: b.label, path: b.path, b })),
  ];
  const fieldFindings = (path: string) =>
    props.findings.filter((f) => f.path === path || f.path.replace(/ \(key\)$/, '') === path);
  return (
    <article className="preview-item" data-object={item.decision.sourceId}>
      <h3>
        <span className="badge">{item.source.type}</span> {nameOf(item.source)}{' '}
        {item.decision.released ? (
          <span className="badge state-accepted">released</span>
        ) : (
          <span className="badge state-rejected">withheld</span>
        )}
        {props.findings.length > 0 && (
          <span className="badge finding-count">
            {props.findings.length} finding{props.findings.length === 1 ? '' : 's'}
          </span>
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
          {rows.map((r) => (
            <FieldRow
              key={r.path}
              label={r.label}
              {...(r.a === undefined ? {} : { before: r.a.value })}
              {...(r.b === undefined ? {} : { after: r.b.value })}
              released={item.released !== undefined}
              findings={fieldFindings(r.path)}
            />
          ))}
        </tbody>
      </table>
    </article>
  );
}

function FindingsList(props: {
  findings: readonly ReleaseFinding[];
  nameOfReleased: (id: string) => string;
}) {
  return (
    <section className="preview-findings" aria-label="Residual scan findings in the preview">
      <h3>
        {props.findings.length} finding{props.findings.length === 1 ? '' : 's'} of the residual scan
      </h3>
      <ol>
        {props.findings.map((f) => (
          <li key={f.id}>
            <span className="badge">{f.kind}</span>{' '}
            <a href={`#finding-${f.id}`}>
              <mark className="finding">{f.text}</mark>
            </a>{' '}
            <span className="muted">
              in {f.path} of {props.nameOfReleased(f.objectId)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function RelatedList(props: { related: readonly RelatedOfferView[] }) {
  return (
    <section className="preview-related" aria-label="Related objects offered">
      <h3>Related objects the agreement allows</h3>
      <ul>
        {props.related.map((r) => (
          <li key={r.relationshipId}>
            {r.relationshipType} {r.targetName ?? r.targetId}{' '}
            <span className="muted">({r.targetType})</span>{' '}
            {r.included ? (
              <span className="badge state-accepted">included</span>
            ) : (
              <span className="badge">not included</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What we hold beside what the partner will receive, object by object, in full: the residual
 * scan's findings first (each marked where it is in the text), then every object, those with
 * findings first; every word a transform removed or rewrote is marked in both columns, and
 * structured values (extensions, casualty ranges) are shown as fields, not JSON.
 */
export function ReleasePreview(props: { preview: PreviewView }) {
  const { items } = props.preview;
  const findings = props.preview.findings ?? [];
  const related = props.preview.related ?? [];
  const byReleased = new Map<string, ReleaseFinding[]>();
  for (const f of findings) byReleased.set(f.objectId, [...(byReleased.get(f.objectId) ?? []), f]);
  const findingsOf = (item: PreviewItemView) =>
    item.decision.releasedId === undefined ? [] : (byReleased.get(item.decision.releasedId) ?? []);
  const ordered = [
    ...items.filter((i) => findingsOf(i).length > 0),
    ...items.filter((i) => findingsOf(i).length === 0),
  ];
  const withFindings = items.length - ordered.filter((i) => findingsOf(i).length === 0).length;
  const [shown, setShown] = useState(Math.max(PAGE, withFindings));
  const released = items.filter((i) => i.decision.released).length;
  const names = new Map<string, string>(
    items.flatMap((i) =>
      i.decision.releasedId === undefined
        ? []
        : [[i.decision.releasedId, nameOf(i.source as StixObject)]],
    ),
  );
  return (
    <div className="preview" aria-label="Release preview">
      <p>
        <strong>{released}</strong> of {items.length} objects will be released
        {props.preview.bundle ? ` in bundle ${props.preview.bundle.id}` : ''}.
      </p>
      {findings.length > 0 && (
        <FindingsList findings={findings} nameOfReleased={(id) => names.get(id) ?? id} />
      )}
      {related.length > 0 && <RelatedList related={related} />}
      <p className="preview-legend muted">
        <del className="text-removed">Struck through</del>: removed or rewritten for the partner;{' '}
        <ins className="text-rewritten">underlined</ins>: what a transform wrote in its place;{' '}
        <mark className="finding">marked</mark>: a finding of the residual scan.
      </p>
      {ordered.slice(0, shown).map((item) => (
        <PreviewItem key={item.decision.sourceId} item={item} findings={findingsOf(item)} />
      ))}
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
