import type { Attribution, Span } from '../extract-types.js';
import type { Cue } from './load-lexicon.js';
import { toOriginalSpan, type NormalisedText } from './normalise.js';
import type { PhraseMatch } from './phrase-matcher.js';

// The speaker is the few words next to the cue, up to a comma or a clause boundary.
const WORDS_AFTER = /^\s*((?:[^\s,،:«»"]+\s*){1,3})/u;
const WORDS_BEFORE = /((?:[^\s,،:«»"]+\s+){1,3})$/u;

/**
 * Who states what in a report of the region: "по словам X" / "به گفته X" / "وفقا لـ X" name the
 * source after the cue; verbs of saying ("сообщил", "وویل", "کے مطابق") after it. The claim is
 * the rest of the sentence. A source among `anonymous_sources` ("источник", "منابع") is anonymous.
 *
 * @example findRegionAttributions(text, norm, matches, sentences)[0]?.source
 */
export function findRegionAttributions(
  original: string,
  norm: NormalisedText,
  matches: ReadonlyArray<PhraseMatch<Cue>>,
  sentences: readonly Span[],
): Attribution[] {
  const text = norm.text;
  const out: Attribution[] = [];
  const seen = new Set<Span>();
  for (const m of matches) {
    const kind = m.value.kind;
    if (kind !== 'attribution-before' && kind !== 'attribution-verb') continue;
    const sentence = sentences.find((s) => m.start >= s.start && m.start < s.end);
    if (!sentence || seen.has(sentence)) continue;
    let source: Span | undefined;
    if (kind === 'attribution-before') {
      const w = WORDS_AFTER.exec(text.slice(m.end, sentence.end));
      if (w) {
        const start = m.end + w[0].indexOf(w[1]!);
        source = { start, end: start + w[1]!.trimEnd().length };
      }
    } else {
      const before = text.slice(sentence.start, m.start);
      const w = WORDS_BEFORE.exec(before);
      if (w && before.trim()) source = { start: m.start - w[0].length, end: m.start - 1 };
      else {
        const a = WORDS_AFTER.exec(text.slice(m.end, sentence.end));
        if (a) {
          const start = m.end + a[0].indexOf(a[1]!);
          source = { start, end: start + a[1]!.trimEnd().length };
        }
      }
    }
    if (!source || source.end <= source.start) continue;
    seen.add(sentence);
    const anonymous = matches.some(
      (a) => a.value.kind === 'anonymous' && a.start >= source.start && a.end <= source.end,
    );
    const span = toOriginalSpan(norm, source.start, source.end);
    const claim = toOriginalSpan(norm, sentence.start, sentence.end);
    out.push({ source: original.slice(span.start, span.end), ...span, anonymous, claim });
  }
  return out;
}
