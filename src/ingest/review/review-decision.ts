import { toStixTimestamp } from '../../core/clock.js';
import type { DecisionObject, ReviewDecision } from '../../core/ports/ingest.js';
import type { IngestDeps } from './review-deps.js';
import type { ReviewResult } from './review-service.js';

/** A review result with the decision it recorded (what was made or merged, for the inbox). */
export interface DecidedResult extends ReviewResult {
  decision: ReviewDecision;
}

/**
 * Runs one review action and records it as the draft's last decision: the items it moved out of
 * `proposed` and each store object it wrote, new (`created`) or a merged incident's new version
 * (`merged-into`), with the version written so that an undo can tell whether anything changed
 * it since.
 *
 * @example await recordDecision(deps, draftId, 'accept', () => acceptItem(deps, draftId, itemId))
 */
export async function recordDecision(
  deps: IngestDeps,
  draftId: string,
  action: ReviewDecision['action'],
  run: () => Promise<ReviewResult>,
): Promise<DecidedResult> {
  const before = await deps.repo.listDraftItems(draftId);
  const wasProposed = new Set(before.filter((i) => i.state === 'proposed').map((i) => i.itemId));
  const result = await run();
  const decided = result.items.filter((i) => wasProposed.has(i.itemId) && i.state !== 'proposed');
  const mergedInto = new Set(
    decided.filter((i) => i.kind === 'incident' && i.state === 'merged').map((i) => i.resultId),
  );
  const objects: DecisionObject[] = [];
  for (const id of new Set(result.written)) {
    const stored = await deps.objects.getLatest(id);
    if (!stored) continue;
    objects.push({
      id,
      type: stored.type,
      name: typeof stored.name === 'string' ? stored.name : undefined,
      modified: String(stored.modified),
      role: mergedInto.has(id) ? 'merged-into' : 'created',
    });
  }
  const decision: ReviewDecision = {
    action,
    at: toStixTimestamp(deps.clock.now()),
    itemIds: decided.map((i) => i.itemId),
    objects,
  };
  const draft = { ...result.draft, lastDecision: decision };
  await deps.repo.saveDraft(draft);
  return { ...result, draft, decision };
}
