import { notFound } from '../../core/errors.js';
import type { DraftItem, DraftRecord } from '../../core/ports/ingest.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { findMergeCandidates, type MergeCandidate } from './merge-candidates.js';
import type { IngestDeps } from './review-deps.js';

/** A draft as the review screen shows it: the report, its items, and merge candidates by item. */
export interface DraftView {
  draft: DraftRecord;
  items: DraftItem[];
  /** For each proposed incident with matches: the existing incidents it may be. */
  mergeCandidates: Record<string, MergeCandidate[]>;
}

/**
 * The draft or a not-found error.
 *
 * @example const draft = await getDraftOrThrow(deps, id)
 */
export async function getDraftOrThrow(deps: IngestDeps, id: string): Promise<DraftRecord> {
  const draft = await deps.repo.getDraft(id);
  if (!draft) {
    throw notFound(
      'TEARLINE_E_INGEST_DRAFT_NOT_FOUND',
      `No draft has the id ${id}; list drafts with GET /api/drafts.`,
    );
  }
  return draft;
}

/** Names and aliases of the actors each draft incident is attributed to. */
export function proposedActorNames(items: readonly DraftItem[], incidentId: string): string[] {
  const names: string[] = [];
  for (const r of items) {
    if (r.kind !== 'relationship' || r.state === 'rejected') continue;
    if (r.object.source_ref !== incidentId || r.object.relationship_type !== 'attributed-to')
      continue;
    const actor = items.find((i) => i.object.id === r.object.target_ref);
    if (actor) names.push(...namesOf(actor.object));
  }
  return names;
}

/**
 * Existing incidents and a lookup of their attributed actors' names, for merge candidates. Reads
 * every latest incident and relationship: fine for a team's knowledge base, to be indexed past that.
 */
export async function loadMergeContext(deps: IngestDeps): Promise<{
  incidents: StixObject[];
  actorNamesOf: (incidentId: string) => string[];
}> {
  const incidents = await deps.objects.findLatest({ types: ['incident'] });
  if (incidents.length === 0) return { incidents, actorNamesOf: () => [] };
  const relationships = await deps.objects.findLatest({ types: ['relationship'] });
  const actorRefs = new Map<string, string[]>();
  for (const r of relationships) {
    if (r.relationship_type !== 'attributed-to' || typeof r.source_ref !== 'string') continue;
    actorRefs.set(r.source_ref, [...(actorRefs.get(r.source_ref) ?? []), String(r.target_ref)]);
  }
  const actorIds = [...new Set([...actorRefs.values()].flat())];
  const actors = actorIds.length > 0 ? await deps.objects.findLatest({ ids: actorIds }) : [];
  const byId = new Map(actors.map((a) => [a.id as string, namesOf(a)]));
  return {
    incidents,
    actorNamesOf: (id) => (actorRefs.get(id) ?? []).flatMap((ref) => byId.get(ref) ?? []),
  };
}

/**
 * The draft, its items and the merge candidates of its proposed incidents.
 *
 * @example const view = await getDraftView(deps, draftId)
 */
export async function getDraftView(deps: IngestDeps, id: string): Promise<DraftView> {
  const draft = await getDraftOrThrow(deps, id);
  const items = await deps.repo.listDraftItems(id);
  const mergeCandidates: Record<string, MergeCandidate[]> = {};
  const proposed = items.filter((i) => i.kind === 'incident' && i.state === 'proposed');
  if (proposed.length > 0) {
    const context = await loadMergeContext(deps);
    for (const item of proposed) {
      const found = findMergeCandidates(
        item.object,
        proposedActorNames(items, item.object.id),
        context.incidents,
        context.actorNamesOf,
      );
      if (found.length > 0) mergeCandidates[item.itemId] = found;
    }
  }
  return { draft, items, mergeCandidates };
}

function namesOf(o: StixObject): string[] {
  return [o.name, ...(Array.isArray(o.aliases) ? o.aliases : [])].filter(
    (n): n is string => typeof n === 'string',
  );
}
