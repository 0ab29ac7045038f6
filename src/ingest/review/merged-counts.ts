import {
  CONFLICT_EVENT_EXTENSION_ID,
  type ConflictEventProperties,
  type CountRange,
  spanCountRanges,
} from '../../core/stix/conflict-event-extension.js';
import type { StixObject } from '../../core/stix/stix-object.js';

const COUNTS = ['fatalities', 'injuries'] as const;

const isRange = (v: unknown): v is CountRange =>
  typeof v === 'object' &&
  v !== null &&
  Number.isFinite((v as CountRange).min) &&
  ((v as CountRange).max === undefined || Number.isFinite((v as CountRange).max));

/**
 * The casualty counts of a stored incident widened to cover a corroborating report's: reports of
 * one attack disagree (tolls climb as the wounded die, early reports say "at least"), and the
 * knowledge base keeps the span they give rather than whichever report was reviewed first.
 * Other properties of the stored incident are left as they are.
 *
 * @example withMergedCounts(stored, proposed) // fatalities {min: 133, max: 137} from 133 and 137
 */
export function withMergedCounts(target: StixObject, proposed: StixObject): StixObject {
  const extensions = target.extensions as Record<string, unknown> | undefined;
  const ours = extensions?.[CONFLICT_EVENT_EXTENSION_ID] as ConflictEventProperties | undefined;
  const theirs = (proposed.extensions as Record<string, unknown> | undefined)?.[
    CONFLICT_EVENT_EXTENSION_ID
  ] as Partial<ConflictEventProperties> | undefined;
  if (!ours || !theirs) return target;
  const merged: ConflictEventProperties = { ...ours };
  let changed = false;
  for (const key of COUNTS) {
    const a = ours[key];
    const b = theirs[key];
    if (!isRange(b)) continue;
    const next = isRange(a) ? spanCountRanges(a, b) : { ...b };
    if (!isRange(a) || next.min !== a.min || next.max !== a.max) {
      merged[key] = next;
      changed = true;
    }
  }
  return changed
    ? { ...target, extensions: { ...extensions, [CONFLICT_EVENT_EXTENSION_ID]: { ...merged } } }
    : target;
}
