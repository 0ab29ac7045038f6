import { TearlineError } from '../errors.js';

/** An ICD 203 likelihood term (US Intelligence Community Directive 203, 2015). */
export type EstimativeTerm =
  | 'almost-no-chance'
  | 'very-unlikely'
  | 'unlikely'
  | 'roughly-even-chance'
  | 'likely'
  | 'very-likely'
  | 'almost-certain';

/** An analytic confidence level, which ICD 203 keeps apart from likelihood. */
export type ConfidenceLevel = 'low' | 'moderate' | 'high';

export interface EstimativeBand {
  term: EstimativeTerm;
  /** The two ICD 203 wordings of the band (do not mix rows in one product). */
  words: readonly [string, string];
  /** Probability range in percent, inclusive. */
  min: number;
  max: number;
  /** STIX `confidence` for this term (STIX 2.1 Appendix A, DNI scale). */
  stixConfidence: number;
  /** STIX `confidence` values that read back as this term (Appendix A, DNI scale). */
  stixRange: readonly [number, number];
}

/** The seven ICD 203 bands with their ranges and their STIX 2.1 Appendix A (DNI) conversion. */
export const ESTIMATIVE_BANDS: readonly EstimativeBand[] = [
  {
    term: 'almost-no-chance',
    words: ['almost no chance', 'remote'],
    min: 1,
    max: 5,
    stixConfidence: 5,
    stixRange: [0, 9],
  },
  {
    term: 'very-unlikely',
    words: ['very unlikely', 'highly improbable'],
    min: 5,
    max: 20,
    stixConfidence: 15,
    stixRange: [10, 19],
  },
  {
    term: 'unlikely',
    words: ['unlikely', 'improbable'],
    min: 20,
    max: 45,
    stixConfidence: 30,
    stixRange: [20, 39],
  },
  {
    term: 'roughly-even-chance',
    words: ['roughly even chance', 'roughly even odds'],
    min: 45,
    max: 55,
    stixConfidence: 50,
    stixRange: [40, 59],
  },
  {
    term: 'likely',
    words: ['likely', 'probable'],
    min: 55,
    max: 80,
    stixConfidence: 70,
    stixRange: [60, 79],
  },
  {
    term: 'very-likely',
    words: ['very likely', 'highly probable'],
    min: 80,
    max: 95,
    stixConfidence: 85,
    stixRange: [80, 89],
  },
  {
    term: 'almost-certain',
    words: ['almost certain', 'nearly certain'],
    min: 95,
    max: 99,
    stixConfidence: 95,
    stixRange: [90, 100],
  },
];

/**
 * STIX `confidence` for an ICD 203 term.
 *
 * @example toStixConfidenceFromTerm('likely') // 70
 */
export function toStixConfidenceFromTerm(term: EstimativeTerm): number {
  return getBandOrThrow(term).stixConfidence;
}

/**
 * The ICD 203 term a STIX `confidence` (0–100) reads as.
 *
 * @example toTermFromStixConfidence(72) // 'likely'
 */
export function toTermFromStixConfidence(confidence: number): EstimativeTerm {
  const c = Math.max(0, Math.min(100, Math.round(confidence)));
  return ESTIMATIVE_BANDS.find((b) => c >= b.stixRange[0] && c <= b.stixRange[1])!.term;
}

/**
 * The ICD 203 term whose probability range holds `percent`; at a shared edge (5, 20, 45, 55, 80,
 * 95) the lower band wins.
 *
 * @example toTermFromProbability(60) // 'likely'
 */
export function toTermFromProbability(percent: number): EstimativeTerm {
  const p = Math.max(0, Math.min(100, percent));
  return (
    ESTIMATIVE_BANDS.find((b) => p <= b.max) ?? ESTIMATIVE_BANDS[ESTIMATIVE_BANDS.length - 1]!
  ).term;
}

/**
 * Finds the term named by a wording ("highly probable", "Likely"), or undefined.
 *
 * @example parseEstimativeTerm('Highly probable') // 'very-likely'
 */
export function parseEstimativeTerm(text: string): EstimativeTerm | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return ESTIMATIVE_BANDS.find((b) => b.term === t || b.words.includes(t))?.term;
}

/** The band of a term. */
export function getBandOrThrow(term: EstimativeTerm): EstimativeBand {
  const band = ESTIMATIVE_BANDS.find((b) => b.term === term);
  if (!band) {
    throw new TearlineError(
      'TEARLINE_E_VOCAB_UNKNOWN_TERM',
      `"${term}" is not an ICD 203 term; use one of ${ESTIMATIVE_BANDS.map((b) => b.term).join(', ')}.`,
    );
  }
  return band;
}
