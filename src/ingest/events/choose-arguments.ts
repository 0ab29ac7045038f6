import type { ActorEntity, DateEntity, Entity, ExtractedEvent, Span } from '../extract-types.js';
import {
  chooseActors,
  CLAIMS_SEVERAL,
  identifiedNearby,
  isNamedGroup,
  nearbyPerpetrator,
  claimsElsewhere,
  UNNAMED_OR_STATE,
} from './choose-actors.js';
import { chooseDate } from './choose-date.js';
import { choosePlace, cityAgain } from './choose-place.js';
import { findPersonPerpetrator } from './person-perpetrator.js';
import type { Incident } from './segment-incidents.js';
import { spanContaining, spansWithin } from '../text/spans-within.js';

export { isNamedGroup, UNNAMED_OR_STATE };

/** What an incident's units say about who, where, when and how many. */
export type EventArguments = Pick<
  ExtractedEvent,
  'date' | 'time_precision' | 'location' | 'actors' | 'fatalities' | 'injuries'
>;

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
  context: {
    main: boolean;
    claims: readonly ActorEntity[];
    arrest?: boolean;
    /** Sentences that tell the document's other incidents. */
    othersSentences?: ReadonlySet<number>;
    /** Those of them that name their incident by its site or town. */
    othersNamed?: ReadonlySet<number>;
    /** The day a round-up's lead gives to the attacks it sums up. */
    roundupDate?: DateEntity;
    /** Every entity, datelines included: "the city" names the dateline's town. */
    allEntities?: readonly Entity[];
  },
): EventArguments {
  // Units are disjoint and in document order: their entities, unit by unit, are in order too.
  const inUnits = incident.units.flatMap((u) => spansWithin(entities, u.start, u.end));
  let actors = chooseActors(text, incident, inUnits);
  // A named person who carried out the attack (a lone gunman, a bomber) is its perpetrator when
  // no named group is shown doing it; a group that only claims it stays its claimant
  // (person-perpetrator.ts).
  const groupActs = actors.some(
    (a) =>
      a.role === 'perpetrator' &&
      !UNNAMED_OR_STATE.test(a.name) &&
      !actors.some((c) => c.role === 'claimant' && c.name === a.name),
  );
  const person = groupActs
    ? undefined
    : (findPersonPerpetrator(text, incident.units, inUnits) ??
      identifiedNearby(text, incident, entities, sentences));
  if (person) {
    actors = [
      { name: person.name, role: 'perpetrator' },
      ...actors.filter((a) => a.role !== 'perpetrator' && a.name !== person.name),
    ];
    const near = nearbyPerpetrator(text, incident, entities, sentences, context.othersSentences);
    if (near && !actors.some((a) => a.name === near.canonical))
      actors.push({ name: near.canonical, role: 'claimant' });
  }
  // A named claimant next to the incident beats "gunmen" or state forces read inside it: the
  // group that claims an attack is its perpetrator (ACLED codes the claimant).
  if (!actors.some((a) => a.role === 'perpetrator' && !UNNAMED_OR_STATE.test(a.name))) {
    const near = nearbyPerpetrator(text, incident, entities, sentences, context.othersSentences);
    const fallback =
      near ??
      (context.main
        ? context.claims.find((c) => {
            const s = spanContaining(sentences, c.start, c.end);
            if (!s) return true;
            if (claimsElsewhere(incident, spansWithin(entities, s.start, s.end))) return false;
            // A claim that names another incident by its site or town is that incident's,
            // unless it claims several.
            const i = sentenceAt(sentences, c.start);
            return !context.othersNamed?.has(i) || CLAIMS_SEVERAL.test(text.slice(s.start, s.end));
          })
        : undefined);
    if (fallback && !actors.some((a) => a.name === fallback.canonical)) {
      const unnamed = actors.some((a) => a.role === 'perpetrator');
      if (unnamed && !UNNAMED_OR_STATE.test(fallback.canonical)) {
        actors = actors.filter((a) => a.role !== 'perpetrator');
      }
      if (!actors.some((a) => a.role === 'perpetrator')) {
        actors.unshift({ name: fallback.canonical, role: 'perpetrator' });
      }
    }
  }
  const args: EventArguments = {
    actors,
    fatalities: null,
    injuries: null,
  };
  // A clause cut from a summary ("Two blasts struck Quetta on Friday: …, the other …") happened
  // where and when the summary says, unless it says otherwise.
  const head = incident.units[0]!.head;
  const summary: Incident | undefined = head
    ? { ...incident, units: [{ ...incident.units[0]!, start: head.start, end: head.end }] }
    : undefined;
  const inHead = head ? spansWithin(entities, head.start, head.end) : [];
  const chosen =
    choosePlace(text, incident, inUnits) ??
    (summary ? choosePlace(text, summary, inHead) : undefined) ??
    cityAgain(text, incident, context.allEntities);
  if (chosen) {
    args.location = { name: chosen.name };
  }
  const place = chosen?.entity;
  if (place && args.location) {
    if (place.country) args.location.country = place.country;
    if (place.admin1) args.location.admin1 = place.admin1;
    if (place.lat !== undefined) args.location.lat = place.lat;
    if (place.lon !== undefined) args.location.lon = place.lon;
    if (place.geo_precision !== undefined) args.location.geo_precision = place.geo_precision;
  }
  // An attack's suspects arrested later were arrested on another day; in an arrest or a foiled
  // plot the arrest is the event.
  const attack =
    !context.arrest && incident.status === 'occurred' && incident.units.some((u) => u.attack);
  const date =
    chooseDate(text, inUnits, attack) ?? chooseDate(text, inHead, attack) ?? context.roundupDate;
  if (date?.value) {
    args.date = date.value;
    args.time_precision = date.time_precision ?? (date.value.length === 10 ? 1 : 3);
  }
  for (const unit of incident.units) {
    const found = unit.counts;
    if (found.fatalities && !args.fatalities) args.fatalities = found.fatalities;
    if (found.injuries && !args.injuries) args.injuries = found.injuries;
  }
  return args;
}

/** The index of the sentence holding `at` (sentences in order: a binary search). */
function sentenceAt(sentences: readonly Span[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
