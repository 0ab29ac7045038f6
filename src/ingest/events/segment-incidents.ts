import type { EventStatus } from '../../core/stix/conflict-event-extension.js';
import type { EventUnit, TownSpot } from './find-event-units.js';

/** Units that tell one incident, in document order. */
export interface Incident {
  units: EventUnit[];
  status: EventStatus;
  dates: string[];
  countries: Set<string>;
  places: Set<string>;
  /** Every town named in its units, lower-cased. */
  names: Set<string>;
  /** Towns named next to its attack words, lower-cased. */
  towns: Set<string>;
  /** Kinds of violence its units name. */
  families: Set<string>;
  /** Where its towns lie, by name. */
  spots: Map<string, TownSpot>;
  /** Kinds of site its units name. */
  sites: Set<string>;
}

/** How near a town lies to a well-known city for it to be a borough or suburb of that city. */
const BOROUGH_KM = 25;

/** How many sentences after an incident's last unit a bare casualty figure still belongs to it. */
const CASUALTY_REACH = 2;
const MAX_INCIDENTS = 8;
/** The headline and first sentences tell the main incident, even when only by reference. */
const LEAD_SENTENCES = 3;

/**
 * Groups event units into distinct incidents: a unit joins the incident the narrative is on
 * unless it opens a new one ("another", "also carried out", "In 2015 …"), tells a different
 * status (a foiled plot), or names a date or country that contradicts it. The document's main
 * incident comes first, the others follow in the order the text tells them.
 *
 * @example segmentIncidents(findEventUnits(text, sentences, entities))[0] // the main incident
 */
export function segmentIncidents(units: readonly EventUnit[]): Incident[] {
  const incidents: Incident[] = [];
  let current: Incident | undefined;
  for (const unit of units) {
    if (unit.kind === 'weak') continue;
    if (!unit.attack) {
      // A bare casualty figure belongs to the incident being told, if it is close.
      const last = current?.units[current.units.length - 1];
      const own = current !== undefined && tollElsewhere(current, unit);
      // "The second, …" after a summary that counts the attacks opens its own incident.
      const another = unit.ordinal === true;
      if (current && last && unit.sentence - last.sentence <= CASUALTY_REACH && !own && !another) {
        if (fits(current, unit)) add(current, unit);
        continue;
      }
      if (current && !unit.fresh && !own) continue;
      if (own && incidents.length < MAX_INCIDENTS) {
        current = open(unit);
        incidents.push(current);
        continue;
      }
    }
    // An incident first told by reference needs something that places it, or the lead of the report.
    if (!current && unit.kind === 'ref' && !isAnchored(unit) && unit.sentence >= LEAD_SENTENCES) {
      continue;
    }
    // "… were killed in IS attacks in Badia": a toll in a town of its own is another incident,
    // even told with a definite or possessive attack word.
    const target =
      unit.kind === 'ref' && current && tollElsewhere(current, unit, true)
        ? undefined
        : chooseIncident(incidents, current, unit);
    if (target) {
      add(target, unit);
      current = target;
    } else if (incidents.length < MAX_INCIDENTS) {
      current = open(unit);
      incidents.push(current);
    }
  }
  return orderByMain(incidents);
}

function chooseIncident(
  incidents: readonly Incident[],
  current: Incident | undefined,
  unit: EventUnit,
): Incident | undefined {
  if (!current) return undefined;
  // A unit that names its incident (by place or day) joins the incident with that name.
  const named = incidents.findLast((i) => i.status === unit.status && sameAnchors(i, unit));
  if (named) return named;
  if (unit.fresh && unit.kind === 'new') return undefined;
  // "X claimed the attack on the police station": the incident told at that site, when the
  // one being told is at none of the sites named.
  const sites = unit.sites ?? [];
  if (unit.kind === 'ref' && !sites.some((k) => current.sites.has(k))) {
    const atSite = incidents.findLast(
      (i) => i.status === unit.status && sites.some((k) => i.sites.has(k)),
    );
    if (atSite) return atSite;
  }
  // Another day opens another incident only with an attack of its own and a toll or a town of
  // its own: arrests, funerals, claims and a risen toll are also told "the next day".
  if (
    unit.dayChange &&
    unit.kind === 'new' &&
    unit.attack &&
    (ownToll(current, unit) || ownTown(current, unit))
  ) {
    return undefined;
  }
  // "The bombings" after a shooting was told: the bombing told earlier, if there was one.
  const kinds = unit.families;
  if (
    kinds.length > 0 &&
    !kinds.some((f) => current.families.has(f)) &&
    current.families.size > 0
  ) {
    const same = incidents.findLast((i) => kinds.some((f) => i.families.has(f)) && fits(i, unit));
    if (same) return same;
  }
  if (fits(current, unit) && !elsewhere(current, unit)) return current;
  const other = incidents.findLast((i) => i !== current && fits(i, unit) && !elsewhere(i, unit));
  if (other) return other;
  return undefined;
}

function fits(incident: Incident, unit: EventUnit): boolean {
  if (incident.status !== unit.status) return false;
  if (unit.countries.length > 0 && incident.countries.size > 0) {
    if (!unit.countries.some((c) => incident.countries.has(c))) return false;
  }
  if (unit.places.length > 0 && incident.places.size > 0) {
    if (!unit.places.some((p) => incident.places.has(p))) return false;
  }
  for (const d of unit.dates) {
    for (const e of incident.dates) if (conflicts(d, e)) return false;
  }
  return true;
}

/** A new attack with its own toll or day in a town the incident never named is another incident. */
function elsewhere(incident: Incident, unit: EventUnit): boolean {
  if (unit.kind !== 'new' || unit.towns.length === 0) return false;
  // Compare with the towns next to its attack words, or with any town it named when none is.
  if (incident.towns.size === 0 && incident.names.size === 0) return false;
  if (!unit.casualties && unit.dates.length === 0) return false;
  // A headline and the lead that tells it again with the same toll: its "Kaduna village" is the
  // lead's "Kajuru, a village in Kaduna state".
  if (incident.units.every((u) => u.headline) && sameToll(incident, unit)) return false;
  return !unit.towns.some((t) => namesTown(incident, unit, t));
}

function sameToll(incident: Incident, unit: EventUnit): boolean {
  const dead = unit.counts.fatalities;
  const told = incident.units.find((u) => u.counts.fatalities)?.counts.fatalities;
  return dead === undefined || told === undefined || told.min === dead.min;
}

/**
 * Whether the incident named the town, or a well-known city it lies in, or a borough of it: "a
 * bar in Brooklyn" tells the "New York bar shooting" of the headline.
 */
function namesTown(incident: Incident, unit: EventUnit, town: string): boolean {
  if (incident.towns.has(town) || incident.names.has(town)) return true;
  const spot = unit.spots?.find((s) => s.name === town);
  if (!spot) return false;
  for (const other of incident.spots.values()) {
    if ((other.major || spot.major) && distanceKm(spot, other) <= BOROUGH_KM) return true;
  }
  return false;
}

function distanceKm(a: TownSpot, b: TownSpot): number {
  const dLat = a.lat - b.lat;
  const dLon = (a.lon - b.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.sqrt(dLat * dLat + dLon * dLon) * 111.2;
}

/**
 * A toll told in a town the incident never named, when the incident already has a toll of its
 * own that differs: in a round-up ("In Dikwa, gunmen killed six. In Ngamdu, fighters burned
 * homes and killed two.") each town's dead are another attack's.
 */
function tollElsewhere(incident: Incident, unit: EventUnit, untold = false): boolean {
  const dead = unit.counts.fatalities;
  if (!dead || unit.towns.length === 0) return false;
  if (incident.names.size === 0 && incident.towns.size === 0) return false;
  if (unit.towns.some((t) => namesTown(incident, unit, t))) return false;
  const told = incident.units.find((u) => u.counts.fatalities)?.counts.fatalities;
  // An attack word's toll in another town differs from an incident that told none, too.
  return told === undefined ? untold : told.min !== dead.min;
}

function ownToll(incident: Incident, unit: EventUnit): boolean {
  const dead = unit.counts.fatalities;
  const told = incident.units.find((u) => u.counts.fatalities)?.counts.fatalities;
  return dead !== undefined && told !== undefined && told.min !== dead.min;
}

/** A town next to the unit's attack words that the incident never named. */
function ownTown(incident: Incident, unit: EventUnit): boolean {
  return unit.towns.length > 0 && !unit.towns.some((t) => namesTown(incident, unit, t));
}

function isAnchored(unit: EventUnit): boolean {
  return (
    unit.casualties || unit.dates.length > 0 || unit.countries.length > 0 || unit.places.length > 0
  );
}

function sameAnchors(incident: Incident, unit: EventUnit): boolean {
  if (unit.places.some((p) => incident.places.has(p))) return true;
  return unit.dates.some((d) => d.length === 10 && incident.dates.includes(d));
}

/** Two dates contradict when they differ at the precision both state (a day apart is the same). */
function conflicts(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  if (a.slice(0, n) === b.slice(0, n)) return false;
  if (n === 10) return Math.abs(Date.parse(a) - Date.parse(b)) > 86_400_000;
  return true;
}

/** An incident with no unit and nothing known yet but its status. */
export function emptyIncident(status: Incident['status']): Incident {
  return {
    units: [],
    status,
    dates: [],
    countries: new Set(),
    places: new Set(),
    names: new Set(),
    towns: new Set(),
    families: new Set(),
    spots: new Map(),
    sites: new Set(),
  };
}

function open(unit: EventUnit): Incident {
  const incident = emptyIncident(unit.status);
  add(incident, unit);
  return incident;
}

function add(incident: Incident, unit: EventUnit): void {
  incident.units.push(unit);
  for (const d of unit.dates) if (!incident.dates.includes(d)) incident.dates.push(d);
  for (const c of unit.countries) incident.countries.add(c);
  for (const p of unit.places) incident.places.add(p);
  for (const n of unit.names) incident.names.add(n);
  for (const t of unit.towns) incident.towns.add(t);
  for (const f of unit.families) incident.families.add(f);
  for (const spot of unit.spots ?? []) incident.spots.set(spot.name, spot);
  for (const k of unit.sites ?? []) incident.sites.add(k);
}

/** The main incident is the first told, unless a later one is told at much greater length. */
function orderByMain(incidents: Incident[]): Incident[] {
  if (incidents.length < 2) return incidents;
  let main = 0;
  const weight = (i: Incident): number => new Set(i.units.map((u) => u.sentence)).size;
  for (let i = 1; i < incidents.length; i++) {
    if (weight(incidents[i]!) >= weight(incidents[main]!) + 3) main = i;
  }
  return [incidents[main]!, ...incidents.filter((_, i) => i !== main)];
}
