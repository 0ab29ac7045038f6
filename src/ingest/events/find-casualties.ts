import { addCountRanges, type CountRange } from '../../core/stix/conflict-event-extension.js';
import type { Span } from '../extract-types.js';
import { COUNT_PHRASE, readCount } from './read-count.js';

const KILL =
  /^(?:killed|dead|died|die|slain|perished|lost their lives|murdered|massacred|executed|fatalities|deaths|bodies)\b/i;
const HURT = /^(?:wounded|injured|hurt|injuries|wounds|maimed|hospitali[sz]ed)\b/i;
const KILL_BEFORE =
  /\b(?:killing|killed|kills|kill|slaying|shot dead|shooting dead|gunned down|gunning down|claimed the lives of|leaving|left|death toll (?:\w+ ){0,2}(?:to|of|at|reached)|massacred|murdered|executed|among the dead (?:were|was)|(?:the dead|those killed) included|(?:killing|killed) (?:himself|herself|themselves) and)\s+$/i;
/** The attacker counted with the victims: "killing himself and 12 others" is 13 dead. */
const SELF_AND = /\b(?:killing|killed) (?:himself|herself) and\s+$/i;
const HURT_BEFORE = /\b(?:wounding|wounded|injuring|injured|hurting|maiming)\s+$/i;
/**
 * A death toll whose subject is qualified before its verb: "the death toll from the shooting at
 * a concert hall in Krasnogorsk had climbed to 137", "the number of people killed in the attack
 * has risen to 144". Read on a wider window than KILL_BEFORE, and
 * never across the end of a sentence or a clause.
 */
const TOLL_BEFORE =
  /\b(?:(?:death|casualty) toll|toll of (?:the )?dead|number of (?:people |persons |those |civilians |victims )?(?:killed|dead)|number of (?:deaths|fatalities))\b[^.;:!?,]{0,120}?\b(?:(?:rose|risen|rising|climbed|jumped|increased|grew|reached|hit|stands|stood|was|is)\s+(?:to|at)?|to|at|of)\s*$/i;
/** What may follow a toll's figure: the end of a clause, a time or source, or who the dead were. */
const TOLL_FOLLOWER =
  /^(?:[.,;:!?)]|$|(?:on|by|in|as|after|with|and|late|early|overnight|yesterday|today|since|including|among|from|according|officials|police)\b)/i;

/** Whether the count that ends `before` and is followed by `after` is a death toll's figure. */
function isTollFigure(before: string, after: string): boolean {
  if (!TOLL_BEFORE.test(before)) return false;
  const next = after.trimStart();
  return TOLL_FOLLOWER.test(next) || BRIDGE_WORD.test(next.split(/[\s.,;:!?]/)[0] ?? '');
}
/** Words that may stand between a count and its casualty word: "130 people were killed". */
const BRIDGE_WORD =
  /^(?:more|other|others|people|persons|civilians|soldiers|troops|police(?:men)?|officers|policemen|militants|fighters|children|women|men|students|worshippers|passengers|workers|pilgrims|villagers|members|guards|insurgents|citizens|nationals|residents|sustained|suffered|worshipers|service|servicemen|marines|journalists|rebels|herders|farmers|fishermen|traders|miners|pupils|schoolchildren|protesters|demonstrators|mourners|drivers|teachers|doctors|nurses|peacekeepers|recruits|cadets|militiamen|attackers|bystanders|others|of|them|were|was|have|has|had|been|being|are|reported|reportedly|believed|feared|confirmed|also|later|at|least|in|the|total|all|security|personnel|shoppers|family|guests|staff|tourists|afghan|iraqi|syrian|american|british|french|russian|pakistani|nigerian|somali|israeli|palestinian|local|foreign|seriously|badly|critically|slightly|and)$|^(?:pro|anti|non|ex)-[a-z]+$|^[a-z]+-(?:backed|led|linked|allied|aligned|affiliated|based)$/i;
const NOBODY =
  /\b(?:no one|nobody|no-one|none) (?:was|were|had been) (?:killed|hurt|injured|harmed|wounded)|\bno (?:casualties|deaths|fatalities|injuries) (?:were|was)? ?reported|\bwithout (?:casualties|injuries)|\b(?:causing|caused|leaving|left|resulting in|with) no (?:casualties|deaths|fatalities|injuries)/i;

/** COUNT_PHRASE for scanning every count of a span (compiled once, not per span). */
const COUNT_WORDS = new RegExp(COUNT_PHRASE.source, 'gi');
const CASUALTY_WORD =
  /\b(?:kill|dead|death|died|die|slain|perish|lives|murder|massacre|execut|fatalit|wound|injur|hurt|maim|hospital|casualt|harmed|toll|bodies|gunned down|behead|lynch|slaughter)/i;

/** Killed and injured figures found in a span of text; absent when the span states none. */
export interface Casualties {
  fatalities?: CountRange;
  injuries?: CountRange;
}

/**
 * Reads killed and injured figures stated in a span: "killing 24", "130 dead", "hundreds more
 * injured", "the death toll rose to 12", "no one was hurt" (ACLED's reading of vague words).
 *
 * @example findCasualties('A blast killed 24 and wounded 15.', { start: 0, end: 33 }) // { fatalities: {min:24,max:24}, injuries: {min:15,max:15} }
 */
export function findCasualties(text: string, span: Span): Casualties {
  const s = text.slice(span.start, span.end);
  const out: Casualties = {};
  // Most spans name no victims at all: skip the count scan for them.
  if (!CASUALTY_WORD.test(s)) return out;
  const nobody = NOBODY.exec(s);
  const re = COUNT_WORDS;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (nobody && m.index >= nobody.index && m.index < nobody.index + nobody[0].length) continue;
    const count = readCount(m[0]);
    if (!count) continue;
    const before = s.slice(Math.max(0, m.index - 60), m.index);
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 120);
    // A casualty word right before the count ("killing 3 soldiers and 15 wounded") outranks one
    // reached across another count.
    const kind =
      kindAfter(after) ??
      kindBefore(before, after) ??
      kindAfter(after, true) ??
      (isTollFigure(
        s.slice(Math.max(0, m.index - 160), m.index),
        s.slice(m.index + m[0].length, m.index + m[0].length + 40),
      )
        ? 'killed'
        : undefined);
    if (!kind) continue;
    // Calendar years are not victims ("in 2004 … killed").
    if (count.min >= 1900 && count.min <= 2100 && /^\d{4}$/.test(m[0].trim())) continue;
    // The phrase's `end` is the reader's, not the range's: the count-range schema refuses it.
    let range: CountRange =
      count.max === undefined ? { min: count.min } : { min: count.min, max: count.max };
    if (kind === 'killed' && !out.fatalities) {
      if (SELF_AND.test(before)) range = addCountRanges(range, { min: 1, max: 1 });
      const more = coordinatedVictims(s.slice(m.index + m[0].length));
      if (more) range = addCountRanges(range, more);
      out.fatalities = range;
    }
    if (kind === 'injured' && !out.injuries) out.injuries = range;
  }
  if (!out.fatalities) {
    const one = singleVictims(s);
    if (one) out.fatalities = one;
  }
  if (!out.fatalities && NOBODY.test(s)) {
    const nobody = NOBODY.exec(s)![0];
    if (/killed|deaths|fatalities|casualties|harmed/i.test(nobody))
      out.fatalities = { min: 0, max: 0 };
    if (/hurt|injur|wounded|casualties|harmed/i.test(nobody) && !out.injuries) {
      out.injuries = { min: 0, max: 0 };
    }
  }
  return out;
}

/** "… was killed along with five others": the one named plus the others. */
const ONE_AND_OTHERS = new RegExp(
  String.raw`\b(?:was|has been|had been)\s+(?:shot dead|killed|assassinated|murdered|slain)\b[^.;]{0,40}?\b(?:along with|together with|with|and)\s+(${COUNT_PHRASE.source})\s+(?:others|other people|other (?:civilians|guards|officials|worshippers|passengers))\b`,
  'i',
);
/** "killing him", "killing him and his driver". */
const KILLING_HIM =
  /\bkilling (?:him|her)(?:self)?\b(\s+and (?:his|her) (?:\w+ ){0,1}(?:driver|bodyguard|guard|son|daughter|wife|husband|brother|aide|assistant|companion))?/i;
/** People a report names one at a time as victims: by office, by trade, or just "a man". */
const VICTIM_NOUNS =
  'governor|minister|commander|spokesman|leader|chief|official|officer|soldier|policeman|police officer|journalist|cleric|judge|mayor|man|woman|boy|girl|child|civilian|guard|student|worker|teacher|doctor|priest|imam|lawmaker|politician|candidate|activist|trader|farmer|shopkeeper|villager|herder|shepherd|driver|pilgrim|tourist|nurse|engineer|lawyer|businessman|fisherman|elder|contractor';
/** "The governor was killed in a bombing": one named victim, no figure. */
const ONE_KILLED = new RegExp(
  String.raw`(?:^|[.;]\s+|\b(?:[Aa]|[Tt]he|[Aa]n)\s)(?:[\w'’-]+\s+){0,6}?(?:${VICTIM_NOUNS})(?:\s+(?:of|for)(?:\s+[\w'’-]+){1,3}?)?(?:,[^,]{1,80},)?\s+(?:was|has been|had been)\s+(?:shot dead|killed|assassinated|murdered|slain|lynched)\b`,
);

/** "… killed a district official", "killing an off-duty policeman": one victim, active voice. */
const KILLED_ONE = new RegExp(
  String.raw`\b(?:killed|killing|shot dead|shooting dead|assassinated|assassinating|lynched|lynching)\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:${VICTIM_NOUNS})\b(?!['’-])`,
  'i',
);
/** "… beat a suspected thief to death", "stabbed a shopkeeper to death": one victim. */
const ONE_TO_DEATH = new RegExp(
  String.raw`\b(?:beat|beaten|beating|stabbed|stabbing|hacked|hacking|stoned|stoning|burned|burnt)\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:${VICTIM_NOUNS}|thief|robber|suspect)\s+to death\b`,
  'i',
);

/**
 * A toll stated without a figure: a single victim ("the governor was killed", "killing him"),
 * or a named victim with others ("was killed along with five others").
 */
function singleVictims(s: string): CountRange | undefined {
  const others = ONE_AND_OTHERS.exec(s);
  if (others) {
    const n = readCount(others[1]!);
    if (n) return addCountRanges({ min: 1, max: 1 }, n);
  }
  const him = KILLING_HIM.exec(s);
  if (him) return him[1] ? { min: 2, max: 2 } : { min: 1, max: 1 };
  if (ONE_KILLED.test(s) || KILLED_ONE.test(s) || ONE_TO_DEATH.test(s)) return { min: 1, max: 1 };
  return undefined;
}

/** "… three Spanish citizens and three Afghans": a second group of victims joined by "and". */
const AND_COUNT = new RegExp(
  `^\\s+(?:[A-Za-z'-]+\\s+){0,2}[A-Za-z'-]+\\s+and\\s+(${COUNT_PHRASE.source})\\s+([A-Za-z'-]+)`,
  'i',
);
/** Words after a count that make it something other than people: durations, distances, shares. */
const NOT_PEOPLE =
  /^(?:years?|months?|weeks?|days?|hours?|minutes?|times|km|kilometres?|kilometers?|miles?|metres?|meters?|per|percent|%|rounds?|rockets?|shells?|missiles?|vehicles?|houses?|homes?|buildings?)$/i;

/**
 * The count of a second group of victims coordinated with the first by "and" right after it
 * ("killing three Spanish citizens and three Afghans"), unless that group is the injured or not
 * people at all ("… and 15 wounded", "… and two vehicles").
 */
function coordinatedVictims(after: string): CountRange | undefined {
  const m = AND_COUNT.exec(after);
  if (!m) return undefined;
  const [, phrase, word] = m;
  if (HURT.test(word!) || KILL.test(word!) || NOT_PEOPLE.test(word!)) return undefined;
  const rest = after.slice(m.index + m[0].length - word!.length);
  if (kindAfter(` ${rest}`.slice(0, 80)) === 'injured') return undefined;
  return readCount(phrase!);
}

/** "U.S." and the like: dots that do not end a sentence. */
const INITIALISM = /^(?:[A-Z]\.){2,}$/;
/** Who the victims were, by a capitalised word: "Afghan civilians", "Shia worshippers". */
const PROPER_WORD = /^[A-Z][a-z]+$/;

/**
 * The casualty word a count is followed by, across words that say who the victims were: "130
 * people were killed", "170 Afghan civilians and 13 U.S. service members were killed" (one
 * coordinated count may stand between when `acrossAnd`).
 */
function kindAfter(after: string, acrossAnd = false): 'killed' | 'injured' | undefined {
  // Commas are kept as tokens: they close an aside such as ", including two policemen,".
  const words = after.split(/(\s+|,)/).filter((w) => w.trim() !== '');
  let coordinated = false;
  let seen = 0;
  for (let i = 0; i < words.length && seen < 10; i++) {
    const raw = words[i]!;
    if (raw === ',') {
      // Skip an aside that names some of the victims; the count before it is the total.
      if (/^(?:including|among)$/i.test(words[i + 1] ?? '')) {
        const close = words.indexOf(',', i + 1);
        if (close < 0) return undefined;
        i = close;
      }
      continue;
    }
    seen++;
    if (INITIALISM.test(raw)) continue;
    const w = raw.replace(/[.;:!?)"”’]+$/, '');
    if (KILL.test(w) || (/^(?:lost)$/i.test(w) && /^their$/i.test(words[i + 1] ?? '')))
      return 'killed';
    // "four herders were shot dead", "six men were gunned down": a killing told by its manner.
    if (
      (/^(?:shot|gunned|hacked|beaten|burned|burnt|stabbed)$/i.test(w) &&
        /^(?:dead|down|to)\b/i.test(words[i + 1] ?? '')) ||
      /^(?:beheaded|lynched|slaughtered)\b/i.test(w)
    )
      return 'killed';
    if (HURT.test(w)) return 'injured';
    if (
      /^taken$/i.test(w) &&
      /^to$/i.test(words[i + 1] ?? '') &&
      /^hospital/i.test(words[i + 2] ?? '')
    )
      return 'injured';
    if (/[.;:!?]$/.test(raw)) return undefined;
    // "… 12 people and wounded 30": the casualty word after "and" starts another clause.
    if (/^and$/i.test(w) && (KILL.test(words[i + 1] ?? '') || HURT.test(words[i + 1] ?? '')))
      return undefined;
    if (BRIDGE_WORD.test(w) || PROPER_WORD.test(w)) continue;
    if (acrossAnd && !coordinated && /^and$/i.test(words[i - 1] ?? '') && readCount(w)) {
      coordinated = true;
      continue;
    }
    return undefined;
  }
  return undefined;
}

function kindBefore(before: string, after = ''): 'killed' | 'injured' | undefined {
  // "claimed 12 lives"
  if (/\bclaimed\s+$/i.test(before) && /^\s*lives\b/i.test(after)) return 'killed';
  if (KILL_BEFORE.test(before)) {
    // "left … injured" is settled by the words after the count.
    return /\b(?:left|leaving)\s+$/i.test(before) ? undefined : 'killed';
  }
  if (HURT_BEFORE.test(before)) return 'injured';
  return undefined;
}
