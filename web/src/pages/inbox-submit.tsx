import { useState, type FormEvent } from 'react';
import { callApi, toQuery } from '../api.js';
import { Link } from '../router.js';
import { LoadState, nameOf, shortDate } from '../ui.js';
import { useLoad } from '../use-load.js';
import { reviewApi, type SubmittedReport } from './review-api.js';
import { JobProgress } from './review-job-progress.js';
import type { ApiAnswer } from '../api-types.js';

const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'];
const CREDIBILITY = [1, 2, 3, 4, 5, 6];
/** Past this many characters a pasted report is extracted in the background, with progress. */
const LONG_TEXT = 20_000;

/** Paste a report, grade its source, and get a draft to review (extraction shows its progress). */
export function SubmitReport(props: { onSubmitted: (draftId: string) => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [job, setJob] = useState<{ jobId: string; draftId: string }>();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const file = f.get('file');
    const text = String(f.get('text') ?? '');
    const hasFile = file instanceof File && file.size > 0;
    if (!hasFile && text.trim() === '') {
      setMessage({ ok: false, text: 'Paste the report’s text or choose a file to import.' });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    setJob(undefined);
    try {
      const published = String(f.get('published') ?? '');
      const fields = {
        ...(f.get('title') ? { title: String(f.get('title')) } : {}),
        ...(published ? { published } : {}),
        grade: `${String(f.get('reliability'))}${String(f.get('credibility'))}`,
      };
      const r: SubmittedReport = hasFile
        ? await reviewApi.importFile(file, fields)
        : await reviewApi.submitReport({
            text,
            ...fields,
            ...(text.length > LONG_TEXT ? { queue: true } : {}),
          });
      if (r.jobId) {
        setJob({ jobId: r.jobId, draftId: r.draftId });
        return;
      }
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
          Submit a report
        </button>
      </h2>
      {open && (
        <form className="stack" onSubmit={(e) => void submit(e)} aria-label="Submit a report">
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
              {/* F6 ("cannot be judged") is the default everywhere: CLI, API and this form. */}
              <label htmlFor="grade-rel">Source reliability</label>
              <select id="grade-rel" name="reliability" defaultValue="F">
                {RELIABILITY.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="grade-cred">Information credibility</label>
              <select id="grade-cred" name="credibility" defaultValue="6">
                {CREDIBILITY.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </div>
          </div>
          <label htmlFor="rep-text">Report text</label>
          <textarea id="rep-text" name="text" rows={6} />
          <div>
            <label htmlFor="rep-file">Or import a file (text, HTML or PDF)</label>
            <input
              id="rep-file"
              name="file"
              type="file"
              accept=".txt,.html,.htm,.pdf,text/*,application/pdf"
            />
            <p className="muted hint">
              Files and reports longer than {LONG_TEXT.toLocaleString('en')} characters are
              extracted in the background; the progress shows here.
            </p>
          </div>
          <div>
            <button type="submit" disabled={busy}>
              {busy ? 'Extracting…' : 'Extract and review'}
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Cancel
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
      {job && (
        <JobProgress
          key={job.jobId}
          jobId={job.jobId}
          label="Extraction"
          onDone={() => {
            setMessage({ ok: true, text: 'Draft made; review it below.' });
            props.onSubmitted(job.draftId);
            setOpen(false);
          }}
        />
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
export function ReportsInbox() {
  const reports = useLoad(
    () =>
      callApi<ApiAnswer<'/api/objects', 'get'>>(
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
