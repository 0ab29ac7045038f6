import { useState, type FormEvent } from 'react';
import type { DraftRecord } from './review-api.js';
import { reviewApi } from './review-api.js';

const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'];
const CREDIBILITY = ['1', '2', '3', '4', '5', '6'];

/**
 * The draft's Admiralty grade, and a control to change it while nothing of the draft is accepted
 * yet (afterwards the grade is in the knowledge base and the server refuses a change).
 */
export function ReviewGrade(props: {
  draft: DraftRecord;
  locked: boolean;
  onRegraded: () => void;
}) {
  const { grade } = props.draft;
  const [reliability, setReliability] = useState<string>(grade.reliability);
  const [credibility, setCredibility] = useState<string>(String(grade.credibility));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const changed = reliability !== grade.reliability || credibility !== String(grade.credibility);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await reviewApi.regrade(props.draft.id, `${reliability}${credibility}`);
      props.onRegraded();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="grade">
      <p>
        Source grade{' '}
        <span className="badge" data-testid="draft-grade">
          {grade.reliability}
          {grade.credibility}
        </span>{' '}
        <span className="muted">
          (Admiralty: source reliability A–F, information credibility 1–6; every accepted item
          carries it)
        </span>
      </p>
      {props.locked ? (
        <p className="muted">Items were accepted with this grade; it can no longer change.</p>
      ) : (
        <form
          className="inline-form"
          aria-label="Re-grade the report"
          onSubmit={(e) => void submit(e)}
        >
          <label htmlFor="regrade-reliability">Re-grade reliability</label>
          <select
            id="regrade-reliability"
            value={reliability}
            onChange={(e) => setReliability(e.target.value)}
          >
            {RELIABILITY.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <label htmlFor="regrade-credibility">Re-grade credibility</label>
          <select
            id="regrade-credibility"
            value={credibility}
            onChange={(e) => setCredibility(e.target.value)}
          >
            {CREDIBILITY.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <button type="submit" className="secondary" disabled={busy || !changed}>
            {busy ? 'Saving…' : 'Save grade'}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
