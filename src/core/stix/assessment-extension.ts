import type { StixId } from './stix-id.js';

/**
 * Tearline's property extension for `note`: an analytic judgment about an actor's capability and
 * intent toward a region or target (see docs/adr/0010-assessments-as-notes.md). The
 * extension-definition object and its JSON schema live in assessment-definition.ts.
 */
export const ASSESSMENT_EXTENSION_ID =
  'extension-definition--5d2c8e4a-93b1-4f6e-a2d7-4c1b0e9f7a35' as const;

/**
 * The seven ICD 203 likelihood terms (ICD 203 §D.6.e, 2015), least to most likely. ICD 203 forbids
 * mixing its two vocabularies in one product, so we keep only the first row.
 */
export const LIKELIHOOD_TERMS = [
  'almost no chance',
  'very unlikely',
  'unlikely',
  'roughly even chance',
  'likely',
  'very likely',
  'almost certain',
] as const;

export type LikelihoodTerm = (typeof LIKELIHOOD_TERMS)[number];

/** A likelihood term with its ICD 203 percentage range and its STIX `confidence` value. */
export interface LikelihoodBand {
  term: LikelihoodTerm;
  /** Lower and upper bound of the ICD 203 range, in percent. */
  range: readonly [number, number];
  /** STIX 2.1 Appendix A "DNI scale" value for the term. */
  stixConfidence: number;
}

/** ICD 203 ranges and the STIX 2.1 Appendix A DNI-scale values (5, 15, 30, 50, 70, 85, 95). */
export const LIKELIHOOD_BANDS: readonly LikelihoodBand[] = [
  { term: 'almost no chance', range: [1, 5], stixConfidence: 5 },
  { term: 'very unlikely', range: [5, 20], stixConfidence: 15 },
  { term: 'unlikely', range: [20, 45], stixConfidence: 30 },
  { term: 'roughly even chance', range: [45, 55], stixConfidence: 50 },
  { term: 'likely', range: [55, 80], stixConfidence: 70 },
  { term: 'very likely', range: [80, 95], stixConfidence: 85 },
  { term: 'almost certain', range: [95, 99], stixConfidence: 95 },
];

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

/** True when `value` is one of the seven ICD 203 likelihood terms. */
export function isLikelihoodTerm(value: unknown): value is LikelihoodTerm {
  return typeof value === 'string' && (LIKELIHOOD_TERMS as readonly string[]).includes(value);
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
  return LIKELIHOOD_BANDS[LIKELIHOOD_TERMS.indexOf(term)]!.stixConfidence;
}

/**
 * The likelihood term for a STIX `confidence` value, by the DNI scale's ranges (0–9, 10–19, 20–39,
 * 40–59, 60–79, 80–89, 90–100).
 *
 * @example fromStixConfidence(72) // 'likely'
 */
export function fromStixConfidence(confidence: number): LikelihoodTerm {
  const bounds = [9, 19, 39, 59, 79, 89, 100];
  const i = bounds.findIndex((upper) => confidence <= upper);
  return LIKELIHOOD_TERMS[i < 0 ? 6 : i]!;
}

/**
 * The rank of a term, 0 (almost no chance) to 6 (almost certain), for comparisons.
 *
 * @example likelihoodRank('unlikely') < likelihoodRank('likely') // true
 */
export function likelihoodRank(term: LikelihoodTerm): number {
  return LIKELIHOOD_TERMS.indexOf(term);
}
