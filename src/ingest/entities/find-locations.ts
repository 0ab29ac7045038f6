import type { GeoPrecision } from '../../core/stix/conflict-event-extension.js';
import type { LocationEntity, OtherEntity } from '../extract-types.js';
import type { Place } from '../gazetteer/place-gazetteer.js';
import { BORROWING_COUNTRIES, getPlaceGazetteer } from '../gazetteer/place-gazetteer.js';
import type { DocumentContext } from './document-context.js';
import { isCapitalized } from './document-context.js';
import { getLexicons } from './lexicon-words.js';
import { NAME_CONNECTORS } from './name-words.js';
import { namedSettlements } from './named-settlements.js';
import { isWithinNamed, namedAround } from './nearby-places.js';
import { findNationalities } from './find-nationalities.js';

const LOCATIVE =
  /\b(?:in|near|at|outside|from|to|into|toward|towards|around|across|throughout|of|on|via|between|and|across|within|inside|entered|reached|left|captured|seized|retook|liberated|struck|hit|attacked|bombed|shelled|rocked|shook|targeted|stormed|raided|pounded|overran|besieged|village|town|city|district|province|region|area|outskirts|south|north|east|west|northern|southern|eastern|western|central)\s+(?:the\s+)?$/i;
const NEAR =
  /\b(?:near|outside|around|outskirts\s+of|(?:\d+\s*(?:km|kilometers|kilometres|miles)\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|close\s+to|on\s+the\s+road\s+to)\s+(?:the\s+)?$/i;
const ADMIN_AFTER = /^\s+(?:province|governorate|state|region|oblast|prefecture)\b/i;
const DISTRICT_AFTER = /^\s+(?:district|county|municipality|area)\b/i;

interface Mention {
  start: number;
  end: number;
  candidates: Place[];
  cue: boolean;
  near: boolean;
  admin: boolean;
  district: boolean;
  /** The place the next words name ("Palmyra, Syria", "Nioro du Sahel, a town in Mali"). */
  qualifier?: Place[];
  /** The qualifier is written right after it, a comma between ("Palmyra, Syria"): one name. */
  joined?: boolean;
  /** The gazetteer knows only the name's first words ("Nioro" of "Nioro du Sahel"). */
  partial?: boolean;
}

/**
 * The rest of a multi-word town after a particle ("du Sahel", "al-Ain", "el Abd"): a gazetteer
 * name followed by it is only the first part of a longer name.
 */
const PARTICLE_TAIL =
  /^(?:[ -](?:du|de|des|del|la|le|el|al|ad|ar|as|an|ash|az|es|ez|ed|bin|ibn|ben|bou|um|umm|ul|ud)[ -]\p{Lu}[\p{L}'’]+)+/u;
/**
 * A second capitalised word after a little-known gazetteer name ("Tal" of "Tal Abyad"): the name
 * goes on, unless the word is a kind of place or building, a day or a month ("Kano State", "Gao
 * Airport", "Gao Monday"), or a longer capitalised phrase goes on ("Greenwich Mean Time").
 */
const NAME_TAIL =
  /^ (?!(?:Province|State|Region|District|County|Governorate|Division|City|Town|Village|Airport|University|Road|Street|Avenue|Market|Bridge|Camp|Base|Hospital|Mosque|Church|School|Prison|Dam|Valley|River|Lake|Mountains?|Police|Army|Forces?|Council|Court|Times|Post|News|Radio|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu}\p{Ll}[\p{L}'’-]*(?=[,.;:!?)]|$|\s+(?!\p{Lu}))/u;
/** "…, a town in northern Mali": an apposition that says which country holds the place. */
const APPOSITIVE_IN =
  /^,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:town|village|city|district|suburb|neighbou?rhood|area|settlement|locality|municipality|region|province)\s+(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?$/i;

/**
 * Finds places and geocodes them offline: countries, regions, provinces and cities of the
 * gazetteer; an ambiguous name goes to the country the document or the phrase ("X, Syria")
 * speaks of, then to the better-known place. Small towns need a locative cue ("in", "near")
 * or a document country, so that ordinary capitalised words do not become towns.
 *
 * @example findLocations(createDocumentContext('Gunmen struck Moscow.'))[0] // Moscow, RU
 */
export function findLocations(
  context: DocumentContext,
  blocked: Uint8Array = new Uint8Array(context.text.length + 1),
  actorCountries: readonly string[] = [],
): Array<LocationEntity | OtherEntity> {
  const { pieces, text } = context;
  const { index } = getPlaceGazetteer();
  const lex = getLexicons();
  const nationalities = findNationalities(context);
  const demonyms = new Map(nationalities.map((n) => [n.start, n.end]));
  const mentions: Mention[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (!isCapitalized(piece.raw) || blocked[piece.start] !== 0) continue;
    // A name's later words are capitalised too: "Kaduna state" is Kaduna, then a common noun.
    const match = index.matchAt(
      pieces,
      i,
      text,
      (p) => isCapitalized(p.raw) || NAME_CONNECTORS.has(p.key),
    );
    if (!match) continue;
    const span = pieces.slice(i, match.to);
    if (span.some((p, k) => k > 0 && !isCapitalized(p.raw) && !NAME_CONNECTORS.has(p.key)))
      continue;
    if (span.some((p) => blocked[p.start] !== 0 || blocked[p.end - 1] !== 0)) continue;
    // "the Somali capital", "Afar fighters": a nationality before a noun is no place (Ethiopia's
    // Somali region is "the Somali region").
    const demonymEnd = demonyms.get(piece.start);
    if (
      demonymEnd === span[span.length - 1]!.end &&
      /^\s+[a-z]/.test(text.slice(demonymEnd, demonymEnd + 3)) &&
      !ADMIN_AFTER.test(text.slice(demonymEnd, demonymEnd + 16))
    )
      continue;
    // A capitalised phrase that goes on ("Moscow Times", "Kabul University") is read by the
    // named-run finder; its longer span wins over the place when they overlap.
    const start = piece.start;
    let end = withFinalStop(text, span[span.length - 1]!.end);
    let to = match.to;
    const tail =
      PARTICLE_TAIL.exec(text.slice(end, end + 60)) ??
      (match.values.every((p) => !p.strong) ? NAME_TAIL.exec(text.slice(end, end + 40)) : null);
    if (tail) {
      end += tail[0].length;
      while (to < pieces.length && pieces[to]!.start < end) to++;
    }
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 16);
    const single = span.length === 1;
    const key = piece.key;
    // Ordinary English words and people's names that are also towns somewhere.
    // A town called like a name needs a locative cue ("in Gao"); one called like a word, more.
    const namelike = (lex.firstNames.has(key) || lex.lastNames.has(key)) && !LOCATIVE.test(before);
    const wordLike =
      single &&
      (lex.common.has(key) || namelike) &&
      !match.values.some(
        (p) =>
          p.kind === 'country' ||
          p.kind === 'region' ||
          (p.strong && p.kind === 'city' && !lex.common.has(key)),
      );
    if (wordLike) continue;
    const mention: Mention = {
      start,
      end,
      candidates: match.values,
      // Towns take no article: "at the Christmas market" is no cue for a town called Christmas.
      cue: (LOCATIVE.test(before) && !/\bthe\s+$/i.test(before)) || /^,\s+\p{Lu}/u.test(after),
      near: NEAR.test(before),
      admin: ADMIN_AFTER.test(after),
      district: DISTRICT_AFTER.test(after),
      ...(tail ? { partial: true } : {}),
    };
    mentions.push(mention);
    i = to - 1;
  }
  // Countries the document speaks of, for the ambiguous and the weak names.
  const docCountries = new Map<string, number>();
  for (const m of mentions) {
    const strongOnes = m.candidates.filter((p) => p.strong && p.country);
    const countries = new Set(strongOnes.map((p) => p.country!));
    if (countries.size === 1) {
      const c = [...countries][0]!;
      docCountries.set(c, (docCountries.get(c) ?? 0) + 1);
    }
  }
  // "Lebanese troops … in Tripoli": a nationality says which country the document is about too.
  // It ranks namesakes; it does not make weak names places (that needs a place named).
  const rankCountries = new Map(docCountries);
  for (const n of nationalities) {
    rankCountries.set(n.canonical!, (rankCountries.get(n.canonical!) ?? 0) + 1);
  }
  // So do the home countries of the groups it names: "Boko Haram fighters … near Bama" is
  // Nigeria's Bama, not Burkina Faso's.
  for (const c of actorCountries) rankCountries.set(c, (rankCountries.get(c) ?? 0) + 1);
  for (let k = 0; k + 1 < mentions.length; k++) {
    const m = mentions[k]!;
    const n = mentions[k + 1]!;
    const gap = text.slice(m.end, n.start);
    if (/^,\s*$/.test(gap)) {
      m.qualifier = n.candidates;
      m.joined = true;
    } else if (APPOSITIVE_IN.test(gap)) m.qualifier = n.candidates;
  }
  // A district or suburb of a city named in the same text is the one inside that city:
  // "Brooklyn" beside "New York" is New York's, not Indiana's or Victoria's.
  const first = mentions.map((m) => choosePlace(m, docCountries, [], rankCountries));
  const found: Array<LocationEntity | OtherEntity> = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    const place =
      m.candidates.length > 1
        ? choosePlace(m, docCountries, namedAround(first, k, m.candidates), rankCountries)
        : first[k];
    if (!place) continue;
    const name = text.slice(m.start, m.end);
    if (m.partial) {
      const entity = partialName(m, place, name, docCountries);
      if (entity) found.push(entity);
      continue;
    }
    if (place.kind === 'country') {
      const after = text.slice(m.end, m.end + 24);
      // A country that acts ("France said", "Jordan has joined") is its government, and so is
      // one listed among the members of a coalition ("nations … include France, Jordan").
      // "Aid workers in Chile said": after "in" the country is where the speakers are.
      const placed = /\b(?:in|inside|across|throughout|from)\s+(?:the\s+)?$/i.test(
        text.slice(Math.max(0, m.start - 24), m.start),
      );
      if ((AGENT_VERB.test(after) && !placed) || isListedMember(text, m.start, context.sentences)) {
        found.push({
          type: 'organization',
          text: name,
          start: m.start,
          end: m.end,
          canonical: place.name,
        });
        continue;
      }
      // "U.S. officials", "a U.S. strike", "U.S.-Iraq ties": the short name used as an
      // adjective names the state acting, not a place.
      if (
        ADJECTIVAL.has(name) &&
        (/^-\p{L}/u.test(after) || (/^\s+[a-z]/.test(after) && !NOT_NOUN.test(after)))
      ) {
        found.push({
          type: 'organization',
          text: name,
          start: m.start,
          end: m.end,
          canonical: place.name,
        });
        continue;
      }
    }
    // "Palmyra, Syria" is one place: the town, named with the country or province holding it.
    let end = m.end;
    const q = mentions[k + 1];
    if (
      m.qualifier &&
      m.joined &&
      q &&
      place.kind === 'city' &&
      q.candidates.some(
        (x) => x.country === place.country && (x.kind === 'country' || x.kind === 'admin1'),
      )
    ) {
      end = q.end;
      k++;
    }
    const entity: LocationEntity = {
      type: 'location',
      text: text.slice(m.start, end),
      start: m.start,
      end,
    };
    if (place.country) entity.country = place.country;
    const admin1 =
      place.admin1 ??
      m.candidates.find((p) => p.country === place.country && p.admin1 && p.kind === 'city')
        ?.admin1;
    if (admin1) entity.admin1 = admin1;
    entity.lat = place.lat;
    entity.lon = place.lon;
    entity.geo_precision = toGeoPrecision(place, m);
    found.push(entity);
  }
  // A town the gazetteer lacks lies in the one country the document is about, if it is about one.
  const [only, ...more] = rankCountries.keys();
  const docCountry = only && more.length === 0 ? only : undefined;
  for (const f of found) {
    // Only towns with no point: regions that span countries ("the Sahel") keep none.
    if (f.type === 'location' && f.country === undefined && f.lat === undefined && docCountry)
      f.country = docCountry;
  }
  found.push(...namedSettlements(text, blocked, found, docCountry));
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A name the gazetteer knows only in part ("Nioro" of "Nioro du Sahel") keeps its whole text; it
 * is geocoded only to a namesake in the country its apposition or the document names, and kept
 * ungeocoded after a locative cue otherwise (a wrong country is worse than none).
 */
function partialName(
  m: Mention,
  place: Place,
  name: string,
  docCountries: ReadonlyMap<string, number>,
): LocationEntity | undefined {
  const countries = new Set(
    m.qualifier?.flatMap((q) => (q.country ? [q.country] : [])) ?? docCountries.keys(),
  );
  const namesake = [place, ...m.candidates].find(
    (p) => p.kind === 'city' && p.country !== undefined && countries.has(p.country),
  );
  const entity: LocationEntity = {
    type: 'location',
    text: name,
    start: m.start,
    end: m.end,
    geo_precision: m.near ? 2 : 1,
  };
  if (!namesake) {
    if (!m.cue && !m.near && !m.qualifier) return undefined;
    // "Ras al-Ain, a town in northern Syria": the country is known, the town's point is not.
    const [only, ...more] = m.qualifier ? [...countries] : [];
    if (only && more.length === 0) entity.country = only;
    return entity;
  }
  entity.country = namesake.country!;
  if (namesake.admin1) entity.admin1 = namesake.admin1;
  entity.lat = namesake.lat;
  entity.lon = namesake.lon;
  return entity;
}

const AGENT_VERB =
  /^\s+(?:said|says|has|have|had|will|would|supports|supported|announced|conducted|launched|joined|sent|deployed|contributed|condemned|accused|denied|agreed|remains|continues|wants|must|should|could|urged|warned|vowed|pledged|demanded|rejected|insisted|claimed|believes|plans|intends)\b/;
const ADJECTIVAL = new Set(['U.S.', 'US', 'U.K.', 'UK', 'U.S', 'U.K']);
const NOT_NOUN =
  /^\s+(?:and|or|in|on|at|to|of|for|with|from|by|is|was|are|were|has|have|had|said|says|will|would|as|but|that|which|who)\b/;

function toGeoPrecision(place: Place, m: Mention): GeoPrecision {
  if (place.kind !== 'city') return 3;
  if (m.near || m.district) return 2;
  return 1;
}

function choosePlace(
  m: Mention,
  docCountries: ReadonlyMap<string, number>,
  named: readonly Place[] = [],
  rankCountries: ReadonlyMap<string, number> = docCountries,
): Place | undefined {
  let pool = m.candidates;
  if (m.qualifier) {
    const q = m.qualifier;
    const within = pool.filter((p) =>
      q.some(
        (x) =>
          x.country === p.country &&
          (x.kind === 'country' ||
            x.admin1 === p.admin1 ||
            (x.kind === 'admin1' && x.name === p.admin1)),
      ),
    );
    if (within.length) pool = within;
  }
  if (m.admin) {
    const admins = pool.filter((p) => p.kind === 'admin1' || p.kind === 'region');
    if (admins.length) pool = admins;
  }
  const strong = pool.some((p) => p.strong);
  const inDoc = pool.filter((p) => p.country && docCountries.has(p.country));
  if (!strong && !m.cue && !m.qualifier && inDoc.length === 0) return undefined;
  const rank = (p: Place): number => score(p, rankCountries) + (isWithinNamed(p, named) ? 45 : 0);
  const ranked = [...pool].sort((a, b) => rank(b) - rank(a));
  const best = ranked[0];
  // "in Herat" is the city; the province of the same name needs "province" after it.
  if (best && best.kind === 'admin1' && !m.admin) {
    const city = pool.find(
      (p) => p.kind === 'city' && p.country === best.country && p.admin1 === best.admin1,
    );
    if (city) return city;
  }
  return best;
}

// A well-known place outweighs a document's country context ("Moscow" in an article full of
// "U.S." is still Russia's); the context decides between lesser places of the same name.
function score(p: Place, docCountries: ReadonlyMap<string, number>): number {
  let s = 0;
  if (p.country && docCountries.has(p.country))
    s += 30 + Math.min(docCountries.get(p.country)!, 10);
  if (p.kind === 'country') s += 60;
  else if (p.kind === 'region') s += 50;
  if (p.strong) s += 50;
  if (p.curated) s += 20;
  if (p.kind === 'city') s += 5;
  if (p.country && !BORROWING_COUNTRIES.has(p.country)) s += 10;
  return s;
}

/** "U.S." and "U.K." keep their last full stop (the piece ends before it). */
export function withFinalStop(text: string, end: number): number {
  return text[end] === '.' &&
    /(?:^|[^\p{L}])\p{L}\.\p{L}$/u.test(text.slice(Math.max(0, end - 4), end))
    ? end + 1
    : end;
}

const MEMBER_LIST =
  /\b(?:include|includes|included|including|such\s+as)\s*:?\s+(?:(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,?\s+(?:and\s+)?)*(?:the\s+)?$/;
const MEMBERS = /\b(?:nations|countries|partners|allies|members|coalition|states|governments)\b/i;

/** True when a country stands in a list of the members of a coalition or alliance. */
function isListedMember(
  text: string,
  start: number,
  sentences: DocumentContext['sentences'],
): boolean {
  const sentence = sentences.find((s) => s.start <= start && start < s.end);
  if (!sentence) return false;
  const before = text.slice(sentence.start, start);
  const list = MEMBER_LIST.exec(before);
  return list !== null && MEMBERS.test(before.slice(0, list.index));
}
