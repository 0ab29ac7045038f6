import type { Agreement, Release } from '../core/ports/sharing.js';
import { changeAgreementState } from './agreement-service.js';
import { revokeRelease } from './release-service.js';
import type { Actor, SharingDeps } from './sharing-deps.js';

/**
 * Ends an agreement for good and revokes every release delivered under it, so that the
 * partner's copies follow.
 *
 * @example const { revoked } = await endAgreement(deps, actor, id, 'partner broke its commitment')
 */
export async function endAgreement(
  deps: SharingDeps,
  actor: Actor,
  id: string,
  reason: unknown,
): Promise<{ agreement: Agreement; revoked: Release[] }> {
  const agreement = await changeAgreementState(deps, actor, id, 'ended', reason);
  const delivered = await deps.sharing.releases.listReleases({
    agreementId: id,
    status: 'delivered',
  });
  const revoked: Release[] = [];
  for (const release of delivered) {
    revoked.push(
      await revokeRelease(deps, actor, release.id, `agreement ended: ${String(reason)}`),
    );
  }
  return { agreement, revoked };
}
