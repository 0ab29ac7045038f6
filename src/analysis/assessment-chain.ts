import { TearlineError } from '../core/errors.js';
import type { AssessmentRepository, AssessmentRow } from '../core/ports/analysis.js';

/**
 * Checks that a new assessment may supersede what it names: the predecessor exists, judges the
 * same actor, has no successor yet (a fork needs `allowFork`), and following `supersedes` from
 * the new assessment never comes back to it (a cycle, possible when notes arrive with their ids).
 *
 * @example await checkSupersedes(repo, row, { allowFork: false })
 */
export async function checkSupersedes(
  repo: Pick<AssessmentRepository, 'getAssessment' | 'findSuccessors'>,
  row: AssessmentRow,
  options: { allowFork?: boolean } = {},
): Promise<void> {
  if (row.supersedesRef === undefined) return;
  if (row.supersedesRef === row.id) throw cycleError([row.id, row.id]);
  const previous = await repo.getAssessment(row.supersedesRef);
  if (!previous) {
    throw new TearlineError(
      'TEARLINE_E_ASSESSMENT_SUPERSEDES_MISSING',
      `There is no assessment ${row.supersedesRef} to supersede; check the id (GET /api/actors/<id>/assessments lists them).`,
      { details: [{ subject: row.id, path: '.supersedes', message: 'unknown assessment' }] },
    );
  }
  if (previous.subjectRef !== row.subjectRef) {
    throw new TearlineError(
      'TEARLINE_E_ASSESSMENT_SUBJECT_MISMATCH',
      `Assessment ${previous.id} is about ${previous.subjectRef}, not ${row.subjectRef}; a successor must judge the same actor.`,
    );
  }
  const successors = (await repo.findSuccessors(previous.id)).filter((s) => s.id !== row.id);
  if (successors.length > 0 && !options.allowFork) {
    throw new TearlineError(
      'TEARLINE_E_ASSESSMENT_FORK',
      `Assessment ${previous.id} is already superseded by ${successors[0]!.id}; supersede that one instead, or set allowFork to keep two lines of judgment.`,
      { kind: 'conflict' },
    );
  }
  const path = [row.id, previous.id];
  const seen = new Set(path);
  let cursor: AssessmentRow | undefined = previous;
  while (cursor?.supersedesRef !== undefined) {
    if (seen.has(cursor.supersedesRef)) throw cycleError([...path, cursor.supersedesRef]);
    seen.add(cursor.supersedesRef);
    path.push(cursor.supersedesRef);
    cursor = await repo.getAssessment(cursor.supersedesRef);
  }
}

/**
 * The cycles among a set of assessments (each as the list of ids around it), for imports.
 *
 * @example findSupersedesCycles(rows) // [['note--a', 'note--b', 'note--a']]
 */
export function findSupersedesCycles(rows: readonly AssessmentRow[]): string[][] {
  const next = new Map(rows.map((r) => [r.id, r.supersedesRef]));
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const start of next.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let cursor: string | undefined = start;
    while (cursor !== undefined && !done.has(cursor) && next.has(cursor)) {
      if (onPath.has(cursor)) {
        cycles.push([...path.slice(path.indexOf(cursor)), cursor]);
        break;
      }
      onPath.add(cursor);
      path.push(cursor);
      cursor = next.get(cursor);
    }
    for (const id of path) done.add(id);
  }
  return cycles;
}

function cycleError(path: string[]): TearlineError {
  return new TearlineError(
    'TEARLINE_E_ASSESSMENT_SUPERSEDES_CYCLE',
    `Following "supersedes" comes back to where it started (${path.join(' → ')}); an assessment cannot replace its own successor.`,
  );
}
