import { normalisePhrase } from './normalise.js';

/** One phrase of a lexicon and what it stands for. */
export interface PhraseEntry<T> {
  phrase: string;
  value: T;
}

export interface PhraseMatch<T> {
  value: T;
  /** Offsets into the normalised text. */
  start: number;
  end: number;
}

export interface PhraseMatcher<T> {
  /** Every match, left to right, the longest where several start at one word, never overlapping. */
  scan(text: string): Array<PhraseMatch<T>>;
}

interface Compiled<T> {
  re: RegExp;
  length: number;
  value: T;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Hyphens, dashes and quotes separate words like spaces: "ИГИЛ-Хорасан" also finds
// "ИГИЛ Хорасан" and «Исламское государство — Хорасан».
const SEPARATOR = '[\\s\\-‐–—«»"„“”]+';
const SPLIT = /[\s\-‐–—«»"„“”]+/u;
// Russian endings are stripped from a lexicon word before the inflection tail is allowed, so
// "Москва" also finds "Москве" and "Москвы" (a light stemmer; ADR 0021).
const RUSSIAN_ENDING = /[аяоеиыйьую]$/u;
// The letters an inflection may add, per script (narrow classes: `\p{L}` in hundreds of
// patterns made the first scan take seconds).
const CYRILLIC_TAIL = '[а-яa-z]';
const ARABIC_TAIL = '[\\u0621-\\u064A\\u066E-\\u06D3\\u06FA-\\u06FF]';
const WORD_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;

/**
 * Indexes phrases by the first letters of their first word; a scan looks up each word start
 * (after an optional glued prefix) and tries only the few phrases filed under it, each a small
 * sticky regular expression. Linear in the text whatever the lexicon's size.
 *
 * @example createPhraseMatcher([{ phrase: 'теракт', value: 1 }], { suffixLetters: 4, prefixes: [], stemRussian: true }).scan('теракта')
 */
export function createPhraseMatcher<T>(
  entries: ReadonlyArray<PhraseEntry<T>>,
  options: { suffixLetters: number; prefixes: readonly string[]; stemRussian: boolean },
): PhraseMatcher<T> {
  const tailClass = options.stemRussian ? CYRILLIC_TAIL : ARABIC_TAIL;
  const index = new Map<string, Array<Compiled<T>>>();
  for (const e of entries) {
    const exact = e.phrase.startsWith('=');
    const phrase = normalisePhrase(exact ? e.phrase.slice(1) : e.phrase);
    const words = phrase.split(SPLIT).filter(Boolean);
    if (words.length === 0) continue;
    const tail = exact ? '' : `${tailClass}{0,${options.suffixLetters}}`;
    const stems = words.map((w) =>
      options.stemRussian && !exact && w.length > 4 ? w.replace(RUSSIAN_ENDING, '') : w,
    );
    const pattern = stems.map((w) => escape(w) + tail).join(SEPARATOR);
    const key = stems[0]!.slice(0, 2);
    const list = index.get(key) ?? [];
    list.push({
      re: new RegExp(`${pattern}(?![\\p{L}\\p{N}])`, 'uy'),
      length: phrase.length,
      value: e.value,
    });
    index.set(key, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  const prefixes = ['', ...options.prefixes.map(normalisePhrase)];

  const longestAt = (text: string, at: number): PhraseMatch<T> | undefined => {
    let best: PhraseMatch<T> | undefined;
    for (const prefix of prefixes) {
      if (prefix && !text.startsWith(prefix, at)) continue;
      const from = at + prefix.length;
      for (const key of [text.slice(from, from + 2), text.slice(from, from + 1)]) {
        for (const c of index.get(key) ?? []) {
          c.re.lastIndex = from;
          const m = c.re.exec(text);
          if (m && (!best || from + m[0].length > best.end)) {
            best = { value: c.value, start: from, end: from + m[0].length };
            break;
          }
        }
      }
    }
    return best;
  };

  return {
    scan(text) {
      const found: Array<PhraseMatch<T>> = [];
      WORD_START.lastIndex = 0;
      for (let w = WORD_START.exec(text); w; w = WORD_START.exec(text)) {
        const hit = longestAt(text, w.index);
        if (!hit) continue;
        found.push(hit);
        WORD_START.lastIndex = hit.end;
      }
      return found;
    },
  };
}
