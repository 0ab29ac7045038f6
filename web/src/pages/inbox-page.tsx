import { useCallback, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { DraftItem } from '../../../src/core/ports/ingest.js';
import { ApiError, callApi, toQuery } from '../api.js';
import { Link } from '../router.js';
import type { StixObject } from '../stix.js';
import { LoadState, nameOf, Panel, shortDate } from '../ui.js';
import { useLoad } from '../use-load.js';
import { reviewApi, type DraftViewData } from './review-api.js';

const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'];
const CREDIBILITY = [1, 2, 3, 4, 5, 6];

interface Span {
  start: number;
  end: number;
  itemId: string;
}

/**
 * The report's text with the evidence spans of the proposed items marked; everything stays text
 * nodes (a report's own markup is shown, never run).
 *
 * @example toHighlighted('ISIS-K claimed…', [{ start: 0, end: 6, itemId: 'a' }], 'a')
 */
export function toHighlighted(text: string, spans: Span[], selected?: string): ReactNode[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    if (s.start > at) out.push(text.slice(at, s.start));
    out.push(
      <mark key={`${s.itemId}-${s.start}`} className={s.itemId === selected ? 'selected' : ''}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  out.push(text.slice(at));
  return out;
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
  return (
    <>
      <h1>Inbox</h1>
      <SubmitReport
        onSubmitted={(id) => {
          drafts.reload();
          setSelected(id);
        }}
      />
      <div className="split">
        <nav aria-label="Drafts" className="draft-list">
          {list.length === 0 && <p className="muted">Nothing waits for review.</p>}
          <ul className="list">
            {list.map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  className={d.id === selected ? 'link-button active' : 'link-button'}
                  onClick={() => setSelected(d.id)}
                >
                  {d.title ?? d.origin}
                </button>
                <span className="muted"> {shortDate(d.published ?? d.created)}</span>
              </li>
            ))}
          </ul>
        </nav>
        {selected ? (
          <DraftReview key={selected} draftId={selected} onDone={drafts.reload} />
        ) : (
          <p className="muted">Choose a draft to review.</p>
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
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
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
    act(`Accepted ${nameOf(it.object)}.`, () => reviewApi.accept(draft.id, it.itemId));
  const reject = (it: DraftItem) =>
    act(`Rejected ${nameOf(it.object)}.`, () => reviewApi.reject(draft.id, it.itemId));
  const edit = (it: DraftItem) => {
    const name = window.prompt('Name', nameOf(it.object));
    if (name) void act('Saved the edit.', () => reviewApi.edit(draft.id, it.itemId, { name }));
  };
  const merge = (it: DraftItem, target: string) =>
    act('Merged into the existing incident.', () => reviewApi.merge(draft.id, it.itemId, target));
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
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
  return (
    <div className="review" onKeyDown={onKey}>
      <Panel title={draft.title ?? 'Report'}>
        <p className="muted">
          {draft.origin} · {shortDate(draft.published)} {draft.url && <span>· {draft.url}</span>}
        </p>
        <div className="report-text" data-testid="draft-text">
          {toHighlighted(draft.text, spansOf(items), current?.itemId)}
        </div>
      </Panel>
      <Panel title="Proposed items">
        <p className="muted kbd-help">
          Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> accept, <kbd>r</kbd> reject,{' '}
          <kbd>e</kbd> edit, <kbd>m</kbd> merge into the first candidate.
        </p>
        <p>
          Source grade{' '}
          <span className="badge">
            {draft.grade.reliability}
            {draft.grade.credibility}
          </span>{' '}
          <span className="muted">
            (Admiralty, given when the report was submitted; every accepted item carries it)
          </span>
        </p>
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
        <ol className="items">
          {items.map((it, i) => (
            <li
              key={it.itemId}
              className={i === cursor ? 'item selected' : 'item'}
              aria-current={i === cursor ? 'true' : undefined}
            >
              <p>
                <span className="badge">{it.kind}</span> <strong>{nameOf(it.object)}</strong>{' '}
                <span className={`badge state-${it.state}`}>{it.state}</span>
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
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setCursor(i);
                      edit(it);
                    }}
                  >
                    Edit
                  </button>
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

/** Paste a report, grade its source, and get a draft to review (extraction shows its progress). */
function SubmitReport(props: { onSubmitted: (draftId: string) => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setMessage(undefined);
    try {
      const published = String(f.get('published') ?? '');
      const r = await reviewApi.submitReport({
        text: String(f.get('text') ?? ''),
        ...(f.get('title') ? { title: String(f.get('title')) } : {}),
        ...(published ? { published } : {}),
        grade: `${String(f.get('reliability'))}${String(f.get('credibility'))}`,
      });
      setMessage({
        ok: true,
        text: r.note ? `Draft made: ${r.note}` : 'Draft made; review it below.',
      });
      props.onSubmitted(r.draftId);
      setOpen(false);
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel submit" aria-labelledby="submit-title">
      <h2 id="submit-title">
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Close' : 'Submit a report'}
        </button>
      </h2>
      {open && (
        <form className="stack" onSubmit={submit} aria-label="Submit a report">
          <div className="row">
            <div className="grow">
              <label htmlFor="rep-title">Title</label>
              <input id="rep-title" name="title" />
            </div>
            <div>
              <label htmlFor="rep-published">Published</label>
              <input id="rep-published" name="published" type="date" />
            </div>
            <div>
              <label htmlFor="grade-rel">Source reliability</label>
              <select id="grade-rel" name="reliability" defaultValue="C">
                {RELIABILITY.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="grade-cred">Information credibility</label>
              <select id="grade-cred" name="credibility" defaultValue="3">
                {CREDIBILITY.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </div>
          </div>
          <label htmlFor="rep-text">Report text</label>
          <textarea id="rep-text" name="text" rows={6} required />
          <div>
            <button type="submit" disabled={busy}>
              {busy ? 'Extracting…' : 'Extract and review'}
            </button>
            {busy && (
              <span role="status" className="muted">
                {' '}
                <span className="spinner" aria-hidden="true" /> Reading the report, finding
                incidents, actors and places…
              </span>
            )}
          </div>
        </form>
      )}
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** Without the review API: the reports already in the store, to read (shown as text). */
function ReportsInbox() {
  const reports = useLoad(
    () =>
      callApi<{ objects: StixObject[] }>(
        'GET',
        `/api/objects${toQuery({ type: 'report', limit: 50 })}`,
      ),
    [],
  );
  return (
    <>
      <h1>Inbox</h1>
      <p className="notice">
        This server has no review queue yet; the reports already in the knowledge base are listed
        below.
      </p>
      <LoadState state={reports} label="Reports">
        {(d) =>
          d.objects.length === 0 ? (
            <p className="muted">No reports yet.</p>
          ) : (
            <ul className="list">
              {d.objects.map((r) => (
                <li key={r.id}>
                  <Link to={`/objects/${r.id}`}>{nameOf(r)}</Link>{' '}
                  <span className="muted">{shortDate(r.published)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </>
  );
}
