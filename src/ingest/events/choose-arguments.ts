import type {
  ActorEntity,
  ActorRole,
  DateEntity,
  Entity,
  ExtractedEvent,
  LocationEntity,
  Span,
} from '../extract-types.js';
import { ATTACK_CUE, CLAIM_CUE, TARGET_BEFORE } from './event-cues.js';
import { findCasualties } from './find-casualties.js';
import type { Incident } from './segment-incidents.js';

/** What an incident's units say about who, where, when and how many. */
export type EventArguments = Pick<
  ExtractedEvent,
  'date' | 'time_precision' | 'location' | 'actors' | 'fatalities' | 'injuries'
>;

const MAX_PERPETRATORS = 2;

/**
 * Chooses an incident's actors (perpetrator, target, claimant), place, date and casualty figures
 * from the entities inside its units; a perpetrator named next to it ("ISIS-K also carried out
 * …", "X claimed responsibility") is taken when its own units name none.
 *
 * @example chooseArguments(text, incident, entities, sentences, isMain).location?.name // 'Moscow'
 */
export function chooseArguments(
  text: string,
  incident: Incident,
  entities: readonly Entity[],
  sentences: readonly Span[],
  context: { main: boolean; claims: readonly ActorEntity[] },
): EventArguments {
  const inUnits = entities.filter((e) =>
    incident.units.some((u) => e.start >= u.start && e.end <= u.end),
  );
  const actors = chooseActors(text, incident, inUnits);
  if (!actors.some((a) => a.role === 'perpetrator')) {
    const near = nearbyPerpetrator(text, incident, entities, sentences);
    const fallback = near ?? (context.main ? context.claims[0] : undefined);
    if (fallback && !actors.some((a) => a.name === fallback.canonical)) {
      actors.unshift({ name: fallback.canonical, role: 'perpetrator' });
    }
  }
  const args: EventArguments = {
    actors,
    fatalities: null,
    injuries: null,
  };
  const place = choosePlace(inUnits);
  if (place) {
    args.location = { name: place.text };
    if (place.country) args.location.country = place.country;
    if (place.admin1) args.location.admin1 = place.admin1;
    if (place.lat !== undefined) args.location.lat = place.lat;
    if (place.lon !== undefined) args.location.lon = place.lon;
    if (place.geo_precision !== undefined) args.location.geo_precision = place.geo_precision;
  }
  const date = chooseDate(text, inUnits);
  if (date?.value) {
    args.date = date.value;
    args.time_precision = date.time_precision ?? (date.value.length === 10 ? 1 : 3);
  }
  for (const unit of incident.units) {
    const found = findCasualties(text, unit);
    if (found.fatalities && !args.fatalities) args.fatalities = found.fatalities;
    if (found.injuries && !args.injuries) args.injuries = found.injuries;
  }
  return args;
}

function chooseActors(
  text: string,
  incident: Incident,
  inUnits: readonly Entity[],
): Array<{ name: string; role: ActorRole }> {
  const out: Array<{ name: string; role: ActorRole }> = [];
  const seen = new Set<string>();
  const push = (name: string, role: ActorRole): void => {
    const key = `${role}:${name}`;
    if (seen.has(key)) return;
    if (role === 'perpetrator' && out.filter((a) => a.role === role).length >= MAX_PERPETRATORS)
      return;
    seen.add(key);
    out.push({ name, role });
  };
  for (const entity of inUnits) {
    if (entity.type !== 'actor') continue;
    const unit = incident.units.find((u) => entity.start >= u.start && entity.end <= u.end)!;
    const before = text.slice(Math.max(unit.start, entity.start - 30), entity.start);
    const after = text.slice(entity.end, unit.end);
    const claimAfter = CLAIM_CUE.exec(after);
    if (claimAfter && claimAfter.index < 60) {
      push(entity.canonical, 'perpetrator');
      if (/claim|responsib/i.test(claimAfter[0])) push(entity.canonical, 'claimant');
      continue;
    }
    if (TARGET_BEFORE.test(before)) {
      push(entity.canonical, 'target');
      continue;
    }
    if (/\bby\s+(?:the\s+)?$/i.test(before) || ATTACK_CUE.test(after.slice(0, 80))) {
      push(entity.canonical, 'perpetrator');
    }
  }
  return out;
}

/** A perpetrator stated in the sentences just before or after the incident. */
function nearbyPerpetrator(
  text: string,
  incident: Incident,
  entities: readonly Entity[],
  sentences: readonly Span[],
): ActorEntity | undefined {
  const first = incident.units[0]!.sentence;
  for (const offset of [1, -1, 2]) {
    const sentence = sentences[first + offset];
    if (!sentence) continue;
    const s = text.slice(sentence.start, sentence.end);
    if (!CLAIM_CUE.test(s)) continue;
    const actor = entities.find(
      (e): e is ActorEntity =>
        e.type === 'actor' && e.start >= sentence.start && e.end <= sentence.end,
    );
    if (actor) return actor;
  }
  return undefined;
}

/** The most precise place of the first unit that names one: a town before its country. */
function choosePlace(inUnits: readonly Entity[]): LocationEntity | undefined {
  const places = inUnits.filter((e): e is LocationEntity => e.type === 'location');
  if (places.length === 0) return undefined;
  const first = places[0]!;
  const rank = (p: LocationEntity): number => p.geo_precision ?? 4;
  const precise = places.slice(0, 4).reduce((best, p) => (rank(p) < rank(best) ? p : best), first);
  // A town stated near the country wins; a town far later may be another place entirely.
  return precise.start - first.end < 300 ? precise : first;
}

function chooseDate(text: string, inUnits: readonly Entity[]): DateEntity | undefined {
  const dates = inUnits.filter((e): e is DateEntity => e.type === 'date' && !!e.value);
  const usable = dates.filter(
    (d) => !/\b(?:since|until|before|by)\s+$/i.test(text.slice(Math.max(0, d.start - 12), d.start)),
  );
  const pool = usable.length > 0 ? usable : [];
  return pool.reduce<DateEntity | undefined>(
    (best, d) =>
      !best || (d.value!.length > best.value!.length && best.value!.length < 10) ? d : best,
    undefined,
  );
}
