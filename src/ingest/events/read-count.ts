import type { CountRange } from '../../core/stix/conflict-event-extension.js';
import { readCountPhrase } from '../text/count-phrase.js';

/** One number phrase: digits ("1,200", "24"), words ("twenty-five", "a dozen") or vague words. */
export const COUNT_PHRASE =
  /\b(?:(?:at least|more than|over|upwards of|nearly|almost|about|around|some|up to|as many as|fewer than|less than|roughly|approximately|an estimated)\s+)?(?:\d{1,3}(?:,\d{3})+|\d+|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+hundred|\s+dozen)?|a dozen|dozens|several|a few|few|tens|scores|hundreds|thousands|numerous|a hundred|one hundred)(?:-plus)?(?:\s+of)?\b/gi;

/**
 * Reads a number phrase as a count range, through the one parser the quantity finder uses too:
 * "at least 24" has no upper bound, "more than 70" starts at 71.
 *
 * @example readCount('at least 24') // { min: 24 }
 */
export function readCount(phrase: string): CountRange | undefined {
  return readCountPhrase(phrase);
}
