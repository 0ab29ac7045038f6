// "Bomber" names an aircraft or a person (issue 14: "a convicted bomber" was read as an air
// strike). News English marks the person by a human modifier ("convicted", "would-be",
// "suicide"), by what only a person does or undergoes ("was sentenced", "pleaded guilty",
// "who …"), or by an age in apposition ("the bomber, 22,"). The patterns work on lower-cased
// text too, as the classifier's cues read it.

/** Modifiers that make "bomber" a person: "the convicted bomber", "a would-be bomber". */
const HUMAN_MODIFIER = String.raw`(?:suicide|convicted|would-be|alleged|suspected|failed|jailed|imprisoned|lone|teenage|teenaged|accused|self-confessed|confessed|notorious|marathon|arena|concert|shoe|underwear|train|subway|bus|church|mosque|serial|mail|letter|parcel)`;
/** What only a person does or undergoes after "bomber(s)". */
const PERSON_AFTER = String.raw`(?:['’]s\s+(?:family|father|mother|brother|sister|wife|lawyer|trial|name|identity|home|relatives)|,\s+(?:\d{1,2}|aged|who|identified|named)\b|\s+(?:who|whose|pleaded|confessed|admitted|told|said|was\s+(?:\w+ly\s+)?(?:sentenced|convicted|jailed|arrested|released|charged|tried|identified|named|detained|freed|paroled|extradited|born|radicali[sz]ed|acquitted|indicted)|were\s+(?:\w+ly\s+)?(?:sentenced|convicted|jailed|arrested|released|charged|tried|identified|named|detained|freed|extradited|acquitted|indicted)|had\s+been\s+(?:sentenced|convicted|jailed|released|radicali[sz]ed))\b)`;

/**
 * A regular-expression source for "bomber(s)" as an aircraft: neither after a human modifier nor
 * before what only a person does. Embed it in a pattern (it carries no flags).
 *
 * @example new RegExp(AIRCRAFT_BOMBER, 'i').test('Russian bombers struck the town') // true
 */
export const AIRCRAFT_BOMBER = String.raw`(?<!\b${HUMAN_MODIFIER}[- ])\bbombers?\b(?!\s+(?:blew|detonated))(?!${PERSON_AFTER})`;

const JUDICIAL_MODIFIER =
  /\b(?:convicted|would-be|alleged|suspected|failed|jailed|imprisoned|accused|self-confessed|confessed|notorious)\s+$/i;
const JUDICIAL_AFTER = new RegExp(String.raw`^${PERSON_AFTER}`, 'i');

/**
 * True when "bomber" at `index` of `s` is a person told of outside any attack: a convicted or
 * would-be bomber, or one who is sentenced, released or named.
 *
 * @example isBomberOutsideAttack('A convicted bomber was released.', 12, 'bomber') // true
 */
export function isBomberOutsideAttack(s: string, index: number, word: string): boolean {
  if (!/^bombers?$/i.test(word)) return false;
  return (
    JUDICIAL_MODIFIER.test(s.slice(Math.max(0, index - 30), index)) ||
    JUDICIAL_AFTER.test(s.slice(index + word.length, index + word.length + 60))
  );
}
