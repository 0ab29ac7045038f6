import type { StixId } from './stix-id.js';
import {
  ESTIMATIVE_BANDS,
  parseEstimativeTerm,
  toStixConfidenceFromTerm,
  toTermFromStixConfidence,
  type EstimativeTerm,
} from '../vocab/estimative.js';

/**
 * Tearline's property extension for `note`: an analytic judgment about an actor's capability and
 * intent toward a region or target (see docs/adr/0010-assessments-as-notes.md). The
 * extension-definition object and its JSON schema live in assessment-definition.ts.
 */
export const ASSESSMENT_EXTENSION_ID =
  'extension-definition--5d2c8e4a-93b1-4f6e-a2d7-4c1b0e9f7a35' as const;

/**
 * A likelihood term: one of ICD 203's seven bands, as the shared estimative vocabulary names
 * them (src/core/vocab/estimative.ts: `very-unlikely`, `roughly-even-chance`, …).
 */
export type LikelihoodTerm = EstimativeTerm;

/** The seven terms, least to most likely. */
export const LIKELIHOOD_TERMS: readonly LikelihoodTerm[] = ESTIMATIVE_BANDS.map((b) => b.term);

/** Analytic confidence (ICD 203 §D.6.e(2)): how sound the sourcing and reasoning are. */
export const ANALYTIC_CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;
export type AnalyticConfidence = (typeof ANALYTIC_CONFIDENCE_LEVELS)[number];

/** The properties inside `note.extensions[ASSESSMENT_EXTENSION_ID]`. */
export interface AssessmentProperties {
  extension_type: 'property-extension';
  /** The threat-actor judged. */
  subject_ref: StixId<'threat-actor'>;
  /** ISO 3166-1 alpha-2 countries the judgment is about (e.g. operations in Europe); empty = anywhere. */
  region_countries?: string[];
  /** Free-text region or target ("Europe", "Western concert venues"). */
  target_description?: string;
  capability: LikelihoodTerm;
  intent: LikelihoodTerm;
  analytic_confidence: AnalyticConfidence;
  rationale: string;
  /** Incidents, reports and claims the judgment rests on. */
  evidence_refs: string[];
  /** Who made the judgment (a user name or an identity id). */
  author: string;
  /** When the judgment takes effect (STIX timestamp). */
  valid_from: string;
  /** The assessment this one replaces; absent for the first in a chain. */
  supersedes_ref?: StixId<'note'>;
}

/** True when `value` is one of the seven ICD 203 likelihood terms (in vocabulary form). */
export function isLikelihoodTerm(value: unknown): value is LikelihoodTerm {
  return typeof value === 'string' && (LIKELIHOOD_TERMS as readonly string[]).includes(value);
}

/**
 * The likelihood term an analyst wrote, in either ICD 203 wording or the vocabulary form
 * ("highly probable", "Very likely", "very-likely"), or undefined.
 *
 * @example parseLikelihood('very likely') // 'very-likely'
 */
export function parseLikelihood(value: unknown): LikelihoodTerm | undefined {
  return typeof value === 'string'
    ? (parseEstimativeTerm(value.replaceAll('-', ' ')) ?? parseEstimativeTerm(value))
    : undefined;
}

/**
 * The term as a sentence uses it (ICD 203's first wording).
 *
 * @example toLikelihoodWords('very-likely') // 'very likely'
 */
export function toLikelihoodWords(term: LikelihoodTerm): string {
  return ESTIMATIVE_BANDS.find((b) => b.term === term)!.words[0];
}

/** True when `value` is low, moderate or high. */
export function isAnalyticConfidence(value: unknown): value is AnalyticConfidence {
  return (
    typeof value === 'string' && (ANALYTIC_CONFIDENCE_LEVELS as readonly string[]).includes(value)
  );
}

/**
 * The STIX `confidence` (0–100) of a likelihood term, on STIX 2.1 Appendix A's DNI scale.
 *
 * @example toStixConfidence('unlikely') // 30
 */
export function toStixConfidence(term: LikelihoodTerm): number {
  return toStixConfidenceFromTerm(term);
}

/**
 * The likelihood term for a STIX `confidence` value, by the DNI scale's ranges.
 *
 * @example fromStixConfidence(72) // 'likely'
 */
export function fromStixConfidence(confidence: number): LikelihoodTerm {
  return toTermFromStixConfidence(confidence);
}

/**
 * The rank of a term, 0 (almost no chance) to 6 (almost certain), for comparisons.
 *
 * @example likelihoodRank('unlikely') < likelihoodRank('likely') // true
 */
export function likelihoodRank(term: LikelihoodTerm): number {
  return LIKELIHOOD_TERMS.indexOf(term);
}
