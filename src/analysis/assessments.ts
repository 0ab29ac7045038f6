import type { AnalysisDeps } from './analysis-deps.js';
import { toCarriedOverInput, type AssessmentSubmission } from './assessment-carry-over.js';
import { checkSupersedes, findSupersedesCycles } from './assessment-chain.js';
import { toAssessmentHistory, type AssessmentHistory } from './assessment-history.js';
import {
  createAssessmentNote,
  toAssessmentRow,
  toAssessmentView,
  type AssessmentView,
} from './assessment.js';
import { getActorOrThrow } from './actor-profile.js';
import { notFound, TearlineError } from '../core/errors.js';
import type { StixObject } from '../core/stix/stix-object.js';

/**
 * Records an analyst's judgment as a STIX note with the assessment extension, after checking
 * its fields and its place in the supersedes chain (predecessor exists, same actor, no fork
 * unless `allowFork`, no cycle). A superseding judgment keeps every field it does not send.
 *
 * @example await createAssessment(deps, { subjectRef, capability: 'likely', intent: 'likely', … supersedes: oldId })
 */
export async function createAssessment(
  deps: AnalysisDeps,
  submitted: AssessmentSubmission,
  options: { allowFork?: boolean } = {},
): Promise<AssessmentView> {
  const previousRow = submitted.supersedes
    ? await deps.repo.getAssessment(submitted.supersedes)
    : undefined;
  const input = toCarriedOverInput(
    submitted,
    previousRow ? toAssessmentView(previousRow) : undefined,
  );
  const note = createAssessmentNote(input, deps.clock, deps.ids);
  const row = toAssessmentRow(note);
  const actor = await deps.repo.getActor(row.subjectRef);
  await checkSupersedes(deps.repo, row, options);
  await deps.repo.putAssessment(row);
  await deps.publishObject?.(note);
  return toAssessmentView(row, actor?.name);
}

/**
 * Stores assessment notes that arrive with their ids (imports, partner bundles): each is checked
 * like a new one, and a batch whose `supersedes` links form a cycle is refused whole.
 *
 * @example await importAssessmentNotes(deps, notes)
 */
export async function importAssessmentNotes(
  deps: AnalysisDeps,
  notes: readonly StixObject[],
): Promise<number> {
  const rows = notes.map(toAssessmentRow);
  const cycles = findSupersedesCycles(rows);
  if (cycles.length > 0) {
    throw new TearlineError(
      'TEARLINE_E_ASSESSMENT_SUPERSEDES_CYCLE',
      `These assessments supersede each other in a circle (${cycles[0]!.join(' → ')}); fix their supersedes_ref.`,
    );
  }
  // Predecessors first, so that each check finds the one before it.
  const pending = new Map(rows.map((r) => [r.id, r]));
  let stored = 0;
  while (pending.size > 0) {
    const ready = [...pending.values()].filter(
      (r) => !r.supersedesRef || !pending.has(r.supersedesRef),
    );
    for (const row of ready) {
      pending.delete(row.id);
      if (await deps.repo.getAssessment(row.id)) continue;
      await checkSupersedes(deps.repo, row, { allowFork: true });
      await deps.repo.putAssessment(row);
      stored++;
    }
  }
  return stored;
}

/**
 * An actor's judgment history, with what changed at each step.
 *
 * @example (await getAssessmentHistory(deps, 'ISIS-K')).entries.at(-1)?.changes
 */
export async function getAssessmentHistory(
  deps: AnalysisDeps,
  idOrName: string,
): Promise<AssessmentHistory> {
  const actor = await getActorOrThrow(deps, idOrName);
  return toAssessmentHistory(await deps.repo.listAssessments(actor.id), actor.name);
}

/** One assessment, or a not-found error. */
export async function getAssessmentOrThrow(
  deps: AnalysisDeps,
  id: string,
): Promise<AssessmentView> {
  const row = await deps.repo.getAssessment(id);
  if (!row) {
    throw notFound('TEARLINE_E_ASSESSMENT_NOT_FOUND', `There is no assessment ${id}.`);
  }
  const actor = await deps.repo.getActor(row.subjectRef);
  return toAssessmentView(row, actor?.name);
}
