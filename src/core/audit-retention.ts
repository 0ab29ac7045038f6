import { toStixTimestamp, type Clock } from './clock.js';
import type { AuditTrail } from './ports/audit.js';

const DAY_MS = 86_400_000;

/**
 * Deletes audit records older than `days` and records the pruning itself (chained after the
 * remaining records); the store keeps the last pruned entry's hash as the checkpoint that
 * verification starts from. Returns how many records went.
 *
 * @example await pruneAuditTrail(store.audit, systemClock, 365, 'cli')
 */
export async function pruneAuditTrail(
  trail: AuditTrail,
  clock: Clock,
  days: number,
  origin: string,
): Promise<number> {
  const now = clock.now();
  const before = toStixTimestamp(new Date(now.getTime() - days * DAY_MS));
  const pruned = await trail.prune(before);
  if (pruned > 0) {
    const checkpoint = await trail.checkpoint();
    await trail.append([
      {
        at: toStixTimestamp(now),
        actorId: '',
        actorName: 'retention',
        action: 'audit.prune',
        targets: checkpoint ? `through-seq:${checkpoint.seq}` : '',
        origin,
        status: 0,
      },
    ]);
  }
  return pruned;
}
