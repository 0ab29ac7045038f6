import type { EventStatus } from '../../core/stix/conflict-event-extension.js';
import type { Entity, Span } from '../extract-types.js';
import {
  ATTACK_CUE,
  CASUALTY_CUE,
  CLAIM_CUE,
  isGenericWording,
  NEW_INCIDENT_CUE,
  REFERENCE_CUE,
  THREAT_CUE,
  THWARTED_CUE,
} from './event-cues.js';
import { findCasualties, type Casualties } from './find-casualties.js';
import { splitClauses, statusOf } from './split-clauses.js';
import { kindOf, type TriggerKind } from './trigger-kind.js';
import { findPlace } from '../gazetteer/find-place.js';

/** A sentence, or a clause of one, read for the incident it speaks of. */
export interface EventUnit extends Span {
  /** Index of the sentence it comes from. */
  sentence: number;
  /** Kinds of violence its attack words name: 'bomb', 'shoot', 'strike', … (see {@link toFamily}). */
  families: string[];
  /** Names a violent act ("attack", "bombing", "gunmen opened fire"). */
  attack: boolean;
  /** States casualties with a count ("24 killed"), or says nobody was hurt. */
  casualties: boolean;
  status: EventStatus;
  /** Generic, habitual or hypothetical wording with nothing concrete to anchor it. */
  generic: boolean;
  /** Opens a new incident ("In a separate attack", "also carried out"). */
  fresh: boolean;
  /** Opens on another day ("The next day, …", "Two days later, …", "Last week, …"). */
  dayChange: boolean;
  /** Refers back to an incident already told ("The attack …", "It was the deadliest …"). */
  reference: boolean;
  /** Names who claimed or carried out an attack. */
  claim: boolean;
  /** `YYYY[-MM[-DD]]` values of the dates near its attack words (not "since 2004"). */
  dates: string[];
  /** ISO countries of the places near its attack words. */
  countries: string[];
  /** Places that name the incident ("the Manchester bombing"), lower-cased. */
  places: string[];
  /** Towns near its attack words, lower-cased. */
  towns: string[];
  /** Every town named in it, lower-cased. */
  names: string[];
  /** Where its towns lie, to tell a borough from another town (see {@link TownSpot}). */
  spots?: TownSpot[];
  /** Cut from the report's headline: its first line, with no final stop. */
  headline?: boolean;
  /** One of the attacks a summary counted, told by its ordinal ("The second, …"), not the first. */
  ordinal?: boolean;
  /** Kinds of site it names ("police station", "market"), lower-case and singular. */
  sites?: string[];
  /** Whether it tells a new incident, refers to one already told, or speaks generically. */
  kind: TriggerKind;
  /** The killed and injured figures it states (read once, used again for the event's counts). */
  counts: Casualties;
  /**
   * The summary a clause was cut from ("Two blasts struck Quetta on Friday: …, the other …"):
   * where and when every attack it counts took place, unless the clause says otherwise.
   */
  head?: Span;
}

/** A town of a unit with its coordinates; `major` when the press names it without context. */
export interface TownSpot {
  name: string;
  lat: number;
  lon: number;
  major: boolean;
}

/** ATTACK_CUE for scanning every attack word of a unit (compiled once, not per unit). */
const ATTACK_WORDS = new RegExp(ATTACK_CUE.source, 'gi');
const NOT_VIOLENT =
  /\b(?:diseases?|virus|outbreak|epidemic|pandemic|cases of|illness|accident|crash(?:ed)?|collision|flood(?:s|ing)?|earthquake|storm|hurricane|landslide|drown(?:ed|ing)|heat ?wave|overdose|cancer|natural causes|mosquito)\b/i;

/**
 * Reads each sentence as one unit (or several, when clauses of one sentence tell different
 * incidents: "… an attack in Iran that left dozens dead, and plans were thwarted in Europe").
 *
 * @example findEventUnits(text, splitSentences(text), entities).filter((u) => u.attack)
 */
export function findEventUnits(
  text: string,
  sentences: readonly Span[],
  entities: readonly Entity[],
): EventUnit[] {
  const units: EventUnit[] = [];
  let e = 0;
  let summary: { span: Span; sentence: number } | undefined;
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const s = text.slice(sentence.start, sentence.end);
    // Most sentences of a report carry no event wording at all: skip them cheaply.
    if (
      !ATTACK_CUE.test(s) &&
      !CASUALTY_CUE.test(s) &&
      !THWARTED_CUE.test(s) &&
      !THREAT_CUE.test(s)
    ) {
      continue;
    }
    while (e < entities.length && entities[e]!.end <= sentence.start) e++;
    const inside: Entity[] = [];
    for (let j = e; j < entities.length && entities[j]!.start < sentence.end; j++)
      inside.push(entities[j]!);
    for (const clause of splitClauses(text, s, sentence.start, inside)) {
      const unit = readUnit(text, clause, i, inside, clause.counted);
      if (unit && clause.head) unit.head = clause.head;
      if (unit && i === 0 && isHeadline(text, sentence)) unit.headline = true;
      if (unit) {
        const sites = findSiteKinds(text.slice(unit.start, unit.end));
        if (sites.length > 0) unit.sites = sites;
      }
      if (unit) units.push(unit);
    }
    // "Twin blasts rocked Quetta on Friday. The first, … The second, …": the attacks a summary
    // counts, told one by one in the sentences after it.
    const ordinal = ORDINAL_OPENER.exec(s);
    const last = units[units.length - 1];
    if (ordinal && summary && i - summary.sentence <= SUMMARY_REACH && last?.sentence === i) {
      last.head ??= summary.span;
      // With a toll of its own: "the second explosion went off as rescuers arrived" is the same.
      if (!/^first$/i.test(ordinal[1]!) && last.counts.fatalities !== undefined) {
        last.kind = 'new';
        last.generic = false;
        last.fresh = true;
        last.ordinal = true;
      }
    } else if (COUNTED_ATTACKS.test(s)) summary = { span: sentence, sentence: i };
  }
  return units;
}

/** A sentence that counts several attacks before telling them. */
const COUNTED_ATTACKS =
  /\b(?:two|three|four|five|twin|several|multiple|a (?:series|wave|string) of)\s+(?:[\w-]+\s+){0,2}?(?:blasts|bombings|explosions|attacks|strikes|bombs|shootings|raids|ambushes|assaults)\b/i;
/** "The second, a suicide bomber, …", "In the other, …": one of the attacks counted before. */
const ORDINAL_OPENER =
  /^\s*(?:In\s+)?the\s+(first|second|third|fourth|other|latter|last)\b(?!\s+(?:time|day|week|month|year))/i;
/** How many sentences after its summary an attack told by its ordinal still belongs to it. */
const SUMMARY_REACH = 3;

/** Kinds of site an attack is told at, to tell which incident "the attack on the X" means. */
const SITE_KIND =
  /\b(police station|checkpoint|market|mosque|church|school|hospital|hotel|military base|army base|base|camp|bus|convoy|shrine|temple|airport|border post|court|prison|stadium|wedding|funeral|bank|embassy|ministry)(?:s|es)?\b/gi;

function findSiteKinds(s: string): string[] {
  return [...new Set([...s.matchAll(SITE_KIND)].map((m) => m[1]!.toLowerCase()))];
}

/** A first line with no final stop, a line break after it: "Gunmen kill 5 in Kaduna village". */
function isHeadline(text: string, sentence: Span): boolean {
  const line = text.slice(sentence.start, sentence.end).trimEnd();
  return (
    !/[.!?…"”']$/.test(line) && /^[ \t]*\r?\n/.test(text.slice(sentence.end, sentence.end + 4))
  );
}

/** How far from an attack word a date or place still anchors it ("the attack on March 22 at …"). */
const NEAR = 60;
const NEAR_REF = 25;

const DAY_CHANGE =
  /^(?:[A-Z][\w-]*\s+)?(?:the next day|the following (?:day|morning|night|week)|a day later|(?:hours|days|a week|weeks|\w+ days|\w+ weeks) later|the (?:day|night|week) before|the previous (?:day|night|week)|last week|earlier (?:that|this) (?:day|week|month))\b/i;
const LOCATIVE_BEFORE =
  /\b(?:in|near|at|outside)\s+(?:the\s+)?(?:(?:town|village|city|district) of\s+)?$/i;

function readUnit(
  text: string,
  span: Span,
  sentence: number,
  entities: readonly Entity[],
  further = false,
): EventUnit | undefined {
  const s = text.slice(span.start, span.end);
  const status = statusOf(s);
  const counted = findCasualties(text, span);
  const casualties =
    (counted.fatalities !== undefined || counted.injuries !== undefined) && !NOT_VIOLENT.test(s);
  const triggers: Array<{ at: number; end: number; kind: TriggerKind }> = [];
  const re = ATTACK_WORDS;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    triggers.push({
      at: span.start + m.index,
      end: span.start + m.index + m[0].length,
      kind: kindOf(s, m.index, m[0]),
    });
  }
  if (status !== 'occurred') {
    const cue = (status === 'thwarted' ? THWARTED_CUE : THREAT_CUE).exec(s);
    if (cue)
      triggers.push({
        at: span.start + cue.index,
        end: span.start + cue.index + cue[0].length,
        kind: 'new',
      });
  }
  if (triggers.length === 0 && !casualties) return undefined;
  // A known incident is named by the words right next to it ("the April 15, 2013, attack").
  const near = (e: Span): boolean =>
    triggers.some(
      (t) => Math.max(t.at - e.end, e.start - t.end) <= (t.kind === 'new' ? NEAR : NEAR_REF),
    );
  const kindNear = (e: Span): TriggerKind | undefined => {
    let best: TriggerKind | undefined;
    for (const t of triggers) {
      const gap = Math.max(t.at - e.end, e.start - t.end);
      if (gap <= (t.kind === 'new' ? NEAR : NEAR_REF) && best !== 'new') best = t.kind;
    }
    return best;
  };
  const dates: string[] = [];
  const countries: string[] = [];
  const places: string[] = [];
  const towns: string[] = [];
  const names: string[] = [];
  const spots: TownSpot[] = [];
  let anchors = 0;
  for (const entity of entities) {
    if (entity.start < span.start || entity.end > span.end) continue;
    if (entity.type === 'date' && entity.value) {
      const lead = text.slice(Math.max(span.start, entity.start - 12), entity.start);
      if (/\b(?:since|until|before|by)\s+$/i.test(lead)) continue;
      anchors++;
      if (near(entity)) dates.push(entity.value);
    } else if (entity.type === 'location') {
      anchors++;
      // An incident already told is placed only by a town that names it ("the attack in Kabul").
      // A town, or a spot near or in a district of one ("on the outskirts of X"): not a region.
      const town = entity.geo_precision === 1 || entity.geo_precision === 2;
      const named = town && isNamedPlace(text, entity, triggers);
      if (entity.country && (kindNear(entity) === 'new' || named)) {
        countries.push(entity.country);
      }
      if (near(entity) && town) towns.push(entity.text.toLowerCase());
      // A toll with no attack word is placed by a town it is told in ("In Ngamdu, … killed two").
      else if (
        triggers.length === 0 &&
        casualties &&
        town &&
        LOCATIVE_BEFORE.test(text.slice(Math.max(span.start, entity.start - 24), entity.start))
      ) {
        towns.push(entity.text.toLowerCase());
      }
      if (town) names.push(entity.text.toLowerCase());
      if (town && entity.lat !== undefined && entity.lon !== undefined) {
        const major = findPlace(entity.text, entity.country ? { country: entity.country } : {});
        spots.push({
          name: entity.text.toLowerCase(),
          lat: entity.lat,
          lon: entity.lon,
          major: major?.strong === true && major.kind === 'city',
        });
      }
      // "the Manchester bombing": a place that names the incident.
      const gap = triggers.find((t) => t.at >= entity.end && t.at - entity.end <= 25);
      if (town && gap && isNameGap(text.slice(entity.end, gap.at))) {
        places.push(entity.text.toLowerCase());
      }
    } else if (entity.type === 'actor') {
      anchors++;
    }
  }
  if (casualties) anchors++;
  const claim = CLAIM_CUE.test(s);
  if (claim) anchors++;
  // A further attack cut from a sentence with its own toll ("…, and a market in Maiduguri,
  // killing eight") shares the sentence's act: it is an attack, told as new.
  if (further && triggers.length === 0) {
    triggers.push({ at: span.start, end: span.start, kind: 'new' });
  }
  let kind: TriggerKind = triggers.some((t) => t.kind === 'new')
    ? 'new'
    : triggers.some((t) => t.kind === 'ref')
      ? 'ref'
      : casualties && triggers.length === 0
        ? 'new'
        : 'weak';
  const genericWording = isGenericWording(s) || (NOT_VIOLENT.test(s) && triggers.length === 0);
  if (genericWording && anchors < 3 && kind === 'new') kind = 'weak';
  return {
    start: span.start,
    end: span.end,
    sentence,
    attack: triggers.length > 0,
    casualties,
    status,
    kind,
    families: [...new Set(triggers.map((t) => toFamily(text.slice(t.at, t.end))))].filter(
      (f) => f !== '',
    ),
    generic: kind === 'weak',
    fresh: further || NEW_INCIDENT_CUE.test(s),
    dayChange: DAY_CHANGE.test(s),
    reference: REFERENCE_CUE.test(s) || kind === 'ref',
    claim,
    dates,
    countries,
    places,
    towns,
    names,
    ...(spots.length > 0 ? { spots } : {}),
    counts: counted,
  };
}

/** Up to two modifiers between a place and the incident it names ("Manchester concert bombing"). */
function isNameGap(gap: string): boolean {
  return (
    /^(?:\s+[\p{L}\d'’-]+){0,2}\s*$/u.test(gap) &&
    !/\b(?:this|that|the|an?|his|her|its|their)\b/i.test(gap)
  );
}

function isNamedPlace(
  text: string,
  place: Span,
  triggers: ReadonlyArray<{ at: number; end: number }>,
): boolean {
  return triggers.some((t) => {
    if (t.at >= place.end && t.at - place.end <= 25) return isNameGap(text.slice(place.end, t.at));
    if (place.start >= t.end && place.start - t.end <= 30) {
      return /^\s+(?:[\w-]+\s+){0,2}(?:in|at|near|on)\s+(?:the\s+)?$/i.test(
        text.slice(t.end, place.start),
      );
    }
    return false;
  });
}

const FAMILIES: Array<[string, RegExp]> = [
  ['bomb', /bomb|blast|explo|detonat|ied|mine/i],
  ['shoot', /shoot|shot|gun|fire/i],
  ['strike', /strike|shell|rocket|mortar|missile|grenade/i],
  ['stab', /stab|behead|slaughter/i],
  ['abduct', /kidnap|abduct|hostage/i],
  ['clash', /clash|battle|firefight|ambush/i],
];

/**
 * The kind of violence an attack word names, so that "the bombing" is read as the bombing told
 * before and not the shooting told since; '' for words of any kind ("attack", "raid").
 *
 * @example toFamily('exploded') // 'bomb'
 */
export function toFamily(word: string): string {
  for (const [family, re] of FAMILIES) if (re.test(word)) return family;
  return '';
}
