import { Suspense, useEffect, useMemo, useState } from 'react';
import { callApi, toQuery } from '../api.js';
import type { ApiAnswer } from '../api-types.js';
import { Link } from '../router.js';
import {
  toConflictEvent,
  toCountText,
  toIncidentDate,
  toIncidentPoint,
  type StixObject,
} from '../stix.js';
import { LoadState, nameOf, Panel } from '../ui.js';
import { useLoad } from '../use-load.js';
import { toMonthData } from '../charts/month-data.js';
import { toEventMonth } from '../../../src/core/stix/incident-date.js';
import { LazyTempoChart, LazyWorldMap } from './lazy-visuals.js';

const PAGE = 1000;
const MAX_INCIDENTS = 50_000;

/** Every incident, page by page, with progress (the map stays interactive at tens of thousands). */
function useAllIncidents() {
  const [state, setState] = useState<{
    objects: StixObject[];
    total?: number;
    done: boolean;
    error?: string;
  }>({
    objects: [],
    done: false,
  });
  useEffect(() => {
    let live = true;
    (async () => {
      const objects: StixObject[] = [];
      for (let offset = 0; offset < MAX_INCIDENTS; offset += PAGE) {
        const page = await callApi<ApiAnswer<'/api/objects', 'get'>>(
          'GET',
          `/api/objects${toQuery({ type: 'incident', limit: PAGE, offset })}`,
        );
        objects.push(...page.objects);
        if (!live) return;
        setState({ objects: [...objects], total: page.total, done: false });
        if (page.objects.length < PAGE) break;
      }
      if (live) setState((s) => ({ ...s, done: true }));
    })().catch((e: Error) => live && setState((s) => ({ ...s, done: true, error: e.message })));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** The dashboard: recent incidents, open alerts, drafts to review, the map and the tempo. */
export function DashboardPage() {
  const incidents = useAllIncidents();
  const alerts = useLoad(
    () =>
      callApi<ApiAnswer<'/api/alerts', 'get'>>(
        'GET',
        `/api/alerts${toQuery({ unacknowledged: true, limit: 10 })}`,
      ),
    [],
  );
  const drafts = useLoad(
    () =>
      callApi<ApiAnswer<'/api/drafts', 'get'>>('GET', '/api/drafts?state=open').catch(() => ({
        drafts: undefined,
      })),
    [],
  );
  const recent = useMemo(
    () =>
      [...incidents.objects]
        .sort((a, b) => (toIncidentDate(b) ?? '').localeCompare(toIncidentDate(a) ?? ''))
        .slice(0, 8),
    [incidents.objects],
  );
  const undated = useMemo(
    // The same rule as the actor page's and the brief's "undated": no known month.
    () => incidents.objects.filter((o) => toEventMonth(toIncidentDate(o)) === undefined),
    [incidents.objects],
  );
  const points = useMemo(
    () => (incidents.done ? incidents.objects.flatMap((o) => toIncidentPoint(o) ?? []) : []),
    [incidents.done, incidents.objects],
  );
  const months = useMemo(
    () =>
      toMonthData(
        incidents.objects.map((o) => ({
          date: toIncidentDate(o),
          fatalities: toConflictEvent(o)?.fatalities?.min,
        })),
      ),
    [incidents.objects],
  );
  return (
    <>
      <h1>Dashboard</h1>
      {!incidents.done && (
        <p role="status" aria-live="polite" className="progress-line">
          <progress
            max={incidents.total ?? 1}
            value={incidents.objects.length}
            aria-label="Incidents loaded"
          />{' '}
          Loading incidents: {incidents.objects.length.toLocaleString('en')}
          {incidents.total !== undefined ? ` of ${incidents.total.toLocaleString('en')}` : ''}
        </p>
      )}
      {incidents.error && (
        <p className="error" role="alert">
          Incidents: {incidents.error}
        </p>
      )}
      <div className="grid">
        <Panel title="Map of incidents" wide>
          {incidents.done ? (
            <Suspense fallback={<p role="status">Loading the map…</p>}>
              <LazyWorldMap points={points} label="Map of incidents" />
            </Suspense>
          ) : (
            <p className="muted">The map appears once the incidents are loaded.</p>
          )}
        </Panel>
        <Panel title="Recent incidents">
          {recent.length === 0 ? (
            <p className="muted">{incidents.done ? 'No incidents yet.' : 'Loading…'}</p>
          ) : (
            <ul className="list">
              {recent.map((o) => {
                const ev = toConflictEvent(o);
                return (
                  <li key={o.id}>
                    <Link to={`/objects/${o.id}`}>{nameOf(o)}</Link>
                    <span className="muted">
                      {' '}
                      {toIncidentDate(o) ?? 'date unknown'} ·{' '}
                      {ev?.location_name ?? ev?.country ?? 'place unknown'} · killed{' '}
                      {toCountText(ev?.fatalities)}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </Panel>
        <Panel title="Dates to fill">
          {undated.length === 0 ? (
            <p className="muted">Every incident has a date.</p>
          ) : (
            <>
              <p className="muted">
                {undated.length === 1 ? 'One incident has' : `${undated.length} incidents have`} no
                known date, or only its year; {undated.length === 1 ? 'it is' : 'they are'} left out
                of the tempo and trends until dated.
              </p>
              <ul className="list">
                {undated.slice(0, 8).map((o) => (
                  <li key={o.id}>
                    <Link to={`/objects/${o.id}`}>{nameOf(o)}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Panel>
        <Panel title="Open alerts">
          <LoadState state={alerts} label="Alerts">
            {(d) =>
              d.alerts.length === 0 ? (
                <p className="muted">No open alerts.</p>
              ) : (
                <ul className="list">
                  {d.alerts.map((a) => (
                    <li key={a.id}>
                      <span className={`badge sev-${a.severity}`}>{a.severity}</span> {a.message}{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          void callApi('POST', `/api/alerts/${encodeURIComponent(a.id)}/ack`).then(
                            alerts.reload,
                            alerts.reload,
                          )
                        }
                      >
                        Acknowledge<span className="sr-only"> alert: {a.message}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )
            }
          </LoadState>
        </Panel>
        <Panel title="Drafts awaiting review">
          <LoadState state={drafts} label="Drafts">
            {(d) =>
              d.drafts === undefined ? (
                <p className="muted">
                  The review queue is not available on this server.{' '}
                  <Link to="/inbox">Open the inbox</Link>.
                </p>
              ) : (
                <p>
                  <Link to="/inbox">{d.total ?? d.drafts.length} drafts</Link> wait for review.
                </p>
              )
            }
          </LoadState>
        </Panel>
        <Panel title="Tempo" wide>
          {months.length ? (
            <Suspense fallback={<p role="status">Loading the chart…</p>}>
              <LazyTempoChart months={months} title="Incidents per month, every actor" />
            </Suspense>
          ) : (
            <p className="muted">No dated incidents yet.</p>
          )}
        </Panel>
      </div>
    </>
  );
}
