/** Source reliability on the Admiralty scale (NATO AJP-2.1): A completely reliable … F cannot be judged. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
/** Information credibility: 1 confirmed by other sources … 6 truth cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/** The grade carried as `x_tearline_grade` on reports and on every claim derived from them. */
export interface AdmiraltyGrade {
  reliability: Reliability;
  credibility: Credibility;
}

export const RELIABILITY_LABELS: Readonly<Record<Reliability, string>> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

export const CREDIBILITY_LABELS: Readonly<Record<Credibility, string>> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

/** True for a well-formed `{ reliability: 'A'..'F', credibility: 1..6 }`. */
export function isAdmiraltyGrade(value: unknown): value is AdmiraltyGrade {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.reliability === 'string' &&
    v.reliability in RELIABILITY_LABELS &&
    Number.isInteger(v.credibility) &&
    (v.credibility as number) >= 1 &&
    (v.credibility as number) <= 6
  );
}

/**
 * Parses the written form of a grade ("B2", case-insensitive), or undefined.
 *
 * @example parseAdmiraltyGrade('b2') // { reliability: 'B', credibility: 2 }
 */
export function parseAdmiraltyGrade(text: string): AdmiraltyGrade | undefined {
  const m = /^\s*([A-Fa-f])\s*([1-6])\s*$/.exec(text);
  if (!m) return undefined;
  return {
    reliability: m[1]!.toUpperCase() as Reliability,
    credibility: Number(m[2]) as Credibility,
  };
}

/** The written form of a grade: "B2". */
export function toAdmiraltyCode(grade: AdmiraltyGrade): string {
  return `${grade.reliability}${grade.credibility}`;
}

/**
 * STIX `confidence` for an Admiralty credibility, by STIX 2.1 Appendix A: 1→90, 2→70, 3→50, 4→30,
 * 5→10, and 6 (cannot be judged) → undefined, meaning the property is left out.
 *
 * @example toStixConfidenceFromCredibility(2) // 70
 */
export function toStixConfidenceFromCredibility(credibility: Credibility): number | undefined {
  return credibility === 6 ? undefined : 90 - (credibility - 1) * 20;
}

/**
 * The Admiralty credibility for a STIX `confidence`, by the ranges of STIX 2.1 Appendix A
 * (80–100 → 1, 60–79 → 2, 40–59 → 3, 20–39 → 4, 0–19 → 5; absent → 6).
 *
 * @example toCredibilityFromStixConfidence(65) // 2
 */
export function toCredibilityFromStixConfidence(confidence: number | undefined): Credibility {
  if (confidence === undefined) return 6;
  if (confidence >= 80) return 1;
  if (confidence >= 60) return 2;
  if (confidence >= 40) return 3;
  if (confidence >= 20) return 4;
  return 5;
}
