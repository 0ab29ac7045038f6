import type { CountRange } from '../../core/stix/conflict-event-extension.js';
import { NUMBER_WORDS } from './number-words.js';

// The one reading of count phrases, shared by the quantity finder (entities) and the casualty
// reader (events): before issue 14 they disagreed ("more than 70" was {70, 70} in events).

const SCALES: Readonly<Record<string, number>> = {
  // "two dozen" is 24 (a dozen alone is a vague count below).
  dozen: 12,
  hundred: 100,
  thousand: 1000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

/**
 * ACLED's reading of vague numbers (the extract contract): `min` is the figure ACLED codes
 * (few/several = 3, dozens = 12, tens = 10, hundreds = 100), `max` the largest the word allows.
 */
export const VAGUE_COUNTS: Readonly<Record<string, readonly [number, number]>> = {
  few: [3, 9],
  'a few': [3, 9],
  several: [3, 9],
  some: [3, 9],
  multiple: [3, 9],
  many: [3, 99],
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

/** Words before a number that bound it: open above, closed above, or about it. */
const MORE_THAN = /^(?:more\s+than|over|upwards\s+of|in\s+excess\s+of)\s+/i;
const AT_LEAST = /^(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of)\s+/i;
const AT_MOST = /^(?:up\s+to|as\s+many\s+as|at\s+most|a\s+maximum\s+of)\s+/i;
const BELOW = /^(?:fewer\s+than|less\s+than|under)\s+/i;
const ABOUT =
  /^(?:nearly|almost|about|around|approximately|some|roughly|an\s+estimated|estimated|close\s+to)\s+/i;

/**
 * Reads a number written in digits or words ("6,000", "twenty-one", "3 million", "a hundred").
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
    if (w in NUMBER_WORDS) {
      current += NUMBER_WORDS[w]!;
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
 * Reads a whole count phrase as a range: "more than 70" → {min: 71} (open), "at least 21" and
 * "21-plus" → {min: 21} (open), "up to 5" → {min: 0, max: 5}, "fewer than 5" → {min: 0, max: 4},
 * "about 30" → {min: 30, max: 30}, "15 to 20" → {min: 15, max: 20}, "dozens" → {min: 12, max: 99},
 * "no" / "zero" → {min: 0, max: 0}.
 *
 * @example readCountPhrase('more than 70') // { min: 71 }
 */
export function readCountPhrase(phrase: string): CountRange | undefined {
  let body = phrase
    .toLowerCase()
    .trim()
    .replace(/\s+of$/, '')
    .replace(/\s+/g, ' ');
  let bound: 'more' | 'least' | 'most' | 'below' | undefined;
  if (MORE_THAN.test(body)) bound = 'more';
  else if (AT_LEAST.test(body)) bound = 'least';
  else if (AT_MOST.test(body)) bound = 'most';
  else if (BELOW.test(body)) bound = 'below';
  body = body
    .replace(MORE_THAN, '')
    .replace(AT_LEAST, '')
    .replace(AT_MOST, '')
    .replace(BELOW, '')
    .replace(ABOUT, '')
    .replace(/^between\s+/, '');
  if (/(?:-plus|\+)$/.test(body)) {
    bound ??= 'least';
    body = body.replace(/(?:-plus|\+)$/, '');
  }
  const range = readBody(body);
  if (!range) return undefined;
  if (bound === 'more') return { min: (range.max ?? range.min) + 1 };
  if (bound === 'least') return { min: range.min };
  if (bound === 'most') return { min: 0, max: range.max ?? range.min };
  if (bound === 'below') return { min: 0, max: Math.max(0, range.min - 1) };
  return range;
}

function readBody(body: string): CountRange | undefined {
  if (body === 'no' || body === 'zero' || body === 'none') return { min: 0, max: 0 };
  const vague = VAGUE_COUNTS[body];
  if (vague) return { min: vague[0], max: vague[1] };
  // "15 to 20", "15 and 20", "15-20"; a hyphen joins words of one number ("twenty-one").
  const pair = /^(.+?)\s+(?:to|and)\s+(.+)$|^(\d[\d,.]*)\s*[-–]\s*(\d.*)$/.exec(body);
  if (pair) {
    const low = parseNumber(pair[1] ?? pair[3]!);
    const high = parseNumber(pair[2] ?? pair[4]!);
    if (low !== undefined && high !== undefined && high >= low) return { min: low, max: high };
  }
  const n = parseNumber(body);
  return n === undefined ? undefined : { min: n, max: n };
}
