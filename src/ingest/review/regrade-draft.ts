import { toStixTimestamp } from '../../core/clock.js';
import { TearlineError } from '../../core/errors.js';
import type { DraftRecord } from '../../core/ports/ingest.js';
import { toAdmiraltyCode, type AdmiraltyGrade } from '../../core/vocab/admiralty.js';
import { getDraftOrThrow } from './draft-view.js';
import type { IngestDeps } from './review-deps.js';

/**
 * Gives a draft's report a new Admiralty grade before its items are accepted: the draft, its
 * STIX report and every proposed item carry it, and so will everything accepted from it. Once an
 * item is accepted or merged the grade is in the knowledge base, so a change is refused (409):
 * grading after the fact would leave the draft and the stored claims disagreeing.
 *
 * @example await regradeDraft(deps, draftId, { reliability: 'C', credibility: 3 })
 */
export async function regradeDraft(
  deps: IngestDeps,
  draftId: string,
  grade: AdmiraltyGrade,
): Promise<DraftRecord> {
  const draft = await getDraftOrThrow(deps, draftId);
  const items = await deps.repo.listDraftItems(draftId);
  if (items.some((i) => i.state === 'accepted' || i.state === 'merged')) {
    throw new TearlineError(
      'TEARLINE_E_INGEST_DRAFT_GRADED',
      `Items of draft ${draftId} were already accepted with grade ${toAdmiraltyCode(draft.grade)}; grade the report before accepting, or give the source a new grade for its next reports.`,
      { kind: 'conflict' },
    );
  }
  const now = toStixTimestamp(deps.clock.now());
  const updated: DraftRecord = {
    ...draft,
    grade,
    report: { ...draft.report, x_tearline_grade: grade },
    updated: now,
  };
  const regraded = items.map((i) =>
    i.state === 'proposed' ? { ...i, object: { ...i.object, x_tearline_grade: grade } } : i,
  );
  await deps.repo.saveDraft(updated, regraded);
  return updated;
}
