import type { LocationEntity, OtherEntity } from '../extract-types.js';

/** Particles inside multi-word town names: "Nioro du Sahel", "Bir el Abd", "Ras al-Ain". */
const PARTICLE = String.raw`(?:du|de|des|del|la|le|el|al|ad|ar|as|an|ash|az|es|ez|ed|bin|ibn|ben|bou|um|umm|ul|ud)`;
const TOWN_NAME = String.raw`(?:al-|el-)?\p{Lu}[\p{L}'’-]+(?:(?:\s+|-)(?:${PARTICLE}(?:\s+|-))?\p{Lu}[\p{L}'’-]+){0,2}`;
const KIND = String.raw`(?:town|village|city|hamlet|settlement|locality|district|neighbou?rhood|suburb|municipality|commune)`;

/** "the town of Kafr Zita": the words say it is a place, whether the gazetteer knows it or not. */
const SETTLEMENT_OF = new RegExp(String.raw`\b(?:the\s+)?${KIND}\s+of\s+(${TOWN_NAME})`, 'gu');

/**
 * "in Boulkessi, a town in western Mali": the apposition says the name is a town, and where.
 * The name must follow a locative or a verb of attack, so that "Reuters, a …" is not read.
 */
const APPOSED_TOWN = new RegExp(
  String.raw`\b(?:in|near|at|outside|on|attacked|raided|stormed|struck|hit|seized|captured|overran|besieged|shelled|bombed)\s+(${TOWN_NAME}),\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?${KIND}\s+(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?`,
  'gud',
);

/**
 * Places introduced by their kind that the gazetteer does not hold: not geocoded (no
 * coordinates), but a place an incident can be told at (issue 14: an unknown town must still
 * open or place an incident). One told by an apposition takes the country the apposition names;
 * another, `docCountry`, the one country the document is about.
 *
 * @example namedSettlements('in the village of Umm Qasrain', blocked, [])[0]?.text // 'Umm Qasrain'
 */
export function namedSettlements(
  text: string,
  blocked: Uint8Array,
  found: ReadonlyArray<LocationEntity | OtherEntity>,
  docCountry?: string,
): LocationEntity[] {
  const out: LocationEntity[] = [];
  // Positions already taken by a place (one pass, so that many settlements cost no more).
  const taken = new Uint8Array(text.length + 1);
  for (const f of found) taken.fill(1, f.start, f.end);
  const free = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (taken[i] !== 0) return false;
    return true;
  };
  const add = (start: number, end: number, holder?: LocationEntity): void => {
    if (blocked[start] !== 0 || blocked[end - 1] !== 0) return;
    if (!free(start, end)) return;
    taken.fill(1, start, end);
    const entity: LocationEntity = {
      type: 'location',
      text: text.slice(start, end),
      start,
      end,
      geo_precision: 1,
    };
    const country = holder ? holder.country : docCountry;
    if (country) entity.country = country;
    if (holder?.admin1) entity.admin1 = holder.admin1;
    out.push(entity);
  };
  for (const m of text.matchAll(SETTLEMENT_OF)) {
    const start = m.index + m[0].length - m[1]!.length;
    add(start, start + m[1]!.length);
  }
  for (const m of text.matchAll(APPOSED_TOWN)) {
    const [start, end] = m.indices![1]!;
    const after = m.index + m[0].length;
    // The place the apposition names ("Mali", "Burkina Faso's Centre-Nord region").
    const holder = found.find(
      (f): f is LocationEntity => f.type === 'location' && f.start === after,
    );
    if (holder) add(start, end, holder);
  }
  return out;
}
