import { Link } from '../router.js';
import type { DraftRecord } from './review-api.js';

/** A draft's last decision as GET /api/drafts/{id} answers it. */
type ReviewDecision = NonNullable<DraftRecord['lastDecision']>;
type DecisionObject = ReviewDecision['objects'][number];

const ACTION_WORDS: Record<ReviewDecision['action'], string> = {
  accept: 'Accepted',
  'accept-all': 'Accepted all',
  reject: 'Rejected',
  merge: 'Merged',
};

/** Where a written object opens: an actor on its profile, anything else on the object page. */
function hrefOf(o: DecisionObject): string {
  return o.type === 'threat-actor'
    ? `/actors/${encodeURIComponent(o.id)}`
    : `/objects/${encodeURIComponent(o.id)}`;
}

/**
 * What the draft's last decision made: each object created and the incident merged into, linked
 * to its page, and a button that undoes the decision.
 *
 * @example <DecisionSummary decision={draft.lastDecision} onUndo={undo} />
 */
export function DecisionSummary(props: { decision: ReviewDecision; onUndo: () => void }) {
  const { decision } = props;
  const created = decision.objects.filter((o) => o.role === 'created');
  const merged = decision.objects.filter((o) => o.role === 'merged-into');
  const items = decision.itemIds.length;
  return (
    <section className="decision" aria-label="Last decision" data-testid="last-decision">
      <p>
        {ACTION_WORDS[decision.action]} {items} {items === 1 ? 'item' : 'items'}
        {decision.objects.length === 0 && '; nothing was written to the knowledge base'}.
      </p>
      {merged.length > 0 && (
        <p>
          Merged into{' '}
          {merged.map((o, i) => (
            <span key={o.id}>
              {i > 0 && ', '}
              <Link to={hrefOf(o)}>{o.name ?? o.id}</Link>
            </span>
          ))}
          .
        </p>
      )}
      {created.length > 0 && (
        <>
          <p>Created:</p>
          <ul className="list">
            {created.map((o) => (
              <li key={o.id}>
                <span className="muted">{o.type}</span> <Link to={hrefOf(o)}>{o.name ?? o.id}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="secondary" onClick={props.onUndo}>
        Undo
      </button>
    </section>
  );
}
