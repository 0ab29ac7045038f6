import type { CountRange } from '../../core/stix/conflict-event-extension.js';
import { NUMBER_WORDS } from '../text/number-words.js';

/** Number words, and the words that say none ("no casualties"). */
const UNITS: Readonly<Record<string, number>> = { ...NUMBER_WORDS, zero: 0, no: 0 };

/** ACLED's reading of vague counts (the extract contract): few/several = 3, dozens = 12, … */
const VAGUE: Record<string, CountRange> = {
  few: { min: 3, max: 3 },
  several: { min: 3, max: 3 },
  some: { min: 3, max: 3 },
  many: { min: 3, max: 3 },
  numerous: { min: 3, max: 3 },
  dozen: { min: 12, max: 12 },
  dozens: { min: 12, max: 99 },
  tens: { min: 10, max: 99 },
  scores: { min: 20, max: 99 },
  hundreds: { min: 100, max: 999 },
  thousands: { min: 1000, max: 9999 },
};

/** A count read from words, with where it ends in the string it was read from. */
export interface ReadCount extends CountRange {
  end: number;
}

/** One number phrase: digits ("1,200", "24"), words ("twenty-five", "a dozen") or vague words. */
export const COUNT_PHRASE =
  /\b(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|roughly|approximately)\s+)?(?:\d{1,3}(?:,\d{3})+|\d+|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+hundred)?|a dozen|dozens|several|a few|few|tens|scores|hundreds|thousands|numerous|a hundred|one hundred)(?:\s+of)?\b/gi;

/**
 * Reads a number phrase as a count range.
 *
 * @example readCount('at least 24') // { min: 24, max: 24, end: 11 }
 */
export function readCount(phrase: string): ReadCount | undefined {
  const lower = phrase.toLowerCase().replace(/\s+of$/, '');
  const body = lower
    .replace(
      /^(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|roughly|approximately)\s+/,
      '',
    )
    .trim();
  let value: CountRange | undefined;
  if (/^\d/.test(body)) {
    const n = Number(body.replace(/,/g, ''));
    if (Number.isFinite(n)) value = { min: n, max: n };
  } else if (VAGUE[body.replace(/^a /, '')] && body !== 'a dozen') {
    value = VAGUE[body.replace(/^a /, '')];
  } else if (body === 'a dozen') {
    value = { min: 12, max: 12 };
  } else if (body === 'a hundred' || body === 'one hundred') {
    value = { min: 100, max: 100 };
  } else {
    let total = 0;
    for (const word of body.split(/[- ]+/)) {
      if (word === 'hundred') total = (total || 1) * 100;
      else if (UNITS[word] !== undefined) total += UNITS[word]!;
      else return undefined;
    }
    value = { min: total, max: total };
  }
  if (!value) return undefined;
  // "more than 130" stays 130: ACLED records the stated figure as the lower bound.
  return { ...value, end: phrase.length };
}
