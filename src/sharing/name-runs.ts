// Runs of capitalised words and what each word is: the shared reading of "who might this be" for
// the prose module (which removes runs that can only be names) and the residual scan (which
// reports what is left). A word is plain when it cannot be part of a person's name: a
// capitalised function word, a calendar word, a people or faith, a common English word, an
// acronym, a title, or a mark a transform wrote.

import { CAPITALISED_NON_NAMES, isPeopleOrFaith } from './non-names.js';
import { TITLE_WORDS } from './prose-finders.js';

export interface RunWord {
  word: string;
  start: number;
  end: number;
}

const CAP_RUN =
  /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:bin|ibn|bint|al|el|ul|ud|de|van|von|da)\s+)?\p{Lu}[\p{L}\p{M}'’-]*){0,4}/gu;
const PARTICLES = new Set(['bin', 'ibn', 'bint', 'al', 'el', 'ul', 'ud', 'de', 'van', 'von', 'da']);
// An all-capitals word of up to six letters, perhaps with a suffix, is an acronym (UN, ISKP, JUI-F).
const ACRONYM = /^[\p{Lu}\d]{1,6}(?:-[\p{Lu}\d]{1,3})?$/u;

/** Every run of capitalised words (Arabic and Dutch particles inside allowed), word by word. */
export function findCapitalisedRuns(text: string): RunWord[][] {
  const runs: RunWord[][] = [];
  CAP_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAP_RUN.exec(text)) !== null) {
    const words: RunWord[] = [];
    for (const w of m[0].matchAll(/\S+/g)) {
      if (PARTICLES.has(w[0])) continue;
      const start = m.index + w.index;
      // A possessive or a trailing apostrophe is not part of the name.
      const word = w[0].replace(/['’]s?$/, '');
      words.push({ word, start, end: start + word.length });
    }
    if (words.length > 0) runs.push(words);
  }
  return runs;
}

/** Whether `index` opens a sentence (start of text, after a full stop, a colon or a line break). */
export function opensSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 3), index);
  return index === 0 || /[.!?:"“(\n]\s*$/.test(before) || /^\s*$/.test(text.slice(0, index));
}

/**
 * Whether a word of a run cannot be (part of) a person's name. `isCommon` is the recognisers'
 * common-word test (a dictionary), asked for each part of a hyphenated word.
 *
 * @example isPlainWord('Kyrgyz-Tajik', () => false) // true: two peoples
 */
export function isPlainWord(
  word: string,
  isCommon: (word: string) => boolean,
  afterName = false,
): boolean {
  // After a given name, a people's name is a family name ("Shireen Baloch", "Ahmad Afghan").
  if (afterName && isPeopleOrFaith(word)) return false;
  if (CAPITALISED_NON_NAMES.has(word) || ACRONYM.test(word) || isPeopleOrFaith(word)) return true;
  if (TITLE_WORDS.has(word.toLowerCase().replace(/\.$/, ''))) return true;
  return word
    .split('-')
    .every(
      (part) =>
        part === '' ||
        CAPITALISED_NON_NAMES.has(part) ||
        isPeopleOrFaith(part) ||
        isCommon(part.replace(/['’]s$/, '')),
    );
}
