import type { AssessmentRow } from '../core/ports/analysis.js';
import { likelihoodRank } from '../core/stix/assessment-extension.js';
import { toAssessmentView, type AssessmentView } from './assessment.js';

/** One field that differs between an assessment and the one it superseded. */
export interface AssessmentChange {
  field: 'capability' | 'intent' | 'analyticConfidence' | 'regionCountries' | 'targetDescription';
  /** The field in an analyst's words ("Analytic confidence", "Countries judged"). */
  label: string;
  before: string;
  after: string;
  /** For likelihoods and confidence: whether the judgment went up or down. */
  direction?: 'raised' | 'lowered';
}

/** One step of an actor's judgment history. */
export interface AssessmentHistoryEntry {
  assessment: AssessmentView;
  /** The assessment this one replaced (absent for the first of a chain). */
  previousId?: string;
  changes: AssessmentChange[];
  evidenceAdded: string[];
  evidenceRemoved: string[];
  /** True when nothing supersedes it: a current judgment. */
  current: boolean;
}

export interface AssessmentHistory {
  subjectRef: string;
  /** The current judgments, latest `valid_from` first (more than one only after a fork). */
  current: AssessmentView[];
  /** Every assessment, oldest `valid_from` first, each with what changed from its predecessor. */
  entries: AssessmentHistoryEntry[];
}

/** Each assessment field in the words of the form, the history and the brief. */
export const ASSESSMENT_FIELD_WORDS: Record<AssessmentChange['field'], string> = {
  capability: 'Capability',
  intent: 'Intent',
  analyticConfidence: 'Analytic confidence',
  regionCountries: 'Countries judged',
  targetDescription: 'Region or target',
};

const CONFIDENCE_RANK = { low: 0, moderate: 1, high: 2 } as const;

/**
 * The history of an actor's assessments: what changed (capability, intent, confidence, scope,
 * evidence), when and by whom, along each `supersedes` link.
 *
 * @example toAssessmentHistory(await repo.listAssessments(actorId), 'ISIS-K')
 */
export function toAssessmentHistory(
  rows: readonly AssessmentRow[],
  actorName?: string,
): AssessmentHistory {
  const views = new Map(rows.map((r) => [r.id, toAssessmentView(r, actorName)]));
  const superseded = new Set(rows.map((r) => r.supersedesRef).filter((x): x is string => !!x));
  const ordered = [...views.values()].sort(
    (a, b) => a.validFrom.localeCompare(b.validFrom) || a.id.localeCompare(b.id),
  );
  const entries = ordered.map((view): AssessmentHistoryEntry => {
    const prev = view.supersedes ? views.get(view.supersedes) : undefined;
    return {
      assessment: view,
      previousId: view.supersedes,
      changes: prev ? diffAssessments(prev, view) : [],
      evidenceAdded: prev
        ? view.evidenceRefs.filter((e) => !prev.evidenceRefs.includes(e))
        : view.evidenceRefs,
      evidenceRemoved: prev ? prev.evidenceRefs.filter((e) => !view.evidenceRefs.includes(e)) : [],
      current: !superseded.has(view.id),
    };
  });
  return {
    subjectRef: rows[0]?.subjectRef ?? '',
    current: entries
      .filter((e) => e.current)
      .map((e) => e.assessment)
      .reverse(),
    entries,
  };
}

/**
 * What differs between two assessments, field by field.
 *
 * @example diffAssessments(before, after) // [{ field: 'intent', before: 'unlikely', after: 'likely', direction: 'raised' }]
 */
export function diffAssessments(before: AssessmentView, after: AssessmentView): AssessmentChange[] {
  const out: AssessmentChange[] = [];
  const push = (change: Omit<AssessmentChange, 'label'>) =>
    out.push({ ...change, label: ASSESSMENT_FIELD_WORDS[change.field] });
  for (const field of ['capability', 'intent'] as const) {
    if (before[field] !== after[field]) {
      push({
        field,
        before: before[field],
        after: after[field],
        direction:
          likelihoodRank(after[field]) > likelihoodRank(before[field]) ? 'raised' : 'lowered',
      });
    }
  }
  if (before.analyticConfidence !== after.analyticConfidence) {
    push({
      field: 'analyticConfidence',
      before: before.analyticConfidence,
      after: after.analyticConfidence,
      direction:
        CONFIDENCE_RANK[after.analyticConfidence] > CONFIDENCE_RANK[before.analyticConfidence]
          ? 'raised'
          : 'lowered',
    });
  }
  const b = [...before.regionCountries].sort().join(', ');
  const a = [...after.regionCountries].sort().join(', ');
  if (a !== b) push({ field: 'regionCountries', before: b, after: a });
  if ((before.targetDescription ?? '') !== (after.targetDescription ?? '')) {
    push({
      field: 'targetDescription',
      before: before.targetDescription ?? '',
      after: after.targetDescription ?? '',
    });
  }
  return out;
}
