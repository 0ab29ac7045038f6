import type { IncidentPlace, IncidentTarget } from '../core/ports/analysis.js';
import type { StixObject } from '../core/stix/stix-object.js';
import type { AnalysisDeps } from './analysis-deps.js';
import { findAssessmentProperties } from './assessment.js';
import { importAssessmentNotes } from './assessments.js';

/** What `indexStixObjects` recorded. */
export interface IndexResult {
  actors: number;
  actorRelationships: number;
  incidents: string[];
  assessments: number;
}

const ACTOR_RELATIONSHIP_SOURCES = new Set(['threat-actor', 'intrusion-set']);

/** Options of `indexStixObjects`. */
export interface IndexOptions {
  /**
   * The batch carries every relationship of its incidents (a rebuild from the whole store), so
   * the stored ones need not be looked up.
   */
  relationshipsComplete?: boolean;
}

/**
 * Feeds a batch of accepted STIX objects (a review's output, an imported bundle) into the
 * analysis tables: threat-actors into the directory, actor-to-actor relationships with their
 * time bounds, incidents with the actors (`attributed-to`), place (`located-at`) and targets
 * (`targets`) of their relationships, and assessment notes. An incident's relationships are
 * those in the batch plus those already stored (a batch version replaces a stored one, a revoked
 * one removes it), so a new version of an incident that arrives alone keeps its actors and place.
 * Returns the incident ids recorded, for `evaluateAlertsForIncident`.
 *
 * @example const { incidents } = await indexStixObjects(deps, bundle.objects)
 */
export async function indexStixObjects(
  deps: AnalysisDeps,
  objects: readonly StixObject[],
  options: IndexOptions = {},
): Promise<IndexResult> {
  const byId = new Map<string, StixObject>(objects.map((o) => [o.id, o]));
  const relationships = [
    ...objects.filter((o) => o.type === 'relationship'),
    ...(options.relationshipsComplete ? [] : await storedIncidentRelationships(deps, objects)),
  ];
  // Actors and places referenced from the batch but stored earlier come from the object store.
  const missing = new Set<string>();
  for (const r of relationships) {
    if (!String(r.source_ref).startsWith('incident--')) continue;
    const target = String(r.target_ref);
    const wanted =
      (r.relationship_type === 'attributed-to' && target.startsWith('threat-actor--')) ||
      r.relationship_type === 'located-at' ||
      r.relationship_type === 'targets';
    if (wanted && !byId.has(target)) missing.add(target);
  }
  const fetched: StixObject[] = [];
  for (const id of deps.objects ? missing : []) {
    if (id.startsWith('threat-actor--') && (await deps.repo.getActor(id))) continue;
    const o = await deps.objects!.getLatest(id);
    if (o) {
      byId.set(o.id, o);
      if (o.type === 'threat-actor') fetched.push(o);
    }
  }
  const result: IndexResult = { actors: 0, actorRelationships: 0, incidents: [], assessments: 0 };
  for (const o of [...objects, ...fetched]) {
    if (o.type !== 'threat-actor' || o.revoked) continue;
    await deps.repo.recordActor({
      id: o.id,
      name: String(o.name ?? o.id),
      aliases: Array.isArray(o.aliases) ? o.aliases.map(String) : [],
      threatActorTypes: Array.isArray(o.threat_actor_types) ? o.threat_actor_types.map(String) : [],
      description: typeof o.description === 'string' ? o.description : undefined,
    });
    result.actors++;
  }
  const actorsOf = new Map<string, string[]>();
  const placeOf = new Map<string, IncidentPlace>();
  const targetsOf = new Map<string, IncidentTarget[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) =>
    map.set(key, [...(map.get(key) ?? []), value]);
  for (const r of relationships) {
    if (r.revoked) continue;
    const source = String(r.source_ref);
    const target = String(r.target_ref);
    const sourceType = source.split('--')[0]!;
    const targetType = target.split('--')[0]!;
    if (
      sourceType === 'incident' &&
      r.relationship_type === 'attributed-to' &&
      targetType === 'threat-actor'
    ) {
      push(actorsOf, source, target);
    } else if (sourceType === 'incident' && r.relationship_type === 'located-at') {
      const loc = byId.get(target);
      if (loc) placeOf.set(source, toPlace(loc));
    } else if (sourceType === 'incident' && r.relationship_type === 'targets') {
      const t = byId.get(target);
      push(targetsOf, source, { id: target, name: String(t?.name ?? t?.country ?? target) });
    } else if (
      ACTOR_RELATIONSHIP_SOURCES.has(sourceType) &&
      ACTOR_RELATIONSHIP_SOURCES.has(targetType)
    ) {
      await deps.repo.recordActorRelationship({
        id: r.id,
        sourceRef: source,
        targetRef: target,
        relationshipType: String(r.relationship_type),
        description: typeof r.description === 'string' ? r.description : undefined,
        startTime: typeof r.start_time === 'string' ? r.start_time : undefined,
        stopTime: typeof r.stop_time === 'string' ? r.stop_time : undefined,
      });
      result.actorRelationships++;
    }
  }
  const incidents = objects.filter((o) => o.type === 'incident' && !o.revoked);
  // A revoked incident (an undone review decision) leaves every count it was in.
  const revoked = objects.filter((o) => o.type === 'incident' && o.revoked).map((o) => o.id);
  if (revoked.length > 0) await deps.repo.forgetIncidents(revoked);
  await deps.repo.recordIncidents(
    incidents.map((incident) => ({
      incident,
      actorIds: actorsOf.get(incident.id) ?? [],
      place: placeOf.get(incident.id),
      targets: targetsOf.get(incident.id),
    })),
  );
  result.incidents = incidents.map((i) => i.id);
  const notes = objects.filter((o) => findAssessmentProperties(o) !== undefined);
  if (notes.length > 0) result.assessments = await importAssessmentNotes(deps, notes);
  return result;
}

/**
 * The stored relationships whose source is an incident of the batch and which the batch does not
 * carry in another version (the batch's version, revoked or not, decides).
 */
async function storedIncidentRelationships(
  deps: AnalysisDeps,
  objects: readonly StixObject[],
): Promise<StixObject[]> {
  if (!deps.objects) return [];
  const inBatch = new Set(objects.map((o) => o.id as string));
  const found: StixObject[] = [];
  for (const incident of objects) {
    if (incident.type !== 'incident' || incident.revoked) continue;
    const stored = await deps.objects.relationshipsOf(incident.id, { limit: 10_000 });
    for (const r of stored) {
      if (r.source_ref === incident.id && !inBatch.has(r.id as string)) found.push(r);
    }
  }
  return found;
}

function toPlace(location: StixObject): IncidentPlace {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  return {
    country: typeof location.country === 'string' ? location.country.toUpperCase() : undefined,
    admin1:
      typeof location.administrative_area === 'string' ? location.administrative_area : undefined,
    name:
      typeof location.name === 'string'
        ? location.name
        : typeof location.city === 'string'
          ? location.city
          : undefined,
    latitude: num(location.latitude),
    longitude: num(location.longitude),
  };
}
