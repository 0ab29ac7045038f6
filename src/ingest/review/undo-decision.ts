import { toStixTimestamp } from '../../core/clock.js';
import { TearlineError } from '../../core/errors.js';
import type { DecisionObject, DraftItem, ReviewDecision } from '../../core/ports/ingest.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { getDraftOrThrow } from './draft-view.js';
import type { IngestDeps } from './review-deps.js';
import type { ReviewResult } from './review-service.js';
import { nextModified } from './review-write.js';
import { undoBlocker } from './undo-blockers.js';

/** What an undo did: the draft and items after it, and the decision it reverted. */
export interface UndoResult extends ReviewResult {
  undone: ReviewDecision;
}

/**
 * Reverts the draft's last decision: its items are proposed again; each object it created gets a
 * revoked version (STIX 2.1 §3.6) and each incident it merged into gets its previous version back
 * as a new version. Refused (409) when there is nothing to undo, or when something later depends
 * on what it wrote: a newer version, a relationship made since, or a release to a partner.
 *
 * Revoked objects stay revoked, so the items that made them get new ids: accepting them again
 * writes new objects.
 *
 * @example await undoLastDecision(deps, draftId)
 */
export async function undoLastDecision(deps: IngestDeps, draftId: string): Promise<UndoResult> {
  const draft = await getDraftOrThrow(deps, draftId);
  const decision = draft.lastDecision;
  if (!decision) {
    throw new TearlineError(
      'TEARLINE_E_INGEST_NOTHING_TO_UNDO',
      `Draft ${draftId} has no decision to undo; only the last accept, reject or merge can be undone, once.`,
      { kind: 'conflict' },
    );
  }
  const blocker = await undoBlocker(deps, decision);
  if (blocker) {
    throw new TearlineError('TEARLINE_E_INGEST_UNDO_BLOCKED', `Cannot undo: ${blocker}`, {
      kind: 'conflict',
    });
  }
  const versions: StixObject[] = [];
  for (const o of decision.objects) versions.push(await revertedVersion(deps, o));
  if (versions.length > 0) await deps.objects.putObjects(versions);

  const now = toStixTimestamp(deps.clock.now());
  const created = decision.objects.filter((o) => o.role === 'created').map((o) => o.id);
  const items = renewIds(deps, await deps.repo.listDraftItems(draftId), new Set(created));
  const reopened = new Set(decision.itemIds);
  const restored = items.map((i): DraftItem => {
    if (!reopened.has(i.previousItemId)) return i.item;
    const { resultId: _written, ...rest } = i.item;
    return { ...rest, state: 'proposed', updated: now };
  });
  const { lastDecision: _undone, ...rest } = draft;
  const updated = { ...rest, state: 'open' as const, updated: now };
  await deps.repo.saveDraft(updated, restored);
  await deps.onReviewUndone?.(versions);
  return { draft: updated, items: restored, written: versions.map((v) => v.id), undone: decision };
}

/** The version that reverts one written object: revoked when created, the previous one when merged. */
async function revertedVersion(deps: IngestDeps, o: DecisionObject): Promise<StixObject> {
  const modified = nextModified(deps.clock, o.modified);
  if (o.role === 'created') {
    const latest = (await deps.objects.getLatest(o.id))!;
    return { ...latest, revoked: true, modified };
  }
  const earlier = (await deps.objects.listVersions(o.id)).filter(
    (v) => String(v.modified) < o.modified,
  );
  const previous = earlier
    .sort((a, b) => String(a.modified).localeCompare(String(b.modified)))
    .at(-1);
  if (!previous) {
    throw new TearlineError(
      'TEARLINE_E_INGEST_UNDO_BLOCKED',
      `Cannot undo: ${o.id} has no version before the merge to restore.`,
      { kind: 'conflict' },
    );
  }
  return { ...previous, modified };
}

/**
 * The draft's items with a fresh id for each whose object was written (and is now revoked), and
 * every relationship of the draft pointing at them re-pointed.
 */
function renewIds(
  deps: IngestDeps,
  items: readonly DraftItem[],
  written: ReadonlySet<string>,
): { item: DraftItem; previousItemId: string }[] {
  const renamed = new Map<string, string>();
  for (const i of items) {
    const id = String(i.object.id);
    if (written.has(id)) renamed.set(id, `${i.object.type}--${deps.ids.uuid()}`);
  }
  const to = (ref: unknown) => renamed.get(String(ref)) ?? ref;
  return items.map((i) => {
    const object: StixObject = { ...i.object, id: to(i.object.id) as StixObject['id'] };
    if (i.kind === 'relationship') {
      object.source_ref = to(i.object.source_ref);
      object.target_ref = to(i.object.target_ref);
    }
    return { item: { ...i, itemId: object.id, object }, previousItemId: i.itemId };
  });
}
