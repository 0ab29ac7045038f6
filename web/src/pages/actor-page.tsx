import { Suspense, useMemo } from 'react';
import { callApi } from '../api.js';
import type { User } from '../api.js';
import { Link } from '../router.js';
import { toCountText, type IncidentPoint } from '../stix.js';
import { LoadState, Panel } from '../ui.js';
import { useLoad } from '../use-load.js';
import { toWords, type ActorProfileView } from '../analysis-types.js';
import type { ApiAnswer } from '../api-types.js';
import { AssessmentForm } from './assessment-form.js';
import { LazyTempoChart, LazyWorldMap } from './lazy-visuals.js';

/** An actor's profile: reach map, tempo and lethality, relationships, judgment history. */
export function ActorPage(props: { actor: string; user: User }) {
  const path = `/api/actors/${encodeURIComponent(props.actor)}`;
  const profile = useLoad(() => callApi<ActorProfileView>('GET', `${path}/profile`), [path]);
  return (
    <LoadState state={profile} label="Profile">
      {(p) => <Profile profile={p} user={props.user} reload={profile.reload} />}
    </LoadState>
  );
}

function Profile(props: { profile: ActorProfileView; user: User; reload: () => void }) {
  const { profile: p } = props;
  const points = useMemo<IncidentPoint[]>(
    () =>
      [
        ...new Map(
          [...p.recentIncidents, ...p.keyIncidents].map((f) => [f.incidentId, f]),
        ).values(),
      ].flatMap((f) =>
        typeof f.latitude === 'number' && typeof f.longitude === 'number'
          ? [
              {
                id: f.incidentId,
                name: f.name,
                latitude: f.latitude,
                longitude: f.longitude,
                ...(f.eventDate ? { date: f.eventDate } : {}),
                ...(f.fatalities !== undefined ? { fatalities: f.fatalities } : {}),
                ...(f.fatalitiesRange ? { fatalitiesRange: f.fatalitiesRange } : {}),
              },
            ]
          : [],
      ),
    [p],
  );
  const canWrite = props.user.roles.includes('analyst') || props.user.roles.includes('admin');
  const history = [...p.assessments.entries].reverse();
  const incidentNames = new Map(
    [...p.keyIncidents, ...p.recentIncidents].map((f) => [f.incidentId, f.name]),
  );
  return (
    <>
      <p className="muted">
        <span className="badge">threat-actor</span> {p.actor.threatActorTypes.join(', ')}
      </p>
      <h1>{p.actor.name}</h1>
      {p.actor.aliases.length > 0 && <p>Also known as {p.actor.aliases.join(', ')}.</p>}
      {p.actor.description && <p className="lead">{p.actor.description}</p>}
      <p>
        <Link to={`/actors/${p.actor.id}/graph`}>Relationship graph</Link>
      </p>
      <div className="grid">
        <Panel title="Totals">
          <dl className="facts">
            <dt>Incidents</dt>
            <dd>{p.totals.incidents}</dd>
            <dt>Killed (at least)</dt>
            <dd>{p.totals.fatalities}</dd>
            <dt>Injured (at least)</dt>
            <dd>{p.totals.injuries}</dd>
            <dt>External operations</dt>
            <dd>{p.reach.externalOperations}</dd>
            <dt>Tempo</dt>
            <dd>
              {p.trend.tempo.direction}
              {p.trend.tempo.significant ? ' (significant)' : ''} ·{' '}
              {p.trend.tempo.recentRate.toFixed(1)} a month recently against{' '}
              {p.trend.tempo.baselineRate.toFixed(1)}
            </dd>
          </dl>
        </Panel>
        <Panel title="Reach">
          <p className="muted">
            Home: {p.reach.homeCountries.join(', ') || 'unknown'}
            {p.reach.homeInferred ? ' (inferred)' : ''}
          </p>
          <table>
            <caption className="sr-only">Incidents by country</caption>
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col">Incidents</th>
                <th scope="col">Killed</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {p.reach.countries.map((c) => (
                <tr key={c.country}>
                  <td>
                    {c.country} {c.external && <span className="badge sev-warning">external</span>}
                  </td>
                  <td>{c.incidents}</td>
                  <td>{c.fatalities}</td>
                  <td>{c.firstDate ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <Panel title="Reach map" wide>
          <Suspense fallback={<p role="status">Loading the map…</p>}>
            <LazyWorldMap points={points} label="Reach map" height={300} />
          </Suspense>
        </Panel>
        <Panel title="Tempo and lethality" wide>
          {p.trend.months.length ? (
            <Suspense fallback={<p role="status">Loading the charts…</p>}>
              <div className="two">
                <LazyTempoChart months={p.trend.months} title="Incidents per month" />
                <LazyTempoChart
                  months={p.trend.months}
                  title="Killed per month"
                  metric="fatalities"
                />
              </div>
            </Suspense>
          ) : (
            <p className="muted">No dated incidents.</p>
          )}
        </Panel>
        <Panel title="Relationships">
          {p.relationships.length === 0 ? (
            <p className="muted">
              No relationship to another actor recorded
              {p.totals.incidents > 0
                ? `; ${p.totals.incidents === 1 ? 'one incident is' : `${p.totals.incidents} incidents are`} attributed to it (see Key incidents).`
                : '.'}
            </p>
          ) : (
            <ul className="list">
              {p.relationships.map((r) => (
                <li key={r.id}>
                  {r.direction === 'outgoing' ? (
                    <>
                      {r.relationshipType}{' '}
                      <Link to={`/actors/${r.otherActorId}`}>{r.otherActorName}</Link>
                    </>
                  ) : (
                    <>
                      <Link to={`/actors/${r.otherActorId}`}>{r.otherActorName}</Link>{' '}
                      {r.relationshipType} this actor
                    </>
                  )}
                  {!r.active && <span className="muted"> (ended)</span>}
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <GapsPanel actorId={p.actor.id} />
        <Panel title="Key incidents">
          <ul className="list">
            {p.keyIncidents.map((f) => (
              <li key={f.incidentId}>
                <Link to={`/objects/${f.incidentId}`}>{f.name}</Link>
                <span className="muted">
                  {' '}
                  {f.eventDate ?? 'date unknown'} · {f.locationName ?? f.country ?? ''} · killed{' '}
                  {toCountText(f.fatalitiesRange)}
                </span>
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title="Assessment history" wide>
          {history.length === 0 ? (
            <p className="muted">No judgments recorded yet.</p>
          ) : (
            <ol className="timeline" aria-label="Judgments, latest first">
              {history.map((e) => (
                <li key={e.assessment.id} className={e.current ? 'current' : ''}>
                  <p className="when">
                    {e.assessment.validFrom.slice(0, 10)} · {e.assessment.author}
                    {e.current && <span className="badge sev-info">current</span>}
                  </p>
                  <p>
                    Capability <strong>{toWords(e.assessment.capability)}</strong>, intent{' '}
                    <strong>{toWords(e.assessment.intent)}</strong>,{' '}
                    {e.assessment.analyticConfidence} confidence
                    {e.assessment.targetDescription ? ` — ${e.assessment.targetDescription}` : ''}.
                  </p>
                  {e.changes.length > 0 && (
                    <p className="muted">
                      Changed:{' '}
                      {e.changes
                        .map(
                          (c) =>
                            `${c.label}: ${toWords(c.before) || 'none'} → ${toWords(c.after) || 'none'}${c.direction ? ` (${c.direction})` : ''}`,
                        )
                        .join('; ')}
                    </p>
                  )}
                  <p>{e.assessment.rationale}</p>
                  {e.assessment.evidenceRefs.length > 0 && (
                    <p className="evidence">
                      Evidence:{' '}
                      {e.assessment.evidenceRefs.map((r, i) => (
                        <span key={r}>
                          {i > 0 && ', '}
                          <Link to={`/objects/${r}`}>
                            {incidentNames.get(r) ?? r.split('--')[0]}
                          </Link>
                        </span>
                      ))}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </Panel>
        {canWrite && (
          <Panel title="Write an assessment" wide>
            <AssessmentForm
              actorId={p.actor.id}
              current={p.assessments.current[0]}
              evidence={[...p.keyIncidents, ...p.recentIncidents]}
              names={incidentNames}
              onSaved={props.reload}
            />
          </Panel>
        )}
      </div>
    </>
  );
}

/** What the team cannot see about this actor: where, about what, since when, why. */
function GapsPanel(props: { actorId: string }) {
  const gaps = useLoad(
    () =>
      callApi<ApiAnswer<'/api/collection-gaps', 'get'>>(
        'GET',
        `/api/collection-gaps?actor=${encodeURIComponent(props.actorId)}`,
      ),
    [props.actorId],
  );
  return (
    <Panel title="Collection gaps">
      <LoadState state={gaps} label="Collection gaps">
        {(d) =>
          d.gaps.length === 0 ? (
            <p className="muted">No collection gap recorded.</p>
          ) : (
            <ul className="list">
              {d.gaps.map((g) => (
                <li key={g.id}>
                  <strong>{g.topic}</strong>{' '}
                  <span className="muted">
                    {[g.region, ...g.countries].filter(Boolean).join(', ')} · since {g.since}
                  </span>
                  <br />
                  {g.reason}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </Panel>
  );
}
