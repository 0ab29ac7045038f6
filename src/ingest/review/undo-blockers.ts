import type { ReviewDecision } from '../../core/ports/ingest.js';
import type { IngestDeps } from './review-deps.js';

/**
 * Why the decision cannot be undone without losing later work, in one sentence; undefined when it
 * can. Later work is: a newer version of an object it wrote (an edit, another merge), a
 * relationship to an object it created that it did not make, or a release to a partner (a partner
 * cannot be made to forget; revoke the release instead).
 *
 * @example const why = await undoBlocker(deps, draft.lastDecision)
 */
export async function undoBlocker(
  deps: IngestDeps,
  decision: ReviewDecision,
): Promise<string | undefined> {
  const ids = decision.objects.map((o) => o.id);
  const mine = new Set(ids);
  for (const o of decision.objects) {
    const latest = await deps.objects.getLatest(o.id);
    if (!latest || latest.revoked || String(latest.modified) !== o.modified) {
      return `${o.id} was changed after this decision (its version is no longer ${o.modified}).`;
    }
    if (o.role !== 'created') continue;
    const links = await deps.objects.relationshipsOf(o.id, { limit: 1000 });
    const later = links.find((r) => !mine.has(String(r.id)));
    if (later) return `${String(later.id)} was made since and refers to ${o.id}.`;
  }
  const released = (await deps.releasedIds?.(ids)) ?? [];
  if (released.length > 0) {
    return `${released[0]} was released to a partner; revoke the release instead.`;
  }
  return undefined;
}
