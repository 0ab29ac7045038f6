import type { Attribution, Entity, Span } from '../extract-types.js';
import {
  ANONYMOUS_HEADS,
  ANONYMOUS_OPENERS,
  PRONOUNS,
  REPORTING_VERBS,
  ROLE_HEADS,
} from './speaker-words.js';
import { spansWithin } from '../text/spans-within.js';

const VERB_RE = new RegExp(`\\b(?:${REPORTING_VERBS.join('|')})\\b`, 'g');
const ACCORDING_RE = /\baccording to\b/i;
const HEADS = new Set(ANONYMOUS_HEADS);
const ROLES = new Set(ROLE_HEADS);
const OPENERS = new Set([...ANONYMOUS_OPENERS, 'the']);
const LEADING_ADVERBIAL =
  /^(?:(?:however|but|and|meanwhile|also|moreover|still|yet|separately|later|earlier|now|nevertheless|in addition|in a statement|on \w+day)\b,?\s+|(?:speaking|writing|asked|interviewed|reached|contacted|talking)\b[^,]{0,80},\s+)+/i;
/** Words after which a speaker's noun phrase continues with a modifier, not its head. */
const HEAD_CUT = /\s(?:with|for|of|familiar|from|in|at|close|who|on|briefed|speaking)\b|,/i;
const MAX_SOURCE_WORDS = 14;
/** What may follow "…, X said" to the end of the sentence: a day, a listener, a medium. */
const TAIL_AFTER_VERB =
  /^\s*(?:on \w+day|in a statement|late \w+|reporters|journalists|(?:the|a) \w+(?: \w+)?|[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3})?(?: on \w+day)?[\s.!?"”’]*$/;

/**
 * Finds who states each claim in `text`: named speakers ("the Interior Ministry said", "according
 * to Amaq") and unnamed ones ("two people with knowledge of the situation", "officials said"),
 * each with the span of its claim. A sentence without a stated source yields nothing.
 *
 * @example findAttributions('Officials said the bridge fell.', [{ start: 0, end: 31 }], [])[0].anonymous // true
 */
export function findAttributions(
  text: string,
  sentences: readonly Span[],
  entities: readonly Entity[],
): Attribution[] {
  const out: Attribution[] = [];
  for (const sentence of sentences) {
    const found = attributeSentence(text, sentence, entities);
    for (const a of found) out.push(a);
  }
  return out;
}

function attributeSentence(
  text: string,
  sentence: Span,
  entities: readonly Entity[],
): Attribution[] {
  const s = text.slice(sentence.start, sentence.end);
  // Cheap gate: most sentences carry no reporting verb at all.
  const according = ACCORDING_RE.exec(s);
  if (according) {
    const result = fromAccordingTo(text, sentence, according.index, entities);
    if (result.length > 0) return result;
  }
  VERB_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VERB_RE.exec(s)) !== null) {
    const verbStart = sentence.start + m.index;
    const verbEnd = verbStart + m[0].length;
    const before = fromSourceFirst(text, sentence, verbStart, verbEnd, m[0], entities);
    if (before.length > 0) return before;
    const after = fromClaimFirst(text, sentence, verbStart, verbEnd, entities);
    if (after.length > 0) return after;
  }
  return [];
}

/** "According to SOURCE, CLAIM." and "CLAIM, according to SOURCE." */
function fromAccordingTo(
  text: string,
  sentence: Span,
  offset: number,
  entities: readonly Entity[],
): Attribution[] {
  const srcStart = sentence.start + offset + 'according to '.length;
  const comma = text.indexOf(',', srcStart);
  if (comma !== -1 && comma < sentence.end) {
    const claim = trimClaim(text, comma + 1, sentence.end);
    const lead = text.slice(sentence.start, sentence.start + offset).trim();
    if (claim && (lead === '' || /,$/.test(lead) === false) && isWordCount(lead, 0, 4)) {
      const sources = toSources(text, srcStart, comma, entities);
      if (sources.length > 0) return sources.map((src) => ({ ...src, claim }));
    }
  }
  // Trailing: the source runs to the end of the sentence.
  let end = sentence.end;
  while (end > srcStart && /[\s.!?"”’)]/.test(text[end - 1]!)) end--;
  const claim = trimClaim(text, sentence.start, sentence.start + offset);
  if (!claim) return [];
  return toSources(text, srcStart, end, entities).map((src) => ({ ...src, claim }));
}

/** "SOURCE said (that) CLAIM", "SOURCE told Reuters that CLAIM", "SOURCE stated, "CLAIM"". */
function fromSourceFirst(
  text: string,
  sentence: Span,
  verbStart: number,
  verbEnd: number,
  verb: string,
  entities: readonly Entity[],
): Attribution[] {
  let srcStart = sentence.start;
  const lead = LEADING_ADVERBIAL.exec(text.slice(srcStart, verbStart));
  if (lead) srcStart += lead[0].length;
  let claimStart = verbEnd;
  if (verb === 'told' || verb === 'tells') {
    const rest = text.slice(verbEnd, Math.min(sentence.end, verbEnd + 80));
    const that = /\bthat\b|[,:]/.exec(rest);
    if (!that) return [];
    claimStart = verbEnd + that.index + that[0].length;
  } else {
    const rest = text.slice(verbEnd, Math.min(sentence.end, verbEnd + 40));
    const intro = /^\s*(?:on \w+day\s*)?(?:,|:)?\s*(?:that\b)?/.exec(rest);
    if (intro) claimStart = verbEnd + intro[0].length;
  }
  const claim = trimClaim(text, claimStart, sentence.end);
  if (!claim) return [];
  // "Hezbollah fired rockets, the army said, …": the speaker is what follows the last comma.
  const comma = text.lastIndexOf(',', verbStart);
  if (comma > srcStart) {
    const before = trimClaim(text, srcStart, comma);
    const speaker = toSources(text, comma + 1, verbStart, entities);
    if (before && speaker.length > 0) return speaker.map((src) => ({ ...src, claim: before }));
  }
  const sources = toSources(text, srcStart, verbStart, entities);
  return sources.map((src) => ({ ...src, claim }));
}

/** "CLAIM, SOURCE said." and "CLAIM," said SOURCE." */
function fromClaimFirst(
  text: string,
  sentence: Span,
  verbStart: number,
  verbEnd: number,
  entities: readonly Entity[],
): Attribution[] {
  const before = text.slice(sentence.start, verbStart);
  const tail = text.slice(verbEnd, sentence.end);
  // "…," said the minister.
  if (/[,"”]\s*$/.test(before) && /^\s+[^,]{2,80}[.!?"”’]*\s*$/.test(tail)) {
    const claimEnd = sentence.start + before.search(/[,"”\s]*$/);
    const claim = trimClaim(text, sentence.start, claimEnd);
    let end = sentence.end;
    while (end > verbEnd && /[\s.!?"”’]/.test(text[end - 1]!)) end--;
    if (!claim) return [];
    return toSources(text, verbEnd, end, entities).map((src) => ({ ...src, claim }));
  }
  // "…, the minister said."
  if (!/^[\s.!?"”’]*$/.test(tail) && !TAIL_AFTER_VERB.test(tail)) {
    return [];
  }
  const comma = Math.max(before.lastIndexOf(','), before.lastIndexOf('”'), before.lastIndexOf('"'));
  if (comma <= 0) return [];
  const claim = trimClaim(text, sentence.start, sentence.start + comma);
  if (!claim) return [];
  return toSources(text, sentence.start + comma + 1, verbStart, entities).map((src) => ({
    ...src,
    claim,
  }));
}

type Source = Omit<Attribution, 'claim'>;

/** Turns a candidate span into one source, or several for "A and B said". */
function toSources(
  text: string,
  start: number,
  end: number,
  entities: readonly Entity[],
): Source[] {
  const span = trimSpan(text, start, end);
  if (!span) return [];
  const whole = toSource(text, span, entities);
  const raw = text.slice(span.start, span.end);
  const and = / and (?=(?:a|an|one|two|three|several|some|the|other|[A-Z]))/g;
  let m: RegExpExecArray | null;
  while ((m = and.exec(raw)) !== null) {
    const left = toSource(text, { start: span.start, end: span.start + m.index }, entities);
    const rightStart = span.start + m.index + m[0].length;
    const right = toSource(text, { start: rightStart, end: span.end }, entities);
    if (left && right && left.anonymous === right.anonymous && right.anonymous)
      return [left, right];
    if (left && right && !left.anonymous && !right.anonymous && isHeaded(left.source)) {
      return [left, right];
    }
  }
  return whole ? [whole] : [];
}

function isHeaded(source: string): boolean {
  return HEADS.has(headWord(source));
}

function toSource(text: string, span: Span, entities: readonly Entity[]): Source | undefined {
  const trimmed = trimSpan(text, span.start, span.end);
  if (!trimmed) return undefined;
  const source = text.slice(trimmed.start, trimmed.end);
  const words = source.split(/\s+/);
  if (words.length > MAX_SOURCE_WORDS || source.length > 140) return undefined;
  const first = words[0]!.toLowerCase();
  if (PRONOUNS.has(first) && words.length === 1) return undefined;
  if (PRONOUNS.has(first) && !/^(?:the|this)$/.test(first)) return undefined;
  if (/[;"“”()]|\b(?:is|are|was|were|has|have|had|will|would|could|can|not)\b/.test(source)) {
    return undefined;
  }
  const inside = spansWithin(entities, trimmed.start, trimmed.end);
  const named = inside.some((e) => e.type === 'person' && isPersonName(e.text));
  const head = headWord(source);
  const headed = HEADS.has(head);
  const proper = isProperName(words);
  const institutional = inside.some(
    (e) => e.type === 'organization' || e.type === 'actor' || e.type === 'person',
  );
  if (!headed && !proper && !institutional && !ROLES.has(head)) return undefined;
  return {
    source,
    start: trimmed.start,
    end: trimmed.end,
    anonymous: headed && !named,
  };
}

/** A person entity names someone ("Maria Okafor"), unless it is a description ("a former official"). */
function isPersonName(text: string): boolean {
  const first = text.split(/\s+/)[0] ?? '';
  return /^\p{Lu}/u.test(first) && !OPENERS.has(first.toLowerCase());
}

function headWord(source: string): string {
  const cut = HEAD_CUT.exec(source);
  const core = cut ? source.slice(0, cut.index) : source;
  const words = core.trim().split(/\s+/);
  return (words[words.length - 1] ?? '').toLowerCase().replace(/[^a-z.-]/g, '');
}

function isProperName(words: readonly string[]): boolean {
  if (words.length > 6) return false;
  const content = words.filter((w) => !/^(?:the|of|for|and|de|al|al-)$/i.test(w));
  return content.length > 0 && content.every((w) => /^[A-Z][\p{L}.'’&-]*$/u.test(w));
}

function trimSpan(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s,:"“”'‘’—–-]/.test(text[s]!)) s++;
  while (e > s && /[\s,:"“”'‘’—–-]/.test(text[e - 1]!)) e--;
  return e - s >= 2 ? { start: s, end: e } : undefined;
}

function trimClaim(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s,:"“”'‘’]/.test(text[s]!)) s++;
  while (e > s && /[\s,.;:!?"“”'‘’]/.test(text[e - 1]!)) e--;
  const words = text.slice(s, e).split(/\s+/).length;
  return e > s && words >= 3 ? { start: s, end: e } : undefined;
}

function isWordCount(s: string, min: number, max: number): boolean {
  const n = s === '' ? 0 : s.split(/\s+/).length;
  return n >= min && n <= max;
}
