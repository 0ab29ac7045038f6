import { useEffect, useState } from 'react';

/**
 * Progress of a long sharing step (building a preview, approving, revoking): an indeterminate
 * progress bar and a live status sentence with the elapsed seconds, so a screen reader hears it
 * and everyone sees the page is still alive. The server does the step in one request and reports
 * no fraction, so the bar claims none.
 *
 * @example <WorkProgress busy={action.busy} label="Building the preview of 2,000 objects" />
 */
export function WorkProgress(props: { busy: boolean; label: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!props.busy) return;
    setSeconds(0);
    const started = Date.now();
    const timer = window.setInterval(
      () => setSeconds(Math.floor((Date.now() - started) / 1000)),
      1000,
    );
    return () => window.clearInterval(timer);
  }, [props.busy]);
  if (!props.busy) return null;
  return (
    <div className="work-progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={props.label}
        aria-valuetext={`${props.label}: ${seconds} s elapsed`}
      >
        <span className="progress-bar" />
      </div>
      <p role="status" aria-live="polite" className="muted">
        {props.label}… {seconds > 0 ? `${seconds} s` : ''}
      </p>
    </div>
  );
}
