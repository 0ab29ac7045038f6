/**
 * Who took a place, read from the capture verb's grammar rather than from the order in which
 * actors are named (issue 14, item 2). ACLED's codebook decides between "Government regains
 * territory" and "Non-state actor overtakes territory" by the side that gained control; in news
 * English that side is the capture verb's subject ("militants seized the town", "the army
 * retook it") or the agent of its passive ("the town fell to militants", "was recaptured by the
 * army"). A "re-" verb says the place changed hands before, not which side holds it now. A failed
 * attempt ("tried to seize", "repelled an attempt to capture") is fighting, not a capture, and a
 * withdrawal after fighting is a loss to the other side, not a peaceful handover.
 *
 * Patterns run on the lower-cased passage; they were written from the codebook's definitions
 * and general news usage.
 */
import { NONSTATE_WORDS, STATE_WORDS } from './cue-lexicon.js';

export type Side = 'state' | 'nonstate';

export interface TerritoryReading {
  /** The side that took the place, when a capture verb's subject or agent names one. */
  taker?: Side;
  /** The side that withdrew, when a withdrawal verb's subject names one. */
  withdrawer?: Side;
  /** The capture was attempted and failed, and no capture is told. */
  failedAttempt: boolean;
}

const CAPTURE_VERB = String.raw`(?:seiz(?:ed|es|e|ing)|captur(?:ed|es|e|ing)|recaptur(?:ed|es|e|ing)|re-?took|re-?tak(?:en|es|e|ing)|took|tak(?:en|es|e|ing)|overr(?:an|un|uns|unning)|regain(?:ed|s|ing)?|liberat(?:ed|es|e|ing)|wrest(?:ed|s|ing)?|stormed|overtook|overtak(?:en|es|e|ing)|reclaim(?:ed|s|ing)?|won back|won control|gain(?:ed|s|ing)?\s+ground|advanc(?:ed|es|ing)\s+into|pushed\s+into|made\s+(?:\w+\s+)?gains)`;
// An active capture: the verb, then what was taken (a place word, "control", or a capitalised
// name in the original text, checked by the caller on the same offsets).
const ACTIVE = new RegExp(
  String.raw`\b${CAPTURE_VERB}\b(?! (?:by|place|part|aim|note|over from|hostage|prisoner|captive|them|him|her|credit|responsibility)\b)`,
  'g',
);
const PASSIVE = new RegExp(
  String.raw`\b(?:(?:was|were|has been|have been|had been|is|are|being|been)\s+(?:\w+\s+)?${CAPTURE_VERB}\s+by|fell\s+(?:back\s+)?(?:in)?to(?:\s+the\s+hands\s+of)?|(?:fallen|falls)\s+(?:in)?to|(?:came|come|comes)\s+under\s+(?:the\s+)?(?:full\s+)?control\s+of|(?:back\s+)?under\s+(?:the\s+)?control\s+of|(?:taken|seized)\s+over\s+by|(?:driven|pushed|forced|chased|flushed)\s+out\s+(?:of\s+(?:[\w'’-]+\s+){1,4})?by|(?:expelled|ousted|dislodged|routed|cleared)\s+(?:from\s+(?:[\w'’-]+\s+){1,4})?by)\s+`,
  'g',
);
const ATTEMPT =
  /\b(?:tri(?:ed|es)|try(?:ing)?|attempt(?:ed|s|ing)?|s(?:ought|eeks?|eeking)|fail(?:ed|s)?|bid|attempt|effort|push|offensive|assault|advance)\s+to\s+(?:\w+\s+)?(?:seize|capture|take|overrun|storm|retake|recapture|enter|control)\b|\b(?:repel(?:led|s)?|repuls(?:ed|es)?|foil(?:ed|s)?|thwart(?:ed|s)?|beat\s+back|fought\s+off|pushed\s+back|blocked|halted|stopped)\s+(?:[\w'’-]+\s+){0,3}(?:attempt|bid|effort|assault|attack|advance|offensive|push|incursion)s?\b|\bwithout\s+(?:success|taking|capturing|seizing)\b/;
const WITHDRAW =
  /\b(?:withdr(?:ew|awn|aws|aw)|pulled\s+out|retreated|pulled\s+back|abandoned|fled|evacuated|vacated)\b/g;
const AFTER_FIGHTING =
  /\b(?:after|following|amid|under|during|in the face of)\s+(?:\w+\s+){0,5}(?:fighting|clashes|battles?|assault|attacks?|offensive|fire|shelling|bombardment|pressure|siege)\b|\b(?:fighting|clashes|battles?)\s+(?:\w+\s+){0,6}(?:before|forced)\b|\bforced\s+(?:\w+\s+){0,3}to\s+(?:withdraw|retreat|pull)/;
// Words that end the clause a subject is read from.
const CLAUSE_BREAK = /[.;:!?]|\b(?:after|before|when|while|because|but|and then)\s/g;
const PREPOSITIONS = new Set([
  'from',
  'with',
  'against',
  'by',
  'of',
  'to',
  'on',
  'near',
  'between',
  'alongside',
]);

/**
 * Reads who took (or left) a place in a passage.
 *
 * @example readTerritoryChange('the town was recaptured by the army after militants held it').taker // 'state'
 */
export function readTerritoryChange(passage: string): TerritoryReading {
  const lower = passage.toLowerCase();
  let taker: Side | undefined;
  let successful = false;
  for (const m of lower.matchAll(PASSIVE)) {
    const side = firstSideAfter(lower, m.index + m[0].length);
    if (side) {
      taker ??= side;
      successful = true;
    }
  }
  for (const m of lower.matchAll(ACTIVE)) {
    if (isInAttempt(lower, m.index)) continue;
    const lead = lower.slice(Math.max(0, m.index - 40), m.index);
    // A passive is read above.
    if (/\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$/.test(lead)) continue;
    // "rebels, who had seized the town in May, were driven out": a capture told in a relative or
    // temporal clause is the place's earlier state, not this change.
    if (
      /(?:,\s*(?:who|which|that)|\b(?:after|since|before|when|once|until)\s+(?:[\w'’-]+\s+){0,4}?)\s*had\s+(?:\w+ly\s+)?$/.test(
        lead,
      )
    )
      continue;
    const side = subjectBefore(lower, m.index);
    if (side) {
      taker ??= side;
      successful = true;
    }
  }
  let withdrawer: Side | undefined;
  for (const m of lower.matchAll(WITHDRAW)) {
    withdrawer = subjectBefore(lower, m.index);
    if (withdrawer) break;
  }
  const failedAttempt = !successful && ATTEMPT.test(lower);
  return { taker, withdrawer, failedAttempt };
}

/** True when a withdrawal is told as the outcome of fighting or pressure. */
export function isWithdrawalAfterFighting(passage: string): boolean {
  return AFTER_FIGHTING.test(passage.toLowerCase());
}

function isInAttempt(lower: string, at: number): boolean {
  return /\b(?:tri(?:ed|es)|try(?:ing)?|attempt(?:ed|s|ing)?|s(?:ought|eeks?|eeking)|fail(?:ed|s)?|bid|effort|push|plan(?:s|ned)?|aim(?:ed|s)?|threaten(?:ed|s)?|vow(?:ed|s)?)\s+to\s+(?:\w+\s+)?$|\b(?:attempt|bid|effort)s?\s+(?:[\w'’-]+\s+){0,4}to\s+$/.test(
    lower.slice(Math.max(0, at - 60), at),
  );
}

/** The side named by the clause's subject before `at`: the first actor word not in a prepositional phrase. */
function subjectBefore(lower: string, at: number): Side | undefined {
  const base = Math.max(0, at - 160);
  let from = base;
  for (const b of lower.slice(base, at).matchAll(CLAUSE_BREAK)) from = base + b.index + b[0].length;
  // "a police commander said insurgents had gained ground": the reported clause has its own
  // subject; "the army said it had retaken …": a pronoun stands for the speaker.
  const clause = lower.slice(from, at);
  const speech =
    /^(.*)\b(?:said|says|reported|announced|stated|added|confirmed|claimed)\s+(?:that\s+)?(.*)$/.exec(
      clause,
    );
  if (speech) {
    const reported = subjectOf(speech[2]!);
    if (reported) return reported;
    if (/^(?:it|they|its|their)\b/.test(speech[2]!.trim())) return subjectOf(speech[1]!);
    return undefined;
  }
  return subjectOf(clause);
}

/** The first piece of a clause that names a side, skipping introductory phrases and asides. */
function subjectOf(clause: string): Side | undefined {
  // Comma-separated pieces: an introductory phrase ("after days of fighting with the army,") or
  // an aside ("backed by drones,") is not the subject; the subject opens a piece.
  for (const piece of clause.split(',')) {
    const words = piece.trim().split(/\s+/);
    if (words[0] === undefined || words[0] === '') continue;
    if (PREPOSITIONS.has(words[0]) || /^(?:backed|supported|aided|led|helped)$/.test(words[0]))
      continue;
    const side = sideOf(piece, true);
    if (side) return side;
  }
  return undefined;
}

/** The side a noun phrase names, skipping words inside a prepositional phrase when asked. */
function sideOf(phrase: string, skipPrepositional: boolean): Side | undefined {
  const words = phrase.trim().split(/\s+/);
  let cut = words.length;
  if (skipPrepositional) {
    const p = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
    if (p > 0) cut = p;
  }
  // "pro-government militias" are militias (ACLED codes them as non-state).
  const head = words
    .slice(0, cut)
    .join(' ')
    .replace(/\bpro-government\s+/g, '');
  const state = head.search(STATE_WORDS);
  const nonState = head.search(NONSTATE_WORDS);
  if (nonState >= 0 && (state < 0 || nonState < state)) return 'nonstate';
  return state >= 0 ? 'state' : undefined;
}

function firstSideAfter(lower: string, at: number): Side | undefined {
  const rest = lower.slice(at, at + 80);
  const end = rest.search(/[.,;:!?]|\s(?:after|on|in|at|during|following|when|and)\s/);
  return sideOf(end >= 0 ? rest.slice(0, end) : rest, false);
}
