import type { AssessmentInput, AssessmentView } from './assessment.js';

/** An assessment as submitted: a field left out of a superseding one is carried over. */
export type AssessmentSubmission = Omit<
  AssessmentInput,
  'capability' | 'intent' | 'analyticConfidence' | 'rationale'
> &
  Partial<Pick<AssessmentInput, 'capability' | 'intent' | 'analyticConfidence' | 'rationale'>>;

/**
 * The input of a new judgment with every field the submission leaves out taken from the one it
 * supersedes, so that a form (or a client) that does not show a field cannot wipe it: a field is
 * changed only when it is sent (an empty list or text clears it). Without a predecessor the
 * missing fields are empty, and the checks of `createAssessmentNote` name them.
 *
 * @example toCarriedOverInput({ subjectRef, intent: 'likely', author, supersedes: prev.id }, prev)
 */
export function toCarriedOverInput(
  submitted: AssessmentSubmission,
  previous: AssessmentView | undefined,
): AssessmentInput {
  const pick = <K extends keyof AssessmentView>(key: K) =>
    previous === undefined ? undefined : previous[key];
  const target = submitted.targetDescription ?? pick('targetDescription');
  return {
    ...submitted,
    capability: submitted.capability ?? pick('capability') ?? '',
    intent: submitted.intent ?? pick('intent') ?? '',
    analyticConfidence: submitted.analyticConfidence ?? pick('analyticConfidence') ?? '',
    rationale: submitted.rationale ?? pick('rationale') ?? '',
    evidenceRefs: submitted.evidenceRefs ?? pick('evidenceRefs') ?? [],
    regionCountries: submitted.regionCountries ?? pick('regionCountries') ?? [],
    // An empty text clears the target; STIX forbids empty strings, so it is left out.
    ...(target ? { targetDescription: target } : { targetDescription: undefined }),
  };
}
