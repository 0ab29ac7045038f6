import { TearlineError } from '../core/errors.js';
import type { Actor, SharingDeps } from './sharing-deps.js';
import { DEFAULT_TIER_MINIMUMS, parseTierMinimums, type TierMinimums } from './tier-minimums.js';

const PROTECTED_TERMS = 'protected-terms';
const TIER_MINIMUMS = 'tier-minimums';
const MAX_TERMS = 5_000;

/** The deployment's sharing settings the policy reads. */
export interface SharingSettings {
  /** Names and phrases (informants, operations) redacted from every release, never released. */
  protectedTerms: string[];
  tierMinimums: TierMinimums;
}

/**
 * The protected terms and tier minimums as stored, or the defaults (none; DEFAULT_TIER_MINIMUMS).
 *
 * @example const { protectedTerms } = await loadSharingSettings(deps)
 */
export async function loadSharingSettings(deps: SharingDeps): Promise<SharingSettings> {
  const store = deps.sharing.settings;
  if (store === undefined) return { protectedTerms: [], tierMinimums: DEFAULT_TIER_MINIMUMS };
  const terms = await store.getSetting(PROTECTED_TERMS);
  const minimums = await store.getSetting(TIER_MINIMUMS);
  return {
    protectedTerms: Array.isArray(terms)
      ? terms.filter((t): t is string => typeof t === 'string')
      : [],
    tierMinimums: minimums === undefined ? DEFAULT_TIER_MINIMUMS : parseTierMinimums(minimums),
  };
}

function requireAdminOrApprover(actor: Actor): void {
  if (!actor.roles.includes('admin') && !actor.roles.includes('approver')) {
    throw new TearlineError(
      'TEARLINE_E_AUTH_FORBIDDEN',
      'Changing the protected terms or tier minimums needs the approver or admin role.',
      { kind: 'forbidden' },
    );
  }
}

function settingsStore(deps: SharingDeps) {
  const store = deps.sharing.settings;
  if (store === undefined) throw new Error('This store keeps no sharing settings.');
  return store;
}

/**
 * Replaces the deployment's protected terms (trimmed, de-duplicated, two characters at least).
 *
 * @example await setProtectedTerms(deps, bea, ['Operation Falcon', 'source KESTREL'])
 */
export async function setProtectedTerms(
  deps: SharingDeps,
  actor: Actor,
  value: unknown,
): Promise<string[]> {
  requireAdminOrApprover(actor);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new TearlineError(
      'TEARLINE_E_SHARING_BAD_INPUT',
      'Protected terms must be a list of strings.',
    );
  }
  const terms = [...new Set(value.map((v) => v.trim()).filter((v) => v.length >= 2))];
  if (terms.length > MAX_TERMS) {
    throw new TearlineError(
      'TEARLINE_E_SHARING_BAD_INPUT',
      `At most ${MAX_TERMS} protected terms.`,
    );
  }
  await settingsStore(deps).putSetting(PROTECTED_TERMS, terms);
  return terms;
}

/**
 * Replaces the tier minimums ({"minimal": [...], ...}; tiers left out keep their default).
 *
 * @example await setTierMinimums(deps, bea, { limited: [{ kind: 'strip-sources' }] })
 */
export async function setTierMinimums(
  deps: SharingDeps,
  actor: Actor,
  value: unknown,
): Promise<TierMinimums> {
  requireAdminOrApprover(actor);
  const minimums = parseTierMinimums(value);
  await settingsStore(deps).putSetting(TIER_MINIMUMS, minimums);
  return minimums;
}
