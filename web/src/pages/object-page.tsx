import { callApi } from '../api.js';
import { Link } from '../router.js';
import { toConflictEvent, toCountText, toIncidentDate, type StixObject } from '../stix.js';
import { LoadState, nameOf, Panel, shortDate } from '../ui.js';
import { useLoad } from '../use-load.js';
import { EvidenceList, type EvidenceSpan } from './evidence-list.js';
import { IncidentRelations } from './incident-relations.js';
import type { ApiAnswer } from '../api-types.js';

// ACLED's precision codes in words (src/core/stix/conflict-event-extension.ts).
const TIME_PRECISION: Record<number, string> = {
  1: 'exact day',
  2: 'within a week',
  3: 'within a month',
};
const GEO_PRECISION: Record<number, string> = {
  1: 'the town itself',
  2: 'near the town',
  3: 'the region',
};

interface Grade {
  reliability: string;
  credibility: number;
}

/**
 * One object of the knowledge base: an incident with its event facts, a report with its text
 * (always rendered as text: a report's words never become markup), or any other STIX object.
 */
export function ObjectPage(props: { id: string }) {
  const object = useLoad(
    () => callApi<StixObject>('GET', `/api/objects/${encodeURIComponent(props.id)}`),
    [props.id],
  );
  const versions = useLoad(
    () =>
      callApi<ApiAnswer<'/api/objects/{id}/versions', 'get'>>(
        'GET',
        `/api/objects/${encodeURIComponent(props.id)}/versions`,
      ),
    [props.id],
  );
  return (
    <LoadState state={object} label="Object">
      {(o) => {
        const ev = toConflictEvent(o);
        const grade = o.x_tearline_grade as Grade | undefined;
        const refs = Array.isArray(o.object_refs) ? (o.object_refs as string[]) : [];
        const evidence = Array.isArray(o.x_tearline_evidence)
          ? (o.x_tearline_evidence as EvidenceSpan[])
          : [];
        return (
          <>
            <p className="muted">
              <span className="badge">{o.type}</span> <code>{o.id}</code>
            </p>
            <h1>{nameOf(o)}</h1>
            <div className="grid">
              {ev && (
                <Panel title="What happened">
                  <dl className="facts">
                    <dt>Date</dt>
                    <dd>
                      {toIncidentDate(o) ?? 'unknown'}
                      {ev.time_precision && (
                        <span className="muted"> ({TIME_PRECISION[ev.time_precision]})</span>
                      )}
                    </dd>
                    <dt>Type</dt>
                    <dd>
                      {ev.event_type} · {ev.sub_event_type}
                    </dd>
                    <dt>Status</dt>
                    <dd>{ev.status}</dd>
                    <dt>Where</dt>
                    <dd>
                      {[ev.location_name, ev.admin1, ev.country].filter(Boolean).join(', ') ||
                        'unknown'}
                      {ev.geo_precision && (
                        <span className="muted"> ({GEO_PRECISION[ev.geo_precision]})</span>
                      )}
                    </dd>
                    <dt>Killed</dt>
                    <dd>{toCountText(ev.fatalities)}</dd>
                    <dt>Injured</dt>
                    <dd>{toCountText(ev.injuries)}</dd>
                    {grade && (
                      <>
                        <dt>Grade</dt>
                        <dd>
                          {grade.reliability}
                          {grade.credibility}
                        </dd>
                      </>
                    )}
                  </dl>
                </Panel>
              )}
              {typeof o.description === 'string' && (
                <Panel
                  title={o.type === 'report' ? 'Report text' : 'Description'}
                  wide={o.type === 'report'}
                >
                  {/* Rendered as a text node: markup in a report stays visible words, never code. */}
                  <div className="report-text" data-testid="object-text">
                    {o.description}
                  </div>
                </Panel>
              )}
              {evidence.length > 0 && <EvidenceList evidence={evidence} />}
              {o.type !== 'relationship' && o.type !== 'marking-definition' && (
                <IncidentRelations id={o.id} />
              )}
              {refs.length > 0 && (
                <Panel title="States">
                  <ul className="list">
                    {refs.map((r) => (
                      <li key={r}>
                        <Link to={`/objects/${r}`}>{r}</Link>
                      </li>
                    ))}
                  </ul>
                </Panel>
              )}
              <Panel title="Versions">
                <LoadState state={versions} label="Versions">
                  {(v) => (
                    <ol className="list">
                      {v.versions.map((x) => (
                        <li key={String(x.modified)}>{shortDate(x.modified)}</li>
                      ))}
                    </ol>
                  )}
                </LoadState>
              </Panel>
              <Panel title="STIX" wide>
                <details>
                  <summary>Show the object as stored</summary>
                  <pre className="json">{JSON.stringify(o, null, 2)}</pre>
                </details>
              </Panel>
            </div>
          </>
        );
      }}
    </LoadState>
  );
}
