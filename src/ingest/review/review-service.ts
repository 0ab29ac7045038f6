import { toStixTimestamp } from '../../core/clock.js';
import { notFound, TearlineError } from '../../core/errors.js';
import type { DraftItem, DraftRecord } from '../../core/ports/ingest.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { getDraftOrThrow } from './draft-view.js';
import { getProposedItemOrThrow } from './review-load.js';
import type { IngestDeps } from './review-deps.js';
import { nextModified, resolvedId, writeReviewed } from './review-write.js';
import { withMergedCounts } from './merged-counts.js';
import { findWrittenMerge, holdsMergeOf } from './written-merge.js';

/** What a review action did: the draft after it and the store ids written. */
export interface ReviewResult {
  draft: DraftRecord;
  items: DraftItem[];
  written: string[];
}

/** The graded, sourced STIX object written for an accepted item. */
function toStored(item: DraftItem, draft: DraftRecord, items: readonly DraftItem[]): StixObject {
  const o: StixObject = { ...item.object, x_tearline_grade: draft.grade };
  if (item.kind === 'incident') {
    o.x_tearline_corroboration = { count: 1, report_refs: [draft.report.id] };
  }
  if (item.kind === 'relationship') {
    const byId = new Map(items.map((i) => [i.object.id as string, i]));
    o.source_ref = resolvedId(byId.get(String(o.source_ref)) ?? item);
    const target = byId.get(String(o.target_ref));
    if (target) o.target_ref = resolvedId(target);
  }
  return o;
}

/**
 * Accepts one item: writes it (graded with the report's grade, its evidence kept) to the store.
 * Accepting an incident also accepts the actors, places and targets it links to, unless rejected,
 * and its relationships to them; a relationship alone needs both ends accepted first.
 *
 * @example await acceptItem(deps, draftId, 'incident--…')
 */
export async function acceptItem(
  deps: IngestDeps,
  draftId: string,
  itemId: string,
): Promise<ReviewResult> {
  const { draft, items, item } = await getProposedItemOrThrow(deps, draftId, itemId);
  if (item.kind === 'incident') {
    // Merged before a crash that left the item proposed: finish that merge, make no duplicate.
    const target = await findWrittenMerge(deps, draft, items, item);
    if (target) return mergeItem(deps, draftId, itemId, target.id as string);
  }
  const byId = new Map(items.map((i) => [i.object.id as string, i]));
  const accept: DraftItem[] = [];
  const reject: DraftItem[] = [];
  if (item.kind === 'incident') {
    accept.push(item);
    for (const r of items) {
      if (
        r.kind !== 'relationship' ||
        r.state !== 'proposed' ||
        r.object.source_ref !== item.object.id
      )
        continue;
      const end = byId.get(String(r.object.target_ref));
      if (!end || end.state === 'rejected') {
        reject.push(r);
        continue;
      }
      if (end.state === 'proposed' && !accept.includes(end)) accept.unshift(end);
      accept.push(r);
    }
  } else if (item.kind === 'relationship') {
    for (const ref of [item.object.source_ref, item.object.target_ref]) {
      const end = byId.get(String(ref));
      if (end && end.state !== 'accepted' && end.state !== 'merged') {
        throw new TearlineError(
          'TEARLINE_E_INGEST_ITEM_LINKS_PENDING',
          `Accept ${end.itemId} before the relationship that links it.`,
          { kind: 'conflict' },
        );
      }
    }
    accept.push(item);
  } else {
    accept.push(item);
  }
  return applyAcceptance(deps, draft, items, accept, reject);
}

async function applyAcceptance(
  deps: IngestDeps,
  draft: DraftRecord,
  items: DraftItem[],
  accept: readonly DraftItem[],
  reject: readonly DraftItem[],
): Promise<ReviewResult> {
  const now = toStixTimestamp(deps.clock.now());
  const objects: StixObject[] = [];
  const refs: string[] = [];
  const changed: DraftItem[] = [];
  for (const a of accept) {
    // An item matched to an existing store object (a known actor) writes nothing new.
    if (!a.existingId) objects.push(toStored(a, draft, items));
    const done: DraftItem = { ...a, state: 'accepted', resultId: resolvedId(a), updated: now };
    Object.assign(a, done);
    refs.push(done.resultId!);
    changed.push(done);
  }
  for (const r of reject) changed.push({ ...r, state: 'rejected', updated: now });
  const updated = await writeReviewed(deps, draft, objects, refs, changed);
  for (const a of accept) {
    if (a.kind === 'incident') await deps.onIncidentAccepted?.(a.object.id, objects);
  }
  return {
    draft: updated,
    items: await deps.repo.listDraftItems(draft.id),
    written: objects.map((o) => o.id),
  };
}

/**
 * Rejects one item; rejecting an incident rejects its relationships too. Nothing is written to
 * the knowledge base.
 *
 * @example await rejectItem(deps, draftId, 'location--…')
 */
export async function rejectItem(
  deps: IngestDeps,
  draftId: string,
  itemId: string,
): Promise<ReviewResult> {
  const { draft, items, item } = await getProposedItemOrThrow(deps, draftId, itemId);
  const now = toStixTimestamp(deps.clock.now());
  const changed = items
    .filter(
      (i) =>
        i === item ||
        (i.kind === 'relationship' &&
          i.state === 'proposed' &&
          (i.object.source_ref === item.object.id || i.object.target_ref === item.object.id)),
    )
    .map((i) => ({ ...i, state: 'rejected' as const, updated: now }));
  const updated = await writeReviewed(deps, draft, [], [], changed);
  return { draft: updated, items: await deps.repo.listDraftItems(draftId), written: [] };
}

/**
 * Merges a proposed incident into an existing one: the existing incident gets a new version with
 * this report as corroboration (`x_tearline_corroboration.count` and `.report_refs`) and this
 * report's evidence added; no new incident is made. An attribution to an actor the incident is
 * not yet attributed to is carried over to it (with the actor, when new); the draft's other
 * relationships of the incident are marked merged.
 *
 * @example await mergeItem(deps, draftId, 'incident--new', 'incident--existing')
 */
export async function mergeItem(
  deps: IngestDeps,
  draftId: string,
  itemId: string,
  targetIncidentId: string,
): Promise<ReviewResult> {
  const { draft, items, item } = await getProposedItemOrThrow(deps, draftId, itemId);
  if (item.kind !== 'incident') {
    throw new TearlineError(
      'TEARLINE_E_INGEST_BAD_MERGE',
      'Only a proposed incident can be merged into an incident.',
    );
  }
  const target = await deps.objects.getLatest(targetIncidentId);
  if (!target || target.type !== 'incident' || target.revoked) {
    throw notFound(
      'TEARLINE_E_INGEST_MERGE_TARGET_NOT_FOUND',
      `No incident ${targetIncidentId} is in the knowledge base; pick one of the draft's merge candidates.`,
    );
  }
  // A merge written before a crash (or a second click) is finished, not written again.
  const merged = holdsMergeOf(target, draft, item)
    ? target
    : toCorroborated(
        target,
        item.object,
        draft.report.id,
        nextModified(deps.clock, target.modified),
      );
  const now = toStixTimestamp(deps.clock.now());
  const changed: DraftItem[] = [{ ...item, state: 'merged', resultId: target.id, updated: now }];
  const objects: StixObject[] = [merged];
  const stored = await storedRelationshipsOf(deps, target.id);
  const known = new Set(
    stored.filter((r) => r.relationship_type === 'attributed-to').map((r) => String(r.target_ref)),
  );
  const byId = new Map(items.map((i) => [i.object.id as string, i]));
  for (const r of items) {
    if (
      r.kind !== 'relationship' ||
      r.state !== 'proposed' ||
      r.object.source_ref !== item.object.id
    )
      continue;
    // A second report that names who did it corroborates more than the attack: its attribution
    // to an actor the incident is not yet attributed to is carried over, graded as this report.
    const actor = byId.get(String(r.object.target_ref));
    const carry =
      r.object.relationship_type === 'attributed-to' &&
      actor !== undefined &&
      actor.state !== 'rejected' &&
      !known.has(resolvedId(actor));
    if (!carry) {
      changed.push({ ...r, state: 'merged', resultId: target.id, updated: now });
      continue;
    }
    if (actor.state === 'proposed') {
      if (!actor.existingId) objects.push(toStored(actor, draft, items));
      changed.push({ ...actor, state: 'accepted', resultId: resolvedId(actor), updated: now });
    }
    known.add(resolvedId(actor));
    objects.push({
      ...r.object,
      source_ref: target.id,
      target_ref: resolvedId(actor),
      x_tearline_grade: draft.grade,
    });
    changed.push({ ...r, state: 'accepted', resultId: r.object.id, updated: now });
  }
  const refs = [target.id, ...objects.slice(1).map((o) => o.id as string)];
  const updated = await writeReviewed(deps, draft, objects, refs, changed);
  // The analysis index reads the incident's stored relationships itself (indexStixObjects).
  await deps.onIncidentAccepted?.(target.id, objects);
  return {
    draft: updated,
    items: await deps.repo.listDraftItems(draftId),
    written: objects.map((o) => o.id),
  };
}

/** The relationships a stored incident is the source of (its actors, place and targets). */
async function storedRelationshipsOf(deps: IngestDeps, incidentId: string): Promise<StixObject[]> {
  const relationships = await deps.objects.relationshipsOf(incidentId, { limit: 10_000 });
  return relationships.filter((r) => r.source_ref === incidentId);
}

/**
 * The next version of `target` corroborated by `report`: count and report refs grown, evidence
 * added, casualty counts widened to cover both reports.
 *
 * @example toCorroborated(existing, proposed, 'report--…', '2024-06-11T00:00:00.000Z')
 */
export function toCorroborated(
  target: StixObject,
  proposed: StixObject,
  reportId: string,
  modified: string,
): StixObject {
  const prior = (target.x_tearline_corroboration ?? {}) as {
    count?: number;
    report_refs?: string[];
  };
  const refs = [...(prior.report_refs ?? [])];
  if (!refs.includes(reportId)) refs.push(reportId);
  const evidence = [
    ...(Array.isArray(target.x_tearline_evidence) ? target.x_tearline_evidence : []),
    ...(Array.isArray(proposed.x_tearline_evidence) ? proposed.x_tearline_evidence : []),
  ];
  return {
    ...withMergedCounts(target, proposed),
    modified,
    x_tearline_corroboration: { count: Math.max(refs.length, prior.count ?? 1), report_refs: refs },
    x_tearline_evidence: evidence,
  };
}

/**
 * Accepts every proposed item of the draft; an incident with merge candidates is merged into the
 * nearest when `mergeMatches` is set (auto-accept), else accepted as new.
 *
 * @example await acceptAll(deps, draftId)
 */
export async function acceptAll(
  deps: IngestDeps,
  draftId: string,
  options: { mergeInto?: Record<string, string> } = {},
): Promise<ReviewResult> {
  const written: string[] = [];
  // An item still proposed after its own acceptance would be offered again for ever: the request
  // would never answer. Refuse instead, naming the item.
  const tried = new Set<string>();
  for (const kind of [
    'incident',
    'threat-actor',
    'location',
    'identity',
    'relationship',
  ] as const) {
    for (;;) {
      const items = await deps.repo.listDraftItems(draftId);
      const next = items.find((i) => i.kind === kind && i.state === 'proposed');
      if (!next) break;
      if (tried.has(next.itemId)) {
        throw new TearlineError(
          'TEARLINE_E_INGEST_ACCEPT_STALLED',
          `Item ${next.itemId} is still proposed after it was accepted; accept it by itself to see why.`,
          { kind: 'conflict' },
        );
      }
      tried.add(next.itemId);
      const target = options.mergeInto?.[next.itemId];
      const r = target
        ? await mergeItem(deps, draftId, next.itemId, target)
        : await acceptItem(deps, draftId, next.itemId);
      written.push(...r.written);
    }
  }
  const draft = await getDraftOrThrow(deps, draftId);
  return { draft, items: await deps.repo.listDraftItems(draftId), written };
}

export { editItem, type ItemEdit } from './review-edit.js';
