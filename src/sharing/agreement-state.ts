import type { Agreement, AgreementState } from '../core/ports/sharing.js';
import type { PartnerAccessLevel } from '../core/ports/partner-access.js';

/** An agreement's state at a moment, with the reasons when it is not active. */
export interface EffectiveState {
  state: AgreementState;
  reasons: string[];
}

/**
 * The state of an agreement at `now`: the stored transitions, then the clock — past its end date
 * it is ended; a breached condition, or one past its review date or expiry, suspends it.
 *
 * @example getEffectiveState(agreement, new Date()).state // 'suspended'
 */
export function getEffectiveState(agreement: Agreement, now: Date): EffectiveState {
  const t = now.getTime();
  if (agreement.state === 'ended') return { state: 'ended', reasons: ['ended'] };
  if (agreement.expires !== undefined && Date.parse(agreement.expires) <= t) {
    return { state: 'ended', reasons: [`expired on ${agreement.expires}`] };
  }
  const reasons: string[] = [];
  if (agreement.state === 'suspended') reasons.push('suspended');
  for (const c of agreement.conditions) {
    if (c.breached !== undefined) reasons.push(`condition "${c.text}" breached on ${c.breached}`);
    else if (Date.parse(c.expires) <= t)
      reasons.push(`condition "${c.text}" expired on ${c.expires}`);
    else if (Date.parse(c.reviewDate) <= t) {
      reasons.push(`condition "${c.text}" was due for review on ${c.reviewDate}`);
    }
  }
  return reasons.length > 0 ? { state: 'suspended', reasons } : { state: 'active', reasons };
}

/**
 * What a partner may read at `now` given its agreements: `full` with an active one,
 * `revocations-only` when it has agreements but none active, `none` without any.
 *
 * @example getPartnerAccessLevel(agreements, new Date()) // 'full'
 */
export function getPartnerAccessLevel(
  agreements: readonly Agreement[],
  now: Date,
): PartnerAccessLevel {
  if (agreements.length === 0) return 'none';
  return agreements.some((a) => getEffectiveState(a, now).state === 'active')
    ? 'full'
    : 'revocations-only';
}
