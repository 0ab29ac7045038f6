/**
 * What a protest is *about* never decides its type; what happens at it does (ACLED codebook).
 * Purpose phrases ("protesting against police violence", "demanding the release of detainees",
 * "mourning those killed") and negated conduct ("non-violent", "no arrests", "without
 * incident") are blanked before the conduct cues (force, intervention, riot, killing) are read.
 */
const PURPOSE =
  /\b(?:(?:to |in )?protest(?:ing|ed|s)? (?:against|over|at|about)|in protest (?:at|against|over)|demand(?:ing|ed|s)?|call(?:ing|ed|s)? for|to (?:denounce|condemn|mourn|commemorate|demand)|denouncing|condemning|mourning|commemorating|in memory of|against the (?:killing|arrest|detention|shooting)s? of|over the (?:killing|death|arrest|detention|shooting)s? of|angered by|outraged by)\b[^.;,]*/g;
const NEGATED =
  /\b(?:non-?violent(?:ly)?|no (?:arrests?|injuries|violence|clashes|incidents?|casualties)(?: were (?:reported|made))?|without (?:incident|violence|(?:any )?arrests?)|(?:did|do) not (?:intervene|disperse|use force)|peaceful(?:ly)?)\b/g;

/** The lower-cased text with purpose phrases and negated conduct blanked (same length). */
export function toProtestConduct(lower: string): string {
  const blank = (m: string): string => ' '.repeat(m.length);
  return lower.replace(PURPOSE, blank).replace(NEGATED, blank);
}

/** The cues that tell what happened at a protest, read on its conduct only. */
export const CONDUCT_CUES: ReadonlySet<string> = new Set([
  'force',
  'intervention',
  'riot',
  'killing',
  'arrest',
  'state',
]);
