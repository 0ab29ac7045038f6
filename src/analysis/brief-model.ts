import type { CollectionGap, IncidentFact } from '../core/ports/analysis.js';
import type { StixObject } from '../core/stix/stix-object.js';
import { getActorProfile, type ActorProfile } from './actor-profile.js';
import type { AnalysisDeps } from './analysis-deps.js';
import type { AssessmentChange } from './assessment-history.js';
import type { AssessmentView } from './assessment.js';
import type { MapPoint } from './brief-map.js';

/** A source of a key incident, as the brief lists it. */
export interface BriefSource {
  id: string;
  name: string;
  url?: string;
}

/** A key incident with its sources and grade. */
export interface BriefIncident extends IncidentFact {
  sources: BriefSource[];
}

/** Everything one brief shows, assembled before any HTML is written. */
export interface BriefModel {
  generatedAt: string;
  profile: ActorProfile;
  current?: AssessmentView;
  previous?: AssessmentView;
  changes: AssessmentChange[];
  /** Names of the evidence the current assessment added, by id. */
  newEvidence: BriefSource[];
  mapPoints: MapPoint[];
  /** Incidents the map cannot show (no coordinates). */
  unmapped: number;
  keyIncidents: BriefIncident[];
  gaps: CollectionGap[];
}

export interface BriefOptions {
  asOf?: string;
  /** Looks up reports and other objects (the STIX store) to name sources; optional. */
  lookupObject?: (id: string) => Promise<StixObject | undefined>;
}

/**
 * Gathers a brief's content for one actor: the profile, the current assessment and what changed
 * from the one it superseded, the places to map, key incidents with sources and Admiralty
 * grades, and the collection gaps about the actor or its countries.
 *
 * @example const model = await createBriefModel(deps, 'ISIS-K', { lookupObject: (id) => store.objects.getLatest(id) })
 */
export async function createBriefModel(
  deps: AnalysisDeps,
  idOrName: string,
  options: BriefOptions = {},
): Promise<BriefModel> {
  const profile = await getActorProfile(deps, idOrName, { asOf: options.asOf, limit: 200 });
  const history = profile.assessments;
  const current = history.current[0];
  const entry = current ? history.entries.find((e) => e.assessment.id === current.id) : undefined;
  const previous = entry?.previousId
    ? history.entries.find((e) => e.assessment.id === entry.previousId)?.assessment
    : undefined;
  const name = async (id: string): Promise<BriefSource> => {
    const facts = id.startsWith('incident--') ? await deps.repo.getIncidentFacts(id) : [];
    if (facts[0])
      return {
        id,
        name: `${facts[0].name}${facts[0].eventDate ? ` (${facts[0].eventDate})` : ''}`,
      };
    const o = await options.lookupObject?.(id);
    const url = o?.external_references?.find((r) => r.url)?.url;
    // An object we do not hold is named by its type and the start of its id, not the full id.
    const fallback = `${id.split('--')[0]} ${id.split('--')[1]?.slice(0, 8) ?? ''} (not in the store)`;
    return { id, name: typeof o?.name === 'string' ? o.name : fallback, ...(url ? { url } : {}) };
  };
  const keyIncidents: BriefIncident[] = [];
  // The deadliest incidents; when no death toll is known, the most recent ones.
  const key = profile.keyIncidents.length > 0 ? profile.keyIncidents : profile.recentIncidents;
  for (const f of key.slice(0, 6)) {
    keyIncidents.push({ ...f, sources: await Promise.all(f.reportRefs.slice(0, 3).map(name)) });
  }
  const home = profile.reach.homeCountries;
  const mapPoints = profile.places
    .filter((p) => p.latitude !== undefined && p.longitude !== undefined)
    .map((p) => ({
      latitude: p.latitude!,
      longitude: p.longitude!,
      incidents: p.incidents,
      label: p.name,
      external: p.country !== undefined && home.length > 0 && !home.includes(p.country),
    }));
  const mapped = mapPoints.reduce((s, p) => s + p.incidents, 0);
  const countries = new Set(profile.reach.countries.map((c) => c.country));
  const gaps = (await deps.repo.listCollectionGaps()).filter(
    (g) =>
      g.actorIds.includes(profile.actor.id) ||
      g.countries.some((c) => countries.has(c) || home.includes(c)),
  );
  return {
    generatedAt: deps.clock.now().toISOString(),
    profile,
    current,
    previous,
    changes: entry?.changes ?? [],
    newEvidence: await Promise.all((entry?.evidenceAdded ?? []).slice(0, 6).map(name)),
    mapPoints,
    unmapped: Math.max(0, profile.totals.incidents - mapped),
    keyIncidents,
    gaps,
  };
}
