import { useState } from 'react';
import { LoadState, shortDate } from '../ui.js';
import { useLoad } from '../use-load.js';
import { reviewApi } from './review-api.js';
import { JobProgress } from './review-job-progress.js';

/**
 * The feeds the server polls, each with "Poll now": the poll runs in the background and its
 * progress (entries handled of the feed's total) shows under the feed until its drafts arrive.
 */
export function ReviewFeeds(props: { onPolled: () => void }) {
  const [open, setOpen] = useState(false);
  const feeds = useLoad(() => (open ? reviewApi.listFeeds() : Promise.resolve([])), [open]);
  const [jobs, setJobs] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const poll = async (feedId: string) => {
    setError(undefined);
    try {
      const { jobId } = await reviewApi.pollFeed(feedId);
      setJobs((j) => ({ ...j, [feedId]: jobId }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="panel submit" aria-labelledby="feeds-title">
      <h2 id="feeds-title">
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Close the feeds' : 'Feeds'}
        </button>
      </h2>
      {open && (
        <LoadState state={feeds} label="Feeds">
          {(list) =>
            list.length === 0 ? (
              <p className="muted">No feeds yet; add one with POST /api/feeds.</p>
            ) : (
              <ul className="list">
                {list.map((f) => (
                  <li key={f.id}>
                    <span>{f.url}</span>{' '}
                    <span className="muted">
                      every {f.pollMinutes} min · last polled {shortDate(f.lastPolled) || 'never'}
                    </span>
                    {f.lastError && <span className="error"> · {f.lastError}</span>}{' '}
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`Poll now: ${f.url}`}
                      onClick={() => void poll(f.id)}
                    >
                      Poll now
                    </button>
                    {jobs[f.id] && (
                      <JobProgress
                        key={jobs[f.id]}
                        jobId={jobs[f.id]!}
                        label={`Poll of ${f.url}`}
                        onDone={() => {
                          feeds.reload();
                          props.onPolled();
                        }}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </LoadState>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
