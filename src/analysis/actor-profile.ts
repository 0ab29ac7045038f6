import { notFound, TearlineError } from '../core/errors.js';
import type { ActorRecord, ActorTotals, IncidentFact, NamedCount } from '../core/ports/analysis.js';
import type { AnalysisDeps } from './analysis-deps.js';
import { toAssessmentHistory, type AssessmentHistory } from './assessment-history.js';
import { toMonth } from './month-series.js';
import { toReach, type Reach } from './reach.js';
import { findRegionCountries } from './regions.js';
import { computeTrend, type Trend, type TrendOptions } from './trend.js';

/** A relationship of the actor seen from its side. */
export interface ProfileRelationship {
  id: string;
  relationshipType: string;
  /** outgoing: the actor is the source ("ISIS-K is a branch of IS"); incoming: the target. */
  direction: 'outgoing' | 'incoming';
  otherActorId: string;
  otherActorName: string;
  description?: string;
  startTime?: string;
  stopTime?: string;
  /** False once `stop_time` has passed. */
  active: boolean;
}

/** Everything known about an actor, for the profile page and the brief. */
export interface ActorProfile {
  actor: ActorRecord;
  relationships: ProfileRelationship[];
  totals: ActorTotals;
  trend: Trend;
  reach: Reach;
  places: NamedCount[];
  targets: NamedCount[];
  keyIncidents: IncidentFact[];
  recentIncidents: IncidentFact[];
  assessments: AssessmentHistory;
}

export interface ProfileOptions extends TrendOptions {
  /** Last month of the trend (`YYYY-MM`); default the current month. */
  asOf?: string;
  /** How many places, targets and key or recent incidents to list (default 10). */
  limit?: number;
}

/**
 * Finds an actor by id, name or alias, or fails with a message that says how to list actors.
 *
 * @example const actor = await getActorOrThrow(deps, 'ISIS-K')
 */
export async function getActorOrThrow(deps: AnalysisDeps, idOrName: string): Promise<ActorRecord> {
  const actor = (await deps.repo.getActor(idOrName)) ?? (await deps.repo.findActorByName(idOrName));
  if (!actor) {
    throw notFound(
      'TEARLINE_E_ANALYSIS_ACTOR_NOT_FOUND',
      `No actor is known by "${idOrName}"; check the name or alias (GET /api/actors lists them).`,
    );
  }
  return actor;
}

/**
 * The actor's profile: names and aliases, relationships with their time bounds, incidents and
 * casualties per month with the trend tests, reach (home countries, external operations, first
 * incident per country), places, targets, key incidents and the assessment history. Every part
 * is read from the indexed facts and monthly aggregates, never from STIX JSON.
 *
 * @example const profile = await getActorProfile(deps, 'ISIS-K', { asOf: '2024-03' })
 */
export async function getActorProfile(
  deps: AnalysisDeps,
  idOrName: string,
  options: ProfileOptions = {},
): Promise<ActorProfile> {
  const { repo } = deps;
  const actor = await getActorOrThrow(deps, idOrName);
  const limit = options.limit ?? 10;
  const asOf = checkMonth(options.asOf) ?? toMonth(deps.clock.now());
  const [rels, totals, months, countries, home, places, targets, key, recent, assessments] =
    await Promise.all([
      repo.listActorRelationships(actor.id),
      repo.getActorTotals(actor.id),
      repo.getActorMonths(actor.id),
      repo.getActorCountries(actor.id),
      repo.getHomeCountries(actor.id),
      repo.getActorPlaces(actor.id, limit),
      repo.getActorTargets(actor.id, limit),
      repo.getKeyIncidents(actor.id, limit),
      repo.getRecentIncidents(actor.id, limit),
      repo.listAssessments(actor.id),
    ]);
  const now = deps.clock.now().toISOString();
  const relationships: ProfileRelationship[] = [];
  for (const r of rels) {
    const outgoing = r.sourceRef === actor.id;
    const otherId = outgoing ? r.targetRef : r.sourceRef;
    const other = await repo.getActor(otherId);
    relationships.push({
      id: r.id,
      relationshipType: r.relationshipType,
      direction: outgoing ? 'outgoing' : 'incoming',
      otherActorId: otherId,
      otherActorName: other?.name ?? otherId,
      description: r.description,
      startTime: r.startTime,
      stopTime: r.stopTime,
      active: r.stopTime === undefined || r.stopTime > now,
    });
  }
  return {
    actor,
    relationships,
    totals,
    trend: computeTrend(months, asOf, options),
    reach: toReach(countries, home),
    places,
    targets,
    keyIncidents: key,
    recentIncidents: recent,
    assessments: toAssessmentHistory(assessments, actor.name),
  };
}

/** Whose trend to compute: one actor, one country, or a region (continent or UN sub-region). */
export type TrendSubject = { actor: string } | { country: string } | { region: string };

/**
 * Tempo and lethality with change tests for an actor, a country or a region.
 *
 * @example await getTrend(deps, { region: 'Central Asia' }, { asOf: '2024-03' })
 */
export async function getTrend(
  deps: AnalysisDeps,
  subject: TrendSubject,
  options: ProfileOptions = {},
): Promise<Trend & { subject: TrendSubject; countries?: string[] }> {
  const asOf = checkMonth(options.asOf) ?? toMonth(deps.clock.now());
  if ('actor' in subject) {
    const actor = await getActorOrThrow(deps, subject.actor);
    const trend = computeTrend(await deps.repo.getActorMonths(actor.id), asOf, options);
    return { ...trend, subject: { actor: actor.id } };
  }
  const countries =
    'country' in subject
      ? checkCountry(subject.country)
      : (findRegionCountries(subject.region) ??
        badQuery(
          `Unknown region "${subject.region}"; use a continent or a UN M49 sub-region such as "Central Asia".`,
        ));
  const trend = computeTrend(await deps.repo.getCountryMonths(countries), asOf, options);
  return { ...trend, subject, countries };
}

function checkCountry(country: string): string[] {
  const c = country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c))
    badQuery(`"${country}" is not an ISO 3166-1 alpha-2 country code (e.g. AF).`);
  return [c];
}

function checkMonth(month: string | undefined): string | undefined {
  if (month === undefined) return undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    badQuery(`asOf must be a month like 2024-03 (got "${month}").`);
  return month;
}

function badQuery(message: string): never {
  throw new TearlineError('TEARLINE_E_ANALYSIS_BAD_QUERY', message);
}
