import type { DateEntity, Entity } from '../extract-types.js';
import { ATTACK_CUE } from './event-cues.js';

/**
 * What is done after an attack, on its own day: a trial, a sentence, a funeral, a vigil. The day
 * next to it is never the attack's.
 */
const AFTERMATH =
  /\b(?:tried(?!\s+to\b)|sentenc(?:ed|ing)|convicted|indicted|charged|acquitted|verdict|testified|jailed|extradited|buried|mourned|commemorated)\b|(?<!\b(?:at|during|near|outside|inside|into|on|attended|attending|targeting|targeted)\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+)?)\b(?:trials?|hearings?|funerals?|burials?|vigils?|anniversary|memorials?)\b/gi;
/** Arrests after an attack (not when the arrest is the event). */
const ARREST =
  /\b(?:arrest(?:ed|s)?|detain(?:ed)?|detentions?|apprehended|taken into custody|raided)\b/gi;
/** Who said or claimed it: that day is when the report was given, used only when no other is. */
const SAYING =
  /\b(?:said|says|told|announced|reported|confirmed|claimed|claims?|statement|stated|added)\b/gi;
/** Words of the act itself: attack words and its victims. */
const ACT = new RegExp(
  `${ATTACK_CUE.source}|\\b(?:kill(?:ed|ing)|wounded|injured|died|dead)\\b`,
  'gi',
);
/** How far a word still governs the date next to it. */
const DATE_WORD_REACH = 40;

type DateRole = 'event' | 'saying' | 'aftermath';

/** Whether a date belongs to the act, to the report of it, or to what came after it. */
function dateRole(text: string, date: DateEntity, arrestsAfter: boolean): DateRole {
  // The sentence part the date stands in (a full stop, semicolon or dash bounds it).
  const left = Math.max(0, date.start - 160);
  const before = text.slice(left, date.start);
  const cut = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf(';'),
    before.lastIndexOf(' — '),
  );
  const from = cut >= 0 ? left + cut + 1 : left;
  const rest = text.slice(date.end, date.end + 160);
  const stop = /[.;]\s| — /.exec(rest);
  const to = date.end + (stop ? stop.index : rest.length);
  const part = text.slice(from, to);
  const nearest = (re: RegExp): number => {
    let best = Infinity;
    re.lastIndex = 0;
    for (const m of part.matchAll(re)) {
      const at = from + m.index;
      const gap = at >= date.end ? at - date.end : date.start - (at + m[0].length);
      if (gap >= 0 && gap < best) best = gap;
    }
    return best;
  };
  const act = nearest(ACT);
  const after = Math.min(nearest(AFTERMATH), arrestsAfter ? nearest(ARREST) : Infinity);
  if (after <= DATE_WORD_REACH && after < act) return 'aftermath';
  const saying = nearest(SAYING);
  if (saying <= DATE_WORD_REACH && saying < act) return 'saying';
  return 'event';
}

/**
 * The day of the act: a date next to an attack word or its victims; failing that the day it was
 * said or claimed (the event was then, or just before); never the day of a trial, a funeral or
 * (after an attack) an arrest — an attack told with only those has no date.
 */
export function chooseDate(
  text: string,
  inUnits: readonly Entity[],
  arrestsAfter: boolean,
): DateEntity | undefined {
  const dates = inUnits.filter((e): e is DateEntity => e.type === 'date' && !!e.value);
  const usable = dates.filter(
    (d) => !/\b(?:since|until|before|by)\s+$/i.test(text.slice(Math.max(0, d.start - 12), d.start)),
  );
  const roles = usable.map((d) => dateRole(text, d, arrestsAfter));
  const events = usable.filter((_, i) => roles[i] === 'event');
  const pool = events.length > 0 ? events : usable.filter((_, i) => roles[i] === 'saying');
  return pool.reduce<DateEntity | undefined>(
    (best, d) =>
      !best || (d.value!.length > best.value!.length && best.value!.length < 10) ? d : best,
    undefined,
  );
}
