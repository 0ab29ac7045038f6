import { useState } from 'react';
import type { ReleaseFinding } from './sharing-types.js';

/**
 * Approval from the preview: the residual scan's findings first, each with the reason it may go
 * out as it is; the approve button stays disabled until every finding has a reason (the API
 * refuses an approval with open findings).
 */
export function ReleaseApproval(props: {
  releaseId: string;
  findings: ReleaseFinding[];
  busy: boolean;
  onApprove: (acknowledgements: Array<{ findingId: string; reason: string }>) => void;
}) {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const open = props.findings.filter((f) => !(reasons[f.id] ?? '').trim()).length;
  return (
    <section className="approval" aria-label="Approve from the preview">
      {props.findings.length === 0 ? (
        <p>The residual scan found nothing the transforms promised to remove.</p>
      ) : (
        <>
          <p>
            The residual scan found <strong>{props.findings.length}</strong> thing(s) the transforms
            promised to remove. Say why each may go out, or change the release.
          </p>
          <ol className="findings" aria-label="Residual scan findings">
            {props.findings.map((f) => {
              const id = `ack-${props.releaseId}-${f.id}`;
              return (
                <li key={f.id} data-finding={f.id}>
                  <span className="badge">{f.kind}</span>{' '}
                  {/* Each finding leads to where it stands in the preview's full text. */}
                  <a href={`#finding-${f.id}`} title="Show it in the preview">
                    <mark>{f.text}</mark>
                  </a>{' '}
                  <span className="muted">
                    in {f.path} of {f.objectId}
                  </span>
                  <label htmlFor={id} className="sr-only">
                    Reason this {f.kind} finding may go out: {f.text}
                  </label>
                  <input
                    id={id}
                    placeholder="Reason it may go out"
                    value={reasons[f.id] ?? ''}
                    onChange={(e) => setReasons({ ...reasons, [f.id]: e.target.value })}
                  />
                </li>
              );
            })}
          </ol>
        </>
      )}
      <button
        type="button"
        disabled={props.busy || open > 0}
        title={open > 0 ? `${open} finding(s) still need a reason.` : undefined}
        onClick={() =>
          props.onApprove(
            props.findings.map((f) => ({ findingId: f.id, reason: (reasons[f.id] ?? '').trim() })),
          )
        }
      >
        Approve and deliver
      </button>
    </section>
  );
}
