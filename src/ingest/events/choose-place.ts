import type { Entity, LocationEntity, Span } from '../extract-types.js';
import { spansWithin } from '../text/spans-within.js';
import { datelineCityAgain } from './dateline.js';
import { ATTACK_CUE } from './event-cues.js';
import { findFacilities, type Facility } from './find-facilities.js';
import type { Incident } from './segment-incidents.js';

/** ATTACK_CUE for scanning every attack word of a unit (compiled once, not per unit). */
const ATTACK_WORDS = new RegExp(ATTACK_CUE.source, 'gi');

/** How far from an attack word a named site still places it. */
const SITE_REACH = 90;
/** How many of an incident's units are searched for its site. */
const SITE_UNITS = 4;
const REF_PLACE_REACH = 30;
/** How long the event lasted ("raged for three days in Marawi"): it says nothing of where. */
const MAX_DURATION_CHARS = 40;
const DURATION_ADJUNCT =
  /\s(?:for|over)\s+(?:(?:about|nearly|almost|more\s+than|at\s+least|some)\s+)?(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+)?(?:full\s+)?(?:minutes?|hours?|days?|weeks?|months?)\b/gi;
const ORIGIN_BEFORE =
  /\bfrom\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern|-eastern|-western)?\s+)?$/i;
const SITE_TOWN_GAP =
  /^(?:,\s*|\s+(?:in|near|at|outside)\s+(?:the\s+)?(?:(?:city|town|village) of\s+)?)$/;

/** Words that send fire or people from one place to another: "from X to Y" is then a route. */
const SENT_FROM =
  /\b(?:fired|launched|fled|flee(?:ing)?|moved|moving|travell?(?:ed|ing)|came|coming|returned|returning|transferred|deported|smuggled|crossed|flew|flown|drove|driven|marched|relocated|evacuated|displaced|sent|brought|taken|trafficked|shipped|infiltrated|advanced|retreated|withdrew|escaped|arrived)\b[^.;]{0,40}$/i;
const RANGE_AFTER = /^\s+(?:to|through|and)\s+(?:the\s+)?\p{Lu}/u;

/**
 * A place the fire or the people came from ("rockets fired from Gaza", "men from Tajikistan"),
 * but not the first end of a stretch struck along its length ("jets pounded towns from Idlib to
 * Aleppo"): a range names where the event happened.
 */
function isOrigin(text: string, unit: Span, p: LocationEntity): boolean {
  const before = text.slice(Math.max(unit.start, p.start - 24), p.start);
  if (!ORIGIN_BEFORE.test(before)) return false;
  if (!RANGE_AFTER.test(text.slice(p.end, p.end + 24))) return true;
  return SENT_FROM.test(text.slice(Math.max(unit.start, p.start - 80), p.start));
}

/**
 * The place of the first unit that names one: the town closest to an attack word ("the bombing of
 * the Oklahoma City federal building"), a town before a country, and the named site there when
 * the text gives one ("Oxford Street, Belfast").
 */
export function choosePlace(
  text: string,
  incident: Incident,
  entities: readonly Entity[],
): { name: string; entity?: LocationEntity } | undefined {
  let town: LocationEntity | undefined;
  let site: Facility | undefined;
  let coarse = false;
  for (const [index, unit] of incident.units.entries()) {
    if (town && !coarse && (site || index >= SITE_UNITS)) break;
    if (town && coarse && index >= SITE_UNITS) break;
    const inside = spansWithin(entities, unit.start, unit.end);
    const triggers: number[] = [];
    const re = ATTACK_WORDS;
    re.lastIndex = 0;
    const s = text.slice(unit.start, unit.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) triggers.push(unit.start + m.index);
    const distance = (p: Span): number =>
      triggers.length === 0
        ? p.start - unit.start
        : Math.min(...triggers.map((t) => Math.abs(p.start - t)));
    if (!site && index < SITE_UNITS) {
      const sites = findFacilities(text, unit).filter(
        (f) =>
          distance(f) <= SITE_REACH &&
          // "Lena Park" is a person, not a park.
          !inside.some(
            (e) =>
              (e.type === 'actor' || e.type === 'person') && e.start < f.end && f.start < e.end,
          ),
      );
      site = sites.reduce<Facility | undefined>(
        (best, f) => (!best || distance(f) < distance(best) ? f : best),
        undefined,
      );
    }
    if (town && !coarse) continue;
    // A unit that only refers back to the attack places it only by a name right next to it.
    const reach = unit.kind === 'ref' ? REF_PLACE_REACH : Infinity;
    // A town written right after the site places it however far the attack word is ("the March
    // 22 attack on Crocus City Hall near Moscow").
    const placesSite = (e: Span): boolean =>
      site !== undefined &&
      e.start >= site.end &&
      SITE_TOWN_GAP.test(text.slice(site.end, e.start));
    // A duration between the attack word and the place does not count towards the reach.
    const near = (e: Span): boolean => {
      if (distance(e) <= reach) return true;
      if (distance(e) > reach + MAX_DURATION_CHARS) return false;
      const from = Math.max(-1, ...triggers.filter((t) => t < e.start));
      return from >= 0 && text.slice(from, e.start).replace(DURATION_ADJUNCT, '').length <= reach;
    };
    const places = inside.filter(
      (e): e is LocationEntity =>
        e.type === 'location' &&
        !(site && e.start >= site.start && e.end <= site.end) &&
        (near(e) || placesSite(e)),
    );
    // A town, then a province, beats a country in the same unit, and a place the fire or the people came from
    // ("rockets fired from Afghanistan landed near Termez", "men from Tajikistan") is not
    // where the event happened.
    const score = (p: LocationEntity): number =>
      distance(p) +
      ((p.geo_precision ?? 3) > 1 ? 60 : 0) +
      (p.admin1 === undefined ? 60 : 0) +
      (isOrigin(text, unit, p) ? 150 : 0);
    const best = places.reduce<LocationEntity | undefined>(
      (b, p) => (!b || score(p) < score(b) ? p : b),
      undefined,
    );
    // A country or region ("northern Nigeria" in a headline) gives way to a town told next.
    // A country alone gives way to a province told next ("in Afghanistan's Kandahar province").
    const finer =
      coarse &&
      index < SITE_UNITS &&
      best !== undefined &&
      ((best.geo_precision ?? 3) < 3 || (town?.admin1 === undefined && best.admin1 !== undefined));
    if (best && (!coarse || finer)) {
      if (finer) town = undefined;
      if (!town) town = best;
      // "On the outskirts of X" (near a town) places the event as well as "in X" does; a
      // headline's town gives way to the town its lead tells ("Kaduna village" → "Kajuru").
      coarse = (town.geo_precision ?? 3) === 3 || unit.headline === true;
    }
  }
  const townName = town ? withDivision(text, town) : undefined;
  if (!site) return town ? { name: townName!, entity: town } : undefined;
  const name =
    townName && !site.text.includes(town!.text) ? `${site.text}, ${townName}` : site.text;
  return town ? { name, entity: town } : { name };
}

/** "A bomb exploded in the west of the city": the town of the dateline, named again. */
export function cityAgain(
  text: string,
  incident: Incident,
  entities: readonly Entity[] | undefined,
): { name: string; entity: LocationEntity } | undefined {
  if (!entities) return undefined;
  for (const unit of incident.units.slice(0, SITE_UNITS)) {
    const city = datelineCityAgain(text, entities, unit);
    if (city) return { name: cityName(city.text), entity: city };
  }
  return undefined;
}

/** "KABUL" as a dateline writes it is "Kabul", and "MOGADISHU, Somalia" is "Mogadishu, Somalia". */
function cityName(written: string): string {
  return written.replace(/\p{Lu}{3,}/gu, (word) => word[0]! + word.slice(1).toLowerCase());
}

/** "Helmand" as the text writes it: "Helmand Province". */
function withDivision(text: string, place: LocationEntity): string {
  const after =
    /^\s+(?:Province|province|District|district|Governorate|governorate|County|State|Region|Oblast)\b/.exec(
      text.slice(place.end, place.end + 16),
    );
  return after ? text.slice(place.start, place.end + after[0].length) : place.text;
}
