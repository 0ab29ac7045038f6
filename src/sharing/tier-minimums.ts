import { TearlineError } from '../core/errors.js';
import type { TrustTier } from '../core/ports/sharing.js';
import { parseTransforms, type Transform } from './transform.js';

/** The transforms every release to a partner of a tier gets, whatever its author ticked. */
export type TierMinimums = Readonly<Record<TrustTier, readonly Transform[]>>;

/**
 * The default minimums: nothing for close and trusted partners; sources and person names always
 * go to limited and minimal ones; minimal partners also get places at country level and dates at
 * month precision. A deployment changes them in its sharing settings (key `tier-minimums`).
 */
export const DEFAULT_TIER_MINIMUMS: TierMinimums = {
  close: [],
  trusted: [],
  limited: [{ kind: 'strip-sources' }, { kind: 'remove-person-names' }],
  minimal: [
    { kind: 'strip-sources' },
    { kind: 'remove-person-names' },
    { kind: 'coarsen-place', to: 'country' },
    { kind: 'coarsen-date', to: 'month' },
  ],
};

const TIERS: readonly TrustTier[] = ['close', 'trusted', 'limited', 'minimal'];
// Only transforms that need no per-release data can be a tier's minimum.
const MINIMUM_KINDS = new Set([
  'strip-sources',
  'remove-person-names',
  'coarsen-place',
  'coarsen-date',
]);

/**
 * Checks a tier-minimums description ({"minimal": [{"kind": "strip-sources"}], …}); tiers left
 * out keep their default.
 *
 * @example parseTierMinimums({ limited: [{ kind: 'strip-sources' }] }).limited.length // 1
 */
export function parseTierMinimums(value: unknown): TierMinimums {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TearlineError(
      'TEARLINE_E_SHARING_BAD_INPUT',
      'Tier minimums must be a JSON object such as {"limited":[{"kind":"strip-sources"}]}.',
    );
  }
  const record = value as Record<string, unknown>;
  const out: Record<TrustTier, readonly Transform[]> = { ...DEFAULT_TIER_MINIMUMS };
  for (const [tier, list] of Object.entries(record)) {
    if (!TIERS.includes(tier as TrustTier)) {
      throw new TearlineError(
        'TEARLINE_E_SHARING_BAD_INPUT',
        `Unknown trust tier "${tier}"; use one of ${TIERS.join(', ')}.`,
      );
    }
    const transforms = parseTransforms(list);
    const bad = transforms.find((t) => !MINIMUM_KINDS.has(t.kind));
    if (bad !== undefined) {
      throw new TearlineError(
        'TEARLINE_E_SHARING_BAD_INPUT',
        `A tier's minimum cannot be ${bad.kind}; use ${[...MINIMUM_KINDS].join(', ')}.`,
      );
    }
    out[tier as TrustTier] = transforms;
  }
  return out;
}

function covers(chosen: Transform, minimum: Transform): boolean {
  if (chosen.kind !== minimum.kind) return false;
  if (chosen.kind === 'coarsen-place' && minimum.kind === 'coarsen-place') {
    return chosen.to === minimum.to || chosen.to === 'country';
  }
  if (chosen.kind === 'coarsen-date' && minimum.kind === 'coarsen-date') {
    return chosen.to === minimum.to || chosen.to === 'year';
  }
  return true;
}

/**
 * A release's transforms with its partner's tier minimums added (a chosen transform as coarse or
 * coarser than a minimum covers it), and the minimums that had to be added.
 *
 * @example withTierMinimums([], 'limited', DEFAULT_TIER_MINIMUMS).added.length // 2
 */
export function withTierMinimums(
  transforms: readonly Transform[],
  tier: TrustTier,
  minimums: TierMinimums = DEFAULT_TIER_MINIMUMS,
): { transforms: Transform[]; added: Transform[] } {
  const added = (minimums[tier] ?? []).filter((m) => !transforms.some((t) => covers(t, m)));
  return { transforms: [...transforms, ...added], added };
}
