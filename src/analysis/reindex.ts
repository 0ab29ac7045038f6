import type { ObjectRepository } from '../core/ports/object-repository.js';
import type { StixObject } from '../core/stix/stix-object.js';
import type { AnalysisDeps } from './analysis-deps.js';
import { indexStixObjects, type IndexResult } from './stix-indexing.js';

const CHUNK = 2000;

/**
 * Rebuilds the analysis tables from the STIX object store (latest, non-revoked versions): actors,
 * their relationships, every incident with its attributed actors, place and targets, and the
 * assessment notes. For stores filled by `tearline import` or by the demo loader, and after a
 * restore. Recording the same incident again replaces its facts, so a rerun is harmless.
 *
 * @example await reindexFromObjectStore(deps, store.objects)
 */
export async function reindexFromObjectStore(
  deps: AnalysisDeps,
  objects: Pick<ObjectRepository, 'streamAllVersions'>,
): Promise<IndexResult> {
  const latest = async (types: string[]): Promise<StixObject[]> => {
    // Versions stream in (id, modified) order, so the last one seen per id is the latest.
    const byId = new Map<string, StixObject>();
    for await (const o of objects.streamAllVersions({ types })) byId.set(o.id, o);
    return [...byId.values()].filter((o) => !o.revoked);
  };
  const actors = await latest(['threat-actor']);
  const relationships = await latest(['relationship']);
  const others = new Map((await latest(['location', 'identity'])).map((o) => [o.id as string, o]));
  const bySource = new Map<string, StixObject[]>();
  const actorRelationships: StixObject[] = [];
  for (const r of relationships) {
    const source = String(r.source_ref);
    if (source.startsWith('incident--')) {
      bySource.set(source, [...(bySource.get(source) ?? []), r]);
    } else if (source.startsWith('threat-actor--') || source.startsWith('intrusion-set--')) {
      actorRelationships.push(r);
    }
  }
  const total = await indexStixObjects(deps, [...actors, ...actorRelationships]);
  const incidents = await latest(['incident']);
  for (let i = 0; i < incidents.length; i += CHUNK) {
    const chunk = incidents.slice(i, i + CHUNK);
    const rels = chunk.flatMap((incident) => bySource.get(incident.id) ?? []);
    const targets = rels
      .map((r) => others.get(String(r.target_ref)))
      .filter((o): o is StixObject => o !== undefined);
    const r = await indexStixObjects(deps, [...chunk, ...rels, ...targets], {
      relationshipsComplete: true,
    });
    total.incidents.push(...r.incidents);
  }
  const notes = await latest(['note']);
  total.assessments = (await indexStixObjects(deps, notes)).assessments;
  return total;
}
