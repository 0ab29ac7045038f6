import { createAuditRecorder } from '../core/audit-recorder.js';
import { systemClock } from '../core/clock.js';
import type { AuditAction } from '../core/audit.js';
import {
  findRestrictedIds,
  findStixIds,
  isRestrictedObject,
  toProtectedMatchers,
} from '../core/audit-restricted.js';
import type { Store } from '../store/create-store.js';
import type { CliIo } from './cli-io.js';

/** Who a CLI record names: the `--as` user when one was given, else the operating-system account. */
export interface CliAuditActor {
  actorId: string;
  actorName: string;
}

/**
 * The actor of a CLI action: the Tearline user named by `--as` (id and username), or
 * `os:<USER>` (the CLI has no sign-in: whoever can run it can open the database).
 *
 * @example const actor = await toCliAuditActor(store, io, values.as)
 */
export async function toCliAuditActor(
  store: Store,
  io: CliIo,
  as: string | undefined,
): Promise<CliAuditActor> {
  const user =
    as === undefined ? undefined : await store.users.findByUsername(as.trim().toLowerCase());
  if (user !== undefined) return { actorId: user.id, actorName: user.username };
  return { actorId: '', actorName: `os:${io.env.USER ?? io.env.USERNAME ?? 'unknown'}` };
}

/**
 * Records one CLI action in the audit trail, origin 'cli', status 0 (the CLI records what it
 * did, after it did it).
 *
 * @example await recordCliAudit(store, io, 'object.export', [bundleId])
 */
export async function recordCliAudit(
  store: Store,
  io: CliIo,
  action: AuditAction,
  targets: readonly string[],
  actor?: CliAuditActor,
): Promise<void> {
  const recorder = createAuditRecorder(store.audit, systemClock);
  recorder.record({
    ...(actor ?? (await toCliAuditActor(store, io, undefined))),
    action,
    targets: [...new Set(targets.filter((t) => t !== ''))].join(' '),
    origin: 'cli',
    status: 0,
  });
  await recorder.flush();
}

/**
 * The deployment's protected terms as matchers (sharing settings), for classifying what the CLI
 * hands out.
 */
export async function loadProtectedMatchers(store: Store): Promise<string[]> {
  const terms = await store.sharing.settings?.getSetting('protected-terms');
  return toProtectedMatchers(
    Array.isArray(terms) ? terms.filter((t): t is string => typeof t === 'string') : [],
  );
}

/**
 * The restricted objects (TLP:AMBER+STRICT, TLP:RED, protected) something the CLI prints holds
 * whole or names by id: a preview, a bundle, a brief's model.
 *
 * @example await findRestrictedIn(store, preview)
 */
export async function findRestrictedIn(store: Store, value: unknown): Promise<string[]> {
  const matchers = await loadProtectedMatchers(store);
  const held = findRestrictedIds(value, matchers);
  const named = findStixIds(JSON.stringify(value)).filter((id) => !held.includes(id));
  const found =
    named.length > 0
      ? await store.objects.findLatest({ ids: named, includeRevoked: true, limit: named.length })
      : [];
  return [...held, ...found.filter((o) => isRestrictedObject(o, matchers)).map((o) => o.id)];
}
