import type { Span } from '../extract-types.js';

/** A word, number or punctuation mark with its offsets in the text. */
export interface Token extends Span {
  text: string;
  /** Lower-cased text, for lexicon look-ups. */
  lower: string;
  kind: 'word' | 'number' | 'punct';
}

// Words keep inner apostrophes, hyphens and dots of acronyms ("al-Qaeda", "U.S.", "ISIS-K").
const TOKEN =
  /(?:\p{L}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,]\p{N}+)*|\S/gu;

/**
 * Splits text into word, number and punctuation tokens with offsets.
 *
 * @example tokenize('ISIS-K struck.') // [{text:'ISIS-K',…}, {text:'struck',…}, {text:'.',…}]
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const start = offset + m.index;
    const kind = /^\p{N}/u.test(t) ? 'number' : /^\p{L}/u.test(t) ? 'word' : 'punct';
    tokens.push({ text: t, lower: t.toLowerCase(), start, end: start + t.length, kind });
  }
  return tokens;
}

/**
 * True when the token starts with a capital letter.
 *
 * @example isCapitalized('Kabul') // true
 */
export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
