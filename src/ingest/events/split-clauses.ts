import type { EventStatus } from '../../core/stix/conflict-event-extension.js';
import type { Entity, Span } from '../extract-types.js';
import { ATTACK_CUE, THREAT_CUE, THWARTED_CUE } from './event-cues.js';
import { findCasualties } from './find-casualties.js';
import { kindOf } from './trigger-kind.js';

/** ATTACK_CUE for scanning every attack word of a clause (compiled once). */
const ATTACK_WORDS = new RegExp(ATTACK_CUE.source, 'gi');
const CLAUSE_BREAK = /,\s+and\s+|;\s+|,\s+while\s+|,\s+but\s+|,\s+whereas\s+|\s+—\s+/g;

/** A clause cut from a sentence; `counted` when it tells a further attack with its own toll. */
export interface Clause extends Span {
  counted?: boolean;
  head?: Span;
}

/** Where a second attack with its own subject may start: "… and a suicide bomber killed five". */
const AND_ANOTHER = /\s+and\s+(?=(?:a|an|another|two|three|four|a second|a third)\s)/g;
/** The second of attacks counted one by one: "…: one near a police station, the other at a market". */
const DISTRIBUTIVE =
  /(?:[,;:]|\s+—)\s+(?:and\s+|while\s+)?(?=(?:the other|the second|the third|the last|the latter|another)\b)/g;
/**
 * A sentence that first counts the attacks, then tells them one by one: "Two blasts struck Quetta
 * on Friday: …", "Twin bombings hit Kabul — one …". What comes before the colon or dash.
 */
const SUMMARY_HEAD =
  /^[^:;—]*?\b(?:two|three|four|five|twin|several|multiple|a (?:series|wave|string) of)\s+(?:[\w-]+\s+){0,2}?(?:blasts|bombings|explosions|attacks|strikes|bombs|shootings|raids|ambushes|suicide bombers|assaults)\b[^:;—]*?(?=:|\s—|,\s+(?:one|the first)\b)/i;
const DISTRIBUTIVE_NEXT =
  /^(?:[,;:]|\s+—)?\s*(?:and\s+|while\s+)?(?:the other|the second|the third|the last|the latter|another)\b/i;

/**
 * Cuts a sentence into clauses that tell different incidents: a different status on each side, or
 * a further attack with its own toll ("…, and a suicide bomber killed five"; "one …, the other …").
 *
 * @example splitClauses(text, s, 0, entities).length // 2 for "A car bomb killed nine and a suicide bomber killed five."
 */
export function splitClauses(
  text: string,
  s: string,
  offset: number,
  entities: readonly Entity[],
): Clause[] {
  const cuts: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(s)) !== null) cuts.push(m.index);
  const loose: number[] = [];
  const distributive: number[] = [];
  if (COUNT_HINT.test(s)) {
    AND_ANOTHER.lastIndex = 0;
    while ((m = AND_ANOTHER.exec(s)) !== null) if (!cuts.includes(m.index)) loose.push(m.index);
    DISTRIBUTIVE.lastIndex = 0;
    while ((m = DISTRIBUTIVE.exec(s)) !== null) {
      if (!cuts.includes(m.index) && !loose.includes(m.index)) distributive.push(m.index);
    }
  }
  if (cuts.length === 0 && loose.length === 0 && distributive.length === 0) {
    return [{ start: offset, end: offset + s.length }];
  }
  const summary = SUMMARY_HEAD.exec(s);
  const head = summary ? { start: offset, end: offset + summary[0].length } : undefined;
  const all = [...cuts, ...loose, ...distributive].sort((a, b) => a - b);
  const spans: Clause[] = [];
  let start = 0;
  let counted = false;
  for (const cut of all) {
    const left = s.slice(start, cut);
    const right = s.slice(cut);
    const strict = cuts.includes(cut);
    // Split only where both sides tell something of their own, with a different status…
    const status =
      strict && statusCue(left) && statusCue(right) && statusOf(left) !== statusOf(right);
    // … or where each side counts its own dead at a site or by an attacker of its own ("a car
    // bomb killed nine at a police station and a suicide bomber killed five at a market").
    // "one …, killing nine, the other …, killing five": each one counted has its own dead.
    const own =
      !status &&
      (DISTRIBUTIVE_NEXT.test(right)
        ? bothTolls(text, offset + start, offset + cut, offset + s.length)
        : ownToll(text, offset + start, offset + cut, offset + s.length, entities));
    if (status || own) {
      spans.push(clause(offset + start, offset + cut, counted, head));
      start = cut + (/^[,;:\s—]+(?:and\s+|while\s+)?/.exec(right)?.[0].length ?? 0);
      counted = own;
    }
  }
  spans.push(clause(offset + start, offset + s.length, counted, head));
  return spans;
}

function clause(start: number, end: number, counted: boolean, head: Span | undefined): Clause {
  if (!counted) return { start, end };
  return head && head.end <= start ? { start, end, counted, head } : { start, end, counted };
}

function bothTolls(text: string, start: number, cut: number, end: number): boolean {
  return (
    findCasualties(text, { start, end: cut }).fatalities !== undefined &&
    findCasualties(text, { start: cut, end: nextCut(text, cut, end) }).fatalities !== undefined
  );
}

const COUNT_HINT = /\b(?:kill|dead|died|shot dead)/i;

/**
 * Whether the text after `cut` tells a further attack with its own death toll: both sides count
 * their dead, and the right side has a new attacker or weapon of its own, or a place the left
 * side does not name.
 */
function ownToll(
  text: string,
  start: number,
  cut: number,
  end: number,
  entities: readonly Entity[],
): boolean {
  const rightEnd = nextCut(text, cut, end);
  if (!findCasualties(text, { start, end: cut }).fatalities) return false;
  if (!findCasualties(text, { start: cut, end: rightEnd }).fatalities) return false;
  const right = text.slice(cut, rightEnd).replace(/^[,;\s]+(?:and\s+)?/, '');
  ATTACK_WORDS.lastIndex = 0;
  const attack = ATTACK_WORDS.exec(right);
  ATTACK_WORDS.lastIndex = 0;
  if (attack && kindOf(right, attack.index, attack[0]) === 'new') return true;
  if (attack) return false;
  const placesIn = (a: number, b: number): string[] =>
    entities
      .filter((e) => e.type === 'location' && e.start >= a && e.end <= b)
      .map((e) => text.slice(e.start, e.end).toLowerCase());
  const rightPlaces = placesIn(cut, rightEnd);
  const leftPlaces = placesIn(start, cut);
  return (
    rightPlaces.length > 0 &&
    leftPlaces.length > 0 &&
    !rightPlaces.some((p) => leftPlaces.includes(p))
  );
}

/** The end of the clause that starts at `from` (the next ", and" or "and a …", or `end`). */
function nextCut(text: string, from: number, end: number): number {
  const rest = text.slice(from + 1, end);
  const a = /,\s+and\s+|;\s+|\s+and\s+(?=(?:a|an|another|two|three|four|a second|a third)\s)/.exec(
    rest.replace(/^[,;\s]+(?:and\s+)?/, (m) => ' '.repeat(m.length)),
  );
  return a ? from + 1 + a.index : end;
}

function statusCue(s: string): boolean {
  return ATTACK_CUE.test(s) || THWARTED_CUE.test(s) || THREAT_CUE.test(s);
}

/** Whether a clause tells an attack that occurred, a foiled plot or a threat. */
export function statusOf(s: string): EventStatus {
  if (THWARTED_CUE.test(s)) return 'thwarted';
  if (THREAT_CUE.test(s) && !/\b(?:killed|exploded|attacked|opened fire)\b/i.test(s))
    return 'threatened';
  return 'occurred';
}
