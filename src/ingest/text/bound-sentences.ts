import type { Span } from '../extract-types.js';

/**
 * Longest sentence the finders read at once, in UTF-16 code units. News sentences stay far below
 * it; a longer "sentence" is a list, a table flattened to text or a hostile input, and several
 * finders (chrono, clause splitting, the cue regexes) cost the square of a sentence's length.
 */
export const MAX_SENTENCE_CHARS = 1500;

// Where a long span is best cut: after a clause break, else after any space.
const CLAUSE_END = /[;,:)\]—–]\s|\s(?:and|but|while|whereas)\s/g;

/**
 * Cuts every span longer than `max` into pieces of at most `max`, at the last clause break (or
 * space) of each piece's second half; a run with neither is cut at `max` (never inside a
 * surrogate pair). Shorter spans are returned as they are; the result stays sorted and trimmed.
 *
 * @example boundSentences(text, [{ start: 0, end: 5000 }]).length // 4 or more
 */
export function boundSentences(text: string, spans: Span[], max = MAX_SENTENCE_CHARS): Span[] {
  if (spans.every((s) => s.end - s.start <= max)) return spans;
  const out: Span[] = [];
  for (const span of spans) {
    let start = span.start;
    while (span.end - start > max) {
      const cut = cutPoint(text, start, start + max);
      pushTrimmed(text, out, start, cut);
      start = cut;
    }
    pushTrimmed(text, out, start, span.end);
  }
  return out;
}

function cutPoint(text: string, start: number, limit: number): number {
  const half = start + Math.floor((limit - start) / 2);
  const window = text.slice(half, limit);
  let clause = -1;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(window); m; m = CLAUSE_END.exec(window)) {
    clause = m.index + 1;
  }
  if (clause > 0) return half + clause;
  const space = window.search(/\s\S*$/);
  if (space > 0) return half + space + 1;
  const code = text.charCodeAt(limit - 1);
  // A high surrogate at the cut keeps its pair together.
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function pushTrimmed(text: string, out: Span[], start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ start: s, end: e });
}
