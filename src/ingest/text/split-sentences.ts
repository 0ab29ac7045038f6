import type { Span } from '../extract-types.js';
import { ABBREVIATIONS, NAME_PREFIXES } from './abbreviations.js';
import { boundSentences } from './bound-sentences.js';

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const OPENERS = /["'“‘([«]/;

/**
 * Splits text into sentence spans (trimmed, `end` exclusive): a sentence ends at `.`, `!` or
 * `?` (with any closing quotes) before whitespace and a capital, digit or opening quote, unless
 * the word before the full stop is an abbreviation ("U.S.", "Gen.", "Jan.") or an initial; a
 * line break always ends a sentence, since headlines and datelines carry no final stop. A span
 * longer than `MAX_SENTENCE_CHARS` is cut at clause breaks (see `boundSentences`).
 *
 * @example splitSentences('Gen. Smith spoke. He left.') // [{start:0,end:17},{start:18,end:26}]
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r' || c === '\u2029') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    let j = i + 1;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < n && CLOSERS.has(text[j]!)) j++;
    if (j < n && !isSpace(text.charCodeAt(j))) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < n && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
    if (k < n && !(text[k] === '\n' || text[k] === '\r') && !startsSentence(text, k)) {
      i = j - 1;
      continue;
    }
    if (c === '.' && j === i + 1 && isAbbreviationBefore(text, i, k < n ? text[k]! : '')) {
      continue;
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(n);
  // A span longer than a sentence can be is cut at clause breaks: the finders stay linear.
  return boundSentences(text, spans);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || code === 0x2029;
}

function startsSentence(text: string, k: number): boolean {
  const ch = text[k]!;
  if (OPENERS.test(ch)) return true;
  // A lower-case letter continues the sentence ("the U.S. said. it" is rare; "approx. two" is not).
  return !/\p{Ll}/u.test(ch);
}

/** True when the full stop at `dot` closes an abbreviation rather than a sentence. */
function isAbbreviationBefore(text: string, dot: number, next: string): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot);
  if (word.length === 0) return false;
  const lower = word.toLowerCase();
  // Initials and dotted acronyms: "J. Smith", "U.S.", "U.N." — a sentence may still end at
  // "U.S." but news style makes the continuation ("U.S. forces") far more common.
  if (/^\p{Lu}$/u.test(word)) return true;
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) {
    return !(
      next !== '' &&
      /\p{Lu}/u.test(next) &&
      /^(the|a|an|in|on|at|it|he|she|we|they)$/i.test(followingWord(text, dot))
    );
  }
  if (NAME_PREFIXES.has(lower)) return true;
  if (ABBREVIATIONS.has(lower)) return !(next !== '' && /\p{Lu}/u.test(next));
  return false;
}

function followingWord(text: string, dot: number): string {
  const m = /^\s*([\p{L}]+)/u.exec(text.slice(dot + 1, dot + 30));
  return m?.[1] ?? '';
}
