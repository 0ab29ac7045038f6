import type { Clock } from '../../core/clock.js';
import { toStixTimestamp } from '../../core/clock.js';
import { TearlineError } from '../../core/errors.js';
import type { DraftItem, DraftRecord } from '../../core/ports/ingest.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { validateStixObject } from '../../core/stix/validate-stix-object.js';
import { formatIssue } from '../../core/stix/validation-issue.js';
import type { IngestDeps } from './review-deps.js';

/**
 * A timestamp after `previous`: the clock's now, or `previous` + 1 ms when the clock has not
 * moved past it (STIX 2.1 §3.2: a new version's `modified` must be later).
 *
 * @example nextModified(clock, '2024-06-10T00:00:00.000Z')
 */
export function nextModified(clock: Clock, previous?: string): string {
  const now = toStixTimestamp(clock.now());
  if (!previous || now > previous) return now;
  return new Date(Date.parse(previous) + 1).toISOString();
}

/** The store id an accepted or matched item stands for. */
export function resolvedId(item: DraftItem): string {
  return item.resultId ?? item.existingId ?? item.object.id;
}

/**
 * Writes `objects` plus the next version of the draft's report (its `object_refs` grown by
 * `refs`) in one transaction, after checking each against STIX 2.1; then saves the items' new
 * states and the draft's. Nothing is written when any object is invalid.
 */
export async function writeReviewed(
  deps: IngestDeps,
  draft: DraftRecord,
  objects: readonly StixObject[],
  refs: readonly string[],
  changed: readonly DraftItem[],
): Promise<DraftRecord> {
  const stored = await deps.objects.getLatest(draft.report.id);
  const previousRefs = Array.isArray(stored?.object_refs) ? (stored.object_refs as string[]) : [];
  const allRefs = [...new Set([...previousRefs, ...refs])];
  const toWrite = [...objects];
  let report = draft.report;
  if (allRefs.length > previousRefs.length) {
    report = {
      ...draft.report,
      modified: stored ? nextModified(deps.clock, stored.modified) : draft.report.modified,
      object_refs: allRefs,
    };
    toWrite.push(report);
  }
  const issues = toWrite.flatMap((o) => validateStixObject(o));
  if (issues.length > 0) {
    throw new TearlineError(
      'TEARLINE_E_INGEST_INVALID_OBJECT',
      `The reviewed item is not valid STIX 2.1 (${formatIssue(issues[0]!)}); edit it and accept again.`,
      { details: issues.map((i) => ({ subject: i.id, path: i.path, message: i.message })) },
    );
  }
  if (toWrite.length > 0) await deps.objects.putObjects(toWrite);
  await deps.repo.saveDraftItems(changed);
  const items = await deps.repo.listDraftItems(draft.id);
  const updated: DraftRecord = {
    ...draft,
    report,
    state: items.some((i) => i.state === 'proposed') ? 'open' : 'reviewed',
    updated: toStixTimestamp(deps.clock.now()),
  };
  await deps.repo.saveDraft(updated);
  return updated;
}
