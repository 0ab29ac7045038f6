import type { QuantityEntity } from '../extract-types.js';
import { NUMBER_WORDS as UNITS } from '../text/number-words.js';

const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

// ACLED's reading of vague numbers: the minimum it codes, and the largest the word allows.
const VAGUE: Record<string, [number, number]> = {
  few: [3, 9],
  'a few': [3, 9],
  several: [3, 9],
  some: [3, 9],
  multiple: [3, 9],
  numerous: [3, 99],
  dozen: [12, 12],
  'a dozen': [12, 12],
  dozens: [12, 99],
  scores: [20, 99],
  tens: [10, 99],
  hundreds: [100, 999],
  thousands: [1000, 9999],
  'tens of thousands': [10000, 99999],
  'hundreds of thousands': [100000, 999999],
  millions: [1_000_000, 9_999_999],
};

const WORD_NUMBER = String.raw`(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+(?:hundred|thousand|million|billion))*)`;
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:hundred|thousand|million|billion))?`;
const VAGUE_WORDS = String.raw`(?:hundreds\s+of\s+thousands|tens\s+of\s+thousands|a\s+few|a\s+dozen|dozens|hundreds|thousands|millions|several|scores|tens|dozen|few|multiple|numerous)`;
const NUMBER = String.raw`(?:${DIGITS}|${WORD_NUMBER})`;
const PREFIX = String.raw`(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|approximately|some|up\s+to|fewer\s+than|less\s+than|as\s+many\s+as|roughly|an\s+estimated|estimated)\s+)?`;
const UNIT = String.raw`(?:\s*(?:percent|per\s+cent|%)|\s+(?:square\s+)?(?:kilometers|kilometres|km|miles|meters|metres|feet|tons|tonnes|kilograms|kg))?`;
const QUANTITY = new RegExp(
  String.raw`(?<![\w.,-])(?:${PREFIX}(?:between\s+)?(${NUMBER})(?:-plus|\+)?(?:\s*(?:-|–|to|and)\s*(${NUMBER}))?${UNIT}|(${VAGUE_WORDS}))(?![\w-]|\.\d|,\d)`,
  'gi',
);

/**
 * Reads a number written in digits or words ("6,000", "twenty-one", "3 million").
 *
 * @example parseNumber('twenty-one') // 21
 */
export function parseNumber(words: string): number | undefined {
  const clean = words.toLowerCase().trim();
  const digits = /^(\d[\d,]*(?:\.\d+)?)(?:\s+(hundred|thousand|million|billion))?$/.exec(clean);
  if (digits) return Number(digits[1]!.replace(/,/g, '')) * (digits[2] ? SCALES[digits[2]]! : 1);
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of clean.split(/[\s-]+/)) {
    if (w in UNITS) {
      current += UNITS[w]!;
      any = true;
    } else if (w in SCALES) {
      current = (current || 1) * SCALES[w]!;
      if (SCALES[w]! >= 1000) {
        total += current;
        current = 0;
      }
      any = true;
    } else return undefined;
  }
  return any ? total + current : undefined;
}

/**
 * Finds quantities with their range: numbers, number words, "at least 60", "15 to 20
 * percent", and vague words read as ACLED does (several = 3, dozens = 12, hundreds = 100).
 *
 * @example findQuantities('hundreds were injured')[0] // {text:'hundreds', min:100, max:999, …}
 */
export function findQuantities(text: string): QuantityEntity[] {
  const found: QuantityEntity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    let phrase = m[0];
    let start = m.index;
    const entity: QuantityEntity = {
      type: 'quantity',
      text: phrase,
      start,
      end: start + phrase.length,
    };
    if (m[3]) {
      const key = m[3].toLowerCase().replace(/\s+/g, ' ');
      // "some" and "few" alone are too often not counts ("some officials", "few doubt").
      if (key === 'some' || key === 'few') continue;
      const range = VAGUE[key];
      if (range) [entity.min, entity.max] = range;
    } else {
      const low = parseNumber(m[1]!);
      if (low === undefined) continue;
      // A designation is no count: "CTF 50", "DDG 70", "MQ-9", "KC-135", "Su-25".
      if (
        /(?:^|[^\w])[A-Z][A-Za-z]{0,4}[- ]$/.test(text.slice(Math.max(0, start - 7), start)) &&
        !/^\s/.test(phrase) &&
        /^[A-Z]{1,5}$|^[A-Z][a-z]$/.test(
          /([A-Za-z]+)[- ]$/.exec(text.slice(Math.max(0, start - 7), start))?.[1] ?? '',
        )
      )
        continue;
      // A bare year ("in 2021") is a date, not a count.
      if (/^(?:1[89]|20)\d\d$/.test(phrase.trim())) continue;
      const high = m[2] ? parseNumber(m[2]) : undefined;
      entity.min = low;
      entity.max = high ?? low;
      // Open-ended counts ("more than 130", "at least 60", "60-plus") have no upper bound.
      if (/^(?:more\s+than|over|at\s+least)\s/i.test(phrase) || /-plus|\+/.test(phrase)) {
        delete entity.max;
      }
      if (/^(?:up\s+to|fewer\s+than|less\s+than|as\s+many\s+as)\s/i.test(phrase)) entity.min = 0;
    }
    // A lone "a"/"an" is matched only with a scale ("a hundred"); trailing spaces never count.
    phrase = phrase.replace(/\s+$/, '');
    if (/^(?:a|an)$/i.test(phrase)) continue;
    entity.text = phrase;
    entity.end = start + phrase.length;
    start = entity.start;
    found.push(entity);
  }
  return found;
}
