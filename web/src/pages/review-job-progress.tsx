import { useEffect, useEffectEvent, useState } from 'react';
import { reviewApi, type JobView } from './review-api.js';

const POLL_MS = 600;

/**
 * How far a job is, 0–100, and in words: from its reported items when it counts them (a feed
 * poll's entries), else from its state (queued, running, done).
 *
 * @example toJobProgress({ state: 'running', progress: { stage: 'items', done: 3, total: 4 } }) // { percent: 75, … }
 */
export function toJobProgress(job: Pick<JobView, 'state' | 'progress'> | undefined): {
  percent: number;
  text: string;
} {
  if (!job || job.state === 'queued') return { percent: 5, text: 'Waiting for the worker…' };
  if (job.state === 'done') return { percent: 100, text: 'Done.' };
  if (job.state === 'failed') return { percent: 100, text: 'Failed.' };
  const p = job.progress;
  if (p?.total && p.done !== undefined) {
    return {
      percent: Math.min(99, Math.round((p.done / p.total) * 100)),
      text: `${p.stage}: ${p.done} of ${p.total}…`,
    };
  }
  return { percent: 50, text: p ? `${p.stage}…` : 'Reading the report, finding incidents…' };
}

/**
 * Follows a background job until it ends: a progress bar (`<progress>`, role=progressbar) and a
 * polite live status line, then `onDone`, or the job's error as an alert.
 */
export function JobProgress(props: { jobId: string; label: string; onDone: () => void }) {
  const [job, setJob] = useState<JobView>();
  const [error, setError] = useState<string>();
  // Restarted for a new job only; onDone is read when the job ends, whichever one was last given.
  const { jobId } = props;
  const onDone = useEffectEvent(() => props.onDone());
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await reviewApi.getJob(jobId);
        if (stopped) return;
        setJob(next);
        if (next.state === 'done') return onDone();
        if (next.state === 'failed') return setError(next.lastError ?? 'The job failed.');
      } catch (e) {
        if (!stopped) setError(e instanceof Error ? e.message : String(e));
        return;
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [jobId]);
  const { percent, text } = toJobProgress(job);
  return (
    <div className="job-progress">
      {/* <progress> is role=progressbar with aria-valuenow from its value. */}
      <progress
        value={percent}
        max={100}
        aria-label={props.label}
        aria-valuetext={`${percent}%: ${text}`}
      />
      <p role="status" aria-live="polite" className="muted">
        {props.label}: {text}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
