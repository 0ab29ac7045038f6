import type { Clock, IdSource } from '../core/clock.js';
import { toStixTimestamp } from '../core/clock.js';
import { TearlineError, type ErrorDetail } from '../core/errors.js';
import type { AssessmentRow } from '../core/ports/analysis.js';
import {
  ASSESSMENT_EXTENSION_ID,
  isAnalyticConfidence,
  LIKELIHOOD_TERMS,
  parseLikelihood,
  toLikelihoodWords,
  type AnalyticConfidence,
  type AssessmentProperties,
  type LikelihoodTerm,
} from '../core/stix/assessment-extension.js';
import { createStixId, isStixId, type StixId } from '../core/stix/stix-id.js';
import type { StixObject } from '../core/stix/stix-object.js';

/** What an analyst submits to record a judgment. */
export interface AssessmentInput {
  subjectRef: string;
  capability: string;
  intent: string;
  analyticConfidence: string;
  rationale: string;
  evidenceRefs?: readonly string[];
  author: string;
  /** Defaults to now. */
  validFrom?: string;
  regionCountries?: readonly string[];
  targetDescription?: string;
  supersedes?: string;
}

/** An assessment as the API and the brief show it. */
export interface AssessmentView {
  id: string;
  subjectRef: string;
  capability: LikelihoodTerm;
  intent: LikelihoodTerm;
  analyticConfidence: AnalyticConfidence;
  rationale: string;
  evidenceRefs: string[];
  author: string;
  validFrom: string;
  regionCountries: string[];
  targetDescription?: string;
  supersedes?: string;
  /** Capability, intent and confidence in ICD 203 wording, one sentence each. */
  statement: string[];
  note: StixObject;
}

// STIX 2.1 Appendix A, None/Low/Med/High scale: the note's `confidence` carries the analytic
// confidence (how far we trust the judgment), not the likelihoods, which live in the extension.
const CONFIDENCE_VALUE: Record<AnalyticConfidence, number> = { low: 15, moderate: 50, high: 85 };
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Checks an analyst's input and builds the STIX `note` carrying the assessment extension. The
 * supersedes chain is checked separately (assessment-chain.ts), against the store.
 *
 * @example const note = createAssessmentNote(input, clock, ids)
 */
export function createAssessmentNote(
  input: AssessmentInput,
  clock: Clock,
  ids: IdSource,
): StixObject {
  const details: ErrorDetail[] = [];
  const bad = (path: string, message: string) => details.push({ path, message });
  if (!isStixId(input.subjectRef, 'threat-actor')) bad('.subjectRef', 'must be a threat-actor id');
  const capability = parseLikelihood(input.capability);
  const intent = parseLikelihood(input.intent);
  const terms = `an ICD 203 term: ${LIKELIHOOD_TERMS.join(', ')}`;
  if (!capability) bad('.capability', `must be ${terms}`);
  if (!intent) bad('.intent', `must be ${terms}`);
  if (!isAnalyticConfidence(input.analyticConfidence))
    bad('.analyticConfidence', 'must be low, moderate or high');
  if (typeof input.rationale !== 'string' || input.rationale.trim() === '')
    bad('.rationale', 'must say why');
  if (typeof input.author !== 'string' || input.author.trim() === '') bad('.author', 'is required');
  if (input.validFrom !== undefined && !TIMESTAMP.test(input.validFrom))
    bad('.validFrom', 'must be a UTC timestamp like 2024-03-23T00:00:00Z');
  const evidence = [...new Set(input.evidenceRefs ?? [])];
  evidence.forEach((ref, i) => {
    if (!isStixId(ref)) bad(`.evidenceRefs[${i}]`, 'must be a STIX id (incident, report, note…)');
  });
  const region = (input.regionCountries ?? []).map((c) => String(c).toUpperCase());
  region.forEach((c, i) => {
    if (!/^[A-Z]{2}$/.test(c)) bad(`.regionCountries[${i}]`, 'must be an ISO 3166-1 alpha-2 code');
  });
  if (input.supersedes !== undefined && !isStixId(input.supersedes, 'note'))
    bad('.supersedes', 'must be the id of an assessment (note--…)');
  if (details.length > 0) {
    throw new TearlineError(
      'TEARLINE_E_ASSESSMENT_INVALID',
      'The assessment is incomplete or malformed; fix the fields listed and submit it again.',
      { details },
    );
  }
  const now = toStixTimestamp(clock.now());
  const props: AssessmentProperties = {
    extension_type: 'property-extension',
    subject_ref: input.subjectRef as StixId<'threat-actor'>,
    ...(region.length > 0 ? { region_countries: region } : {}),
    ...(input.targetDescription ? { target_description: input.targetDescription } : {}),
    capability: capability!,
    intent: intent!,
    analytic_confidence: input.analyticConfidence as AnalyticConfidence,
    rationale: input.rationale.trim(),
    evidence_refs: evidence,
    author: input.author.trim(),
    valid_from: input.validFrom ?? now,
    ...(input.supersedes ? { supersedes_ref: input.supersedes as StixId<'note'> } : {}),
  };
  const statement = toAssessmentStatement(props, 'the actor');
  return {
    type: 'note',
    spec_version: '2.1',
    id: createStixId('note', ids),
    created: now,
    modified: now,
    abstract: `Capability: ${toLikelihoodWords(props.capability)}; intent: ${toLikelihoodWords(props.intent)} (${props.analytic_confidence} confidence)`,
    content: `${statement.join(' ')}\n\n${props.rationale}`,
    authors: [props.author],
    object_refs: [props.subject_ref, ...evidence.filter((e) => e !== props.subject_ref)],
    confidence: CONFIDENCE_VALUE[props.analytic_confidence],
    extensions: { [ASSESSMENT_EXTENSION_ID]: { ...props } },
  };
}

/** The assessment extension of a note, or undefined when the note is not an assessment. */
export function findAssessmentProperties(note: StixObject): AssessmentProperties | undefined {
  const ext = note.extensions?.[ASSESSMENT_EXTENSION_ID] as AssessmentProperties | undefined;
  return note.type === 'note' && ext && parseLikelihood(ext.capability) ? ext : undefined;
}

/** The store row of an assessment note. */
export function toAssessmentRow(note: StixObject): AssessmentRow {
  const p = findAssessmentProperties(note);
  if (!p) {
    throw new TearlineError(
      'TEARLINE_E_ASSESSMENT_INVALID',
      `${note.id} is not an assessment (a note with the assessment extension).`,
    );
  }
  return {
    id: note.id,
    subjectRef: p.subject_ref,
    supersedesRef: p.supersedes_ref,
    validFrom: p.valid_from,
    note,
  };
}

/**
 * The API's view of a stored assessment, with its ICD 203 sentences naming the actor.
 *
 * @example toAssessmentView(row, 'ISIS-K').statement[0] // 'It is likely that ISIS-K has the capability…'
 */
export function toAssessmentView(row: AssessmentRow, actorName = 'the actor'): AssessmentView {
  const p = findAssessmentProperties(row.note)!;
  return {
    id: row.id,
    subjectRef: p.subject_ref,
    capability: p.capability,
    intent: p.intent,
    analyticConfidence: p.analytic_confidence,
    rationale: p.rationale,
    evidenceRefs: p.evidence_refs,
    author: p.author,
    validFrom: p.valid_from,
    regionCountries: p.region_countries ?? [],
    targetDescription: p.target_description,
    supersedes: p.supersedes_ref,
    statement: toAssessmentStatement(p, actorName),
    note: row.note,
  };
}

/**
 * Three sentences in ICD 203 style: capability, intent, then confidence on its own, because
 * ICD 203 §D.6.e forbids a likelihood term and a confidence level in the same sentence.
 *
 * @example toAssessmentStatement(p, 'ISIS-K')
 */
export function toAssessmentStatement(p: AssessmentProperties, actorName: string): string[] {
  const action = `to carry out attacks${toAttackScope(p.target_description, p.region_countries)}`;
  return [
    `${capitalize(phrase(p.capability))} that ${actorName} has the capability ${action}.`,
    `${capitalize(phrase(p.intent))} that ${actorName} intends ${action}.`,
    `We hold this judgment with ${p.analytic_confidence} confidence.`,
  ];
}

const PREPOSITION =
  /^(in|inside|outside|against|on|at|across|within|beyond|throughout|into|from|near|around|targeting|by|abroad)\b/i;

/**
 * Where or against what the attacks are judged, as a phrase that follows "attacks": a target
 * written with its preposition is kept ("outside Afghanistan and Pakistan"), a place gets "in"
 * ("in Europe"), anything else "against" ("against concert venues"); without a target, the
 * countries judged ("in AF, PK and IR"). Only the target's first clause is used: a colon or a
 * semicolon starts text that is not part of the phrase, and would break the sentence.
 *
 * @example toAttackScope('Afghanistan and Pakistan: the east', []) // ' in Afghanistan and Pakistan'
 */
export function toAttackScope(target: string | undefined, countries?: readonly string[]): string {
  const clause = (target ?? '')
    .split(/[:;]/, 1)[0]!
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,!?]+$/, '')
    .trim();
  if (clause) {
    if (PREPOSITION.test(clause)) return ` ${clause}`;
    return /^[A-Z]/.test(clause) ? ` in ${clause}` : ` against ${clause}`;
  }
  const list = [...(countries ?? [])];
  if (list.length === 0) return '';
  const last = list.pop()!;
  return ` in ${list.length > 0 ? `${list.join(', ')} and ${last}` : last}`;
}

function phrase(term: LikelihoodTerm): string {
  if (term === 'almost-no-chance') return 'there is almost no chance';
  if (term === 'roughly-even-chance') return 'there is a roughly even chance';
  return `it is ${toLikelihoodWords(term)}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
