import { createAuditRecorder } from '../core/audit-recorder.js';
import { systemClock } from '../core/clock.js';
import type { AuditAction } from '../core/audit.js';
import type { Store } from '../store/create-store.js';
import type { CliIo } from './cli-io.js';

/**
 * Records one CLI action in the audit trail, origin 'cli', actor the operating-system account
 * (the CLI has no sign-in: whoever can run it can open the database).
 *
 * @example await recordCliAudit(store, io, 'object.export', [bundleId])
 */
export async function recordCliAudit(
  store: Store,
  io: CliIo,
  action: AuditAction,
  targets: readonly string[],
): Promise<void> {
  const recorder = createAuditRecorder(store.audit, systemClock);
  recorder.record({
    actorId: '',
    actorName: `os:${io.env.USER ?? io.env.USERNAME ?? 'unknown'}`,
    action,
    targets: targets.join(' '),
    origin: 'cli',
    status: 0,
  });
  await recorder.flush();
}
