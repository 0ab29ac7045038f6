import { Link } from '../router.js';
import { LoadState, Panel } from '../ui.js';
import { useLoad } from '../use-load.js';
import { getRelationshipsOf, type RelationshipView } from './review-api.js';

/** Where a related object opens: an actor on its profile, anything else on the object page. */
function hrefOf(other: RelationshipView['other']): string {
  return other.type === 'threat-actor'
    ? `/actors/${encodeURIComponent(other.id)}`
    : `/objects/${encodeURIComponent(other.id)}`;
}

function EndLink(props: { other: RelationshipView['other'] }) {
  const label = props.other.name ?? props.other.id;
  return props.other.missing ? (
    <span>
      {label} <span className="muted">(not in the knowledge base)</span>
    </span>
  ) : (
    <Link to={hrefOf(props.other)}>{label}</Link>
  );
}

/**
 * An object's relationships both ways, as links: an incident's perpetrator (`attributed-to`)
 * first, then the rest ("located-at Kabul", "Crocus City Hall attack attributed-to this").
 */
export function IncidentRelations(props: { id: string }) {
  const rels = useLoad(() => getRelationshipsOf(props.id), [props.id]);
  return (
    <Panel title="Relationships">
      <LoadState state={rels} label="Relationships">
        {(d) => {
          if (d.relationships.length === 0) {
            return <p className="muted">No relationships recorded.</p>;
          }
          const perpetrators = d.relationships.filter(
            (r) =>
              r.direction === 'outgoing' && r.relationship.relationship_type === 'attributed-to',
          );
          const rest = d.relationships.filter((r) => !perpetrators.includes(r));
          return (
            <>
              {perpetrators.length > 0 && (
                <p data-testid="perpetrator">
                  Perpetrator:{' '}
                  {perpetrators.map((r, i) => (
                    <span key={r.relationship.id}>
                      {i > 0 && ', '}
                      <EndLink other={r.other} />
                    </span>
                  ))}
                </p>
              )}
              {rest.length > 0 && (
                <ul className="list">
                  {rest.map((r) => (
                    <li key={r.relationship.id}>
                      {r.direction === 'outgoing' ? (
                        <>
                          {String(r.relationship.relationship_type)} <EndLink other={r.other} />
                        </>
                      ) : (
                        <>
                          <EndLink other={r.other} /> {String(r.relationship.relationship_type)}{' '}
                          this
                        </>
                      )}
                      {r.relationship.revoked === true && <span className="muted"> (revoked)</span>}
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </LoadState>
    </Panel>
  );
}
