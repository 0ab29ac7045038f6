import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { DraftItem } from './review-api.js';
import { ApiError } from '../api.js';
import { Link } from '../router.js';
import type { StixObject } from '../stix.js';
import { LoadState, nameOf, Panel, shortDate } from '../ui.js';
import { useLoad } from '../use-load.js';
import { reviewApi, type DraftViewData } from './review-api.js';
import { ReportsInbox, SubmitReport } from './inbox-submit.js';
import { ReviewEditForm } from './review-edit-form.js';
import { ReviewFeeds } from './review-feeds.js';
import { ReviewGrade } from './review-grade.js';
import { DecisionSummary } from './review-decision.js';

interface Span {
  start: number;
  end: number;
  itemId: string;
}

// Bidi embeddings, overrides and isolates in a report could reorder what the analyst reads (and
// spill into the page): shown without them, stored with them (issue 15).
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** A piece of a report as displayed: its bidi controls neutralised. */
export function toDisplayText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * The report's text with the evidence spans of the proposed items marked; everything stays text
 * nodes (a report's own markup is shown, never run).
 *
 * @example toHighlighted('ISIS-K claimed…', [{ start: 0, end: 6, itemId: 'a' }], 'a')
 */
export function toHighlighted(text: string, spans: Span[], selected?: string): ReactNode[] {
  // Spans may overlap (an incident's sentence holds its actor's name): the selected item's spans
  // win, then the shorter ones, so that the words of each claim stay visible.
  const ranked = [...spans]
    .filter((s) => s.end > s.start)
    .sort(
      (a, b) =>
        Number(b.itemId === selected) - Number(a.itemId === selected) ||
        a.end - a.start - (b.end - b.start),
    );
  const chosen: Span[] = [];
  for (const s of ranked) {
    if (!chosen.some((c) => s.start < c.end && c.start < s.end)) chosen.push(s);
  }
  chosen.sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const s of chosen) {
    if (s.start > at) out.push(toDisplayText(text.slice(at, s.start)));
    out.push(
      <mark key={`${s.itemId}-${s.start}`} className={s.itemId === selected ? 'selected' : ''}>
        {toDisplayText(text.slice(s.start, s.end))}
      </mark>,
    );
    at = s.end;
  }
  out.push(toDisplayText(text.slice(at)));
  return out;
}

/** A proposed item's label: its name, or for a relationship the names at both ends. */
function labelOf(it: DraftItem, items: DraftItem[]): string {
  const o = it.object as StixObject;
  if (o.type !== 'relationship') return nameOf(o);
  const name = (ref: unknown) => {
    const found = items.find((x) => x.object.id === ref);
    return found ? nameOf(found.object) : String(ref).split('--')[0];
  };
  return `${name(o.source_ref)} ${String(o.relationship_type)} ${name(o.target_ref)}`;
}

function spansOf(items: DraftItem[]): Span[] {
  return items.flatMap((it) => {
    const ev = (it.object as StixObject).x_tearline_evidence;
    return Array.isArray(ev)
      ? (ev as Array<{ start: number; end: number }>).map((e) => ({
          start: e.start,
          end: e.end,
          itemId: it.itemId,
        }))
      : [];
  });
}

/** The inbox: drafts waiting for review, or, without the review API, the reports in the store. */
export function InboxPage() {
  const drafts = useLoad(
    () =>
      reviewApi.listDrafts().catch((e: unknown) => {
        if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return undefined;
        throw e;
      }),
    [],
  );
  const [selected, setSelected] = useState<string>();
  if (drafts.error) {
    return (
      <p className="error" role="alert">
        Drafts: {drafts.error}
      </p>
    );
  }
  if (drafts.loading && !drafts.data) return <p role="status">Loading the inbox…</p>;
  if (!drafts.data) return <ReportsInbox />;
  const list = drafts.data.drafts;
  // Until the analyst picks one, the newest draft is open: the inbox opens on work, not a blank.
  const current = selected ?? list[0]?.id;
  return (
    <>
      <h1>Inbox</h1>
      <SubmitReport
        onSubmitted={(id) => {
          drafts.reload();
          setSelected(id);
        }}
      />
      <ReviewFeeds onPolled={drafts.reload} />
      <div className="split">
        <nav aria-label="Drafts" className="draft-list panel">
          <h2>Drafts to review ({list.length})</h2>
          {list.length === 0 && <p className="muted">Nothing waits for review.</p>}
          <ul className="list">
            {list.map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  className={d.id === current ? 'link-button active' : 'link-button'}
                  aria-current={d.id === current ? 'true' : undefined}
                  onClick={() => setSelected(d.id)}
                >
                  <bdi>{toDisplayText(d.title ?? d.origin)}</bdi>
                </button>
                {d.language && d.language !== 'en' && (
                  <span className="muted" lang="en">
                    {' '}
                    [{d.language}]
                  </span>
                )}
                <span className="muted"> {shortDate(d.published ?? d.created)}</span>
              </li>
            ))}
          </ul>
        </nav>
        {current ? (
          <DraftReview
            key={current}
            draftId={current}
            onDone={() => {
              // The decided draft stays open (with what it made and an undo) though it leaves the list.
              setSelected(current);
              drafts.reload();
            }}
          />
        ) : (
          <p className="muted">Submit a report above; its draft appears here for review.</p>
        )}
      </div>
    </>
  );
}

function DraftReview(props: { draftId: string; onDone: () => void }) {
  const view = useLoad(() => reviewApi.getDraft(props.draftId), [props.draftId]);
  return (
    <LoadState state={view} label="Draft">
      {(v) => <Review view={v} reload={view.reload} onDone={props.onDone} />}
    </LoadState>
  );
}

function Review(props: { view: DraftViewData; reload: () => void; onDone: () => void }) {
  const { draft, items, mergeCandidates } = props.view;
  const [cursor, setCursor] = useState(0);
  // Shortcuts work wherever focus is on the page (outside form fields), not only inside the panel.
  const keyHandler = useRef<(e: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keyHandler.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [editing, setEditing] = useState<string>();
  const current = items[cursor];
  const act = useCallback(
    async (label: string, run: () => Promise<unknown>) => {
      try {
        await run();
        setMessage({ ok: true, text: label });
        props.reload();
        props.onDone();
      } catch (e) {
        setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
      }
    },
    [props],
  );
  const accept = (it: DraftItem) =>
    act(`Accepted ${labelOf(it, items)}.`, () => reviewApi.accept(draft.id, it.itemId));
  const reject = (it: DraftItem) =>
    act(`Rejected ${labelOf(it, items)}.`, () => reviewApi.reject(draft.id, it.itemId));
  const edit = (it: DraftItem) => {
    if (it.state === 'proposed' && it.kind !== 'relationship') setEditing(it.itemId);
  };
  // Closing the form puts focus back on the Edit button it came from, not on the page's top.
  const closeEdit = (itemId: string) => {
    setEditing(undefined);
    requestAnimationFrame(() => document.getElementById(`edit-button-${itemId}`)?.focus());
  };
  const merge = (it: DraftItem, target: string) =>
    act('Merged into the existing incident.', () => reviewApi.merge(draft.id, it.itemId, target));
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || editing) return;
    if (
      e.target instanceof HTMLInputElement ||
      e.target instanceof HTMLSelectElement ||
      e.target instanceof HTMLTextAreaElement
    )
      return;
    if (!current) return;
    const candidates = mergeCandidates[current.itemId] ?? [];
    const keys: Record<string, () => void> = {
      j: () => setCursor((c) => Math.min(items.length - 1, c + 1)),
      k: () => setCursor((c) => Math.max(0, c - 1)),
      a: () => void accept(current),
      r: () => void reject(current),
      e: () => edit(current),
      m: () => candidates[0] && void merge(current, candidates[0].incident.id),
    };
    const run = keys[e.key];
    if (run) {
      e.preventDefault();
      run();
    }
  };
  keyHandler.current = onKey;
  return (
    <div className="review">
      <Panel title={toDisplayText(draft.title ?? 'Report')}>
        <p className="muted">
          {draft.origin} · {shortDate(draft.published)} {draft.url && <span>· {draft.url}</span>}
        </p>
        {/* dir="auto": a Persian, Pashto, Arabic or Urdu report reads right to left. */}
        <div
          className="report-text"
          data-testid="draft-text"
          dir="auto"
          {...(draft.language && draft.language !== 'und' ? { lang: draft.language } : {})}
        >
          {toHighlighted(draft.text, spansOf(items), current?.itemId)}
        </div>
      </Panel>
      <Panel title="Proposed items">
        <p className="muted kbd-help">
          Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> accept, <kbd>r</kbd> reject,{' '}
          <kbd>e</kbd> edit, <kbd>m</kbd> merge into the first candidate.
        </p>
        <ReviewGrade
          key={`${draft.grade.reliability}${draft.grade.credibility}`}
          draft={draft}
          locked={items.some((i) => i.state === 'accepted' || i.state === 'merged')}
          onRegraded={() => {
            setMessage({ ok: true, text: 'Saved the new grade.' });
            props.reload();
          }}
        />
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void act('Accepted every proposed item.', () => reviewApi.acceptAll(draft.id))
            }
          >
            Accept all
          </button>
        </div>
        {message && (
          <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
        {draft.lastDecision && (
          <DecisionSummary
            decision={draft.lastDecision}
            onUndo={() => void act('Undid the last decision.', () => reviewApi.undo(draft.id))}
          />
        )}
        <ol className="items">
          {items.map((it, i) => (
            <li
              key={it.itemId}
              className={i === cursor ? 'item selected' : 'item'}
              aria-current={i === cursor ? 'true' : undefined}
            >
              <p>
                <span className="badge">{it.kind}</span> <strong>{labelOf(it, items)}</strong>{' '}
                <span className={`badge state-${it.state}`}>{it.state}</span>
                {it.resultId && (
                  <>
                    {' '}
                    <Link to={`/objects/${it.resultId}`}>Open the stored {it.kind}</Link>
                  </>
                )}
              </p>
              {it.state === 'proposed' && (
                <div className="actions">
                  <button
                    type="button"
                    onClick={() => {
                      setCursor(i);
                      void accept(it);
                    }}
                  >
                    Accept
                  </button>
                  {it.kind !== 'relationship' && (
                    <button
                      type="button"
                      id={`edit-button-${it.itemId}`}
                      className="secondary"
                      aria-expanded={editing === it.itemId}
                      onClick={() => {
                        setCursor(i);
                        edit(it);
                      }}
                    >
                      Edit
                    </button>
                  )}
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      setCursor(i);
                      void reject(it);
                    }}
                  >
                    Reject
                  </button>
                </div>
              )}
              {editing === it.itemId && it.state === 'proposed' && (
                <ReviewEditForm
                  draftId={draft.id}
                  item={it}
                  items={items}
                  onCancel={() => closeEdit(it.itemId)}
                  onSaved={(edited) => {
                    closeEdit(it.itemId);
                    setMessage({ ok: true, text: `Saved the edit of ${labelOf(edited, items)}.` });
                    props.reload();
                  }}
                />
              )}
              {it.state === 'proposed' &&
                (mergeCandidates[it.itemId] ?? []).map((c) => (
                  <div key={c.incident.id} className="candidate">
                    <p>
                      May be the same attack as{' '}
                      <Link to={`/objects/${c.incident.id}`}>{nameOf(c.incident)}</Link>{' '}
                      <span className="muted">
                        ({c.dayGap} days apart
                        {c.distanceKm !== undefined ? `, ${Math.round(c.distanceKm)} km` : ''}
                        {c.actors.length ? `, ${c.actors.join(', ')}` : ''})
                      </span>
                    </p>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void merge(it, c.incident.id)}
                    >
                      Merge into it
                    </button>
                  </div>
                ))}
            </li>
          ))}
        </ol>
      </Panel>
    </div>
  );
}
