import type { EventStatus } from '../../core/stix/conflict-event-extension.js';
import type { ActorEntity, DateEntity, Entity, ExtractedEvent, Span } from '../extract-types.js';
import { toAcledEventType } from '../classify/acled-types.js';
import { CASUALTY_CUE, CLAIM_CUE } from './event-cues.js';
import { chooseArguments, isNamedGroup, UNNAMED_OR_STATE } from './choose-arguments.js';
import { antecedentGroup, pointsBackAtGroup } from './group-anaphora.js';
import { AIRCRAFT_BOMBER } from '../text/person-bomber.js';
import { spansWithin } from '../text/spans-within.js';
import { findCasualties } from './find-casualties.js';
import { findEventUnits, type EventUnit } from './find-event-units.js';
import { preferBranches } from './prefer-branches.js';
import { withoutDatelines } from './dateline.js';
import { emptyIncident, segmentIncidents, type Incident } from './segment-incidents.js';
import {
  VIOLENT_EVENT_TYPES,
  toThwartedType,
  toViolentType,
  type AcledType,
} from './violent-type.js';

/** What the event classifier says of a text (src/ingest/classify). */
export interface EventClassification extends AcledType {
  /** How sure the classifier is that the text tells an event of this type, 0–1. */
  score: number;
  status?: EventStatus;
  alternatives?: ReadonlyArray<{ sub_event_type: string; score: number }>;
}

/** Classifies a short text into an ACLED sub-event type. */
export type ClassifyEvent = (text: string, options: { entities: Entity[] }) => EventClassification;

// A crowd alone is no demonstration: a gunman firing into a crowd is an attack on civilians.
const PROTEST_WORDS =
  /\b(?:protest\w*|demonstrat\w+|riot\w*|rall(?:y|ies)|march(?:ed|ers)?|mobs?)\b/i;
/**
 * A weapon-specific type needs its weapon in the text: a bag-of-words model can read "mass
 * shooting … toxic" as a chemical attack (ACLED codes the sub-event by the weapon used).
 */
const WEAPON_WORDS: Record<string, RegExp> = {
  'Chemical weapon':
    /\b(?:chemical|chlorine|sarin|mustard|phosgene|nerve (?:agent|gas)|toxic gas|poison(?:ous)? gas|gas attack|VX)\b/i,
  Grenade: /\bgrenades?\b|\bRPGs?\b/i,
  'Suicide bomb':
    /\bsuicide\b|blew (?:himself|herself|themselves) up|explosives?[- ](?:laden )?(?:vest|belt)|martyrdom/i,
  'Air/drone strike': new RegExp(
    String.raw`\b(?:air ?strikes?|air raids?|airstrikes?|drones?|war ?planes?|jets?|aircraft|helicopters?|aerial|sorties?|barrel bombs?|air force)\b|${AIRCRAFT_BOMBER}`,
    'i',
  ),
  'Shelling/artillery/missile attack':
    /\b(?:shell(?:s|ed|ing)?|artillery|rockets?|mortars?|missiles?|projectiles?|bombard\w*|howitzers?|katyushas?|grad)\b/i,
};

/** A report this short is classified whole for its main incident. */
const WHOLE_CHARS = 1500;
/** How much text the classifier reads for one incident. */
const CLASSIFY_CHARS = 600;
/** Evidence beyond the scorer's reach is noise: keep the spans that tell the incident first. */
const MAX_EVIDENCE_UNITS = 12;

/**
 * Turns a document into its incidents: event sentences are found, grouped into distinct
 * incidents (the main one first), classified, and given actors, place, date, casualties and the
 * spans that state them. A document that tells no violent incident yields one event when the
 * classifier is sure it tells another kind (a protest, an agreement), or none.
 *
 * @example detectEvents(text, splitSentences(text), entities, classifyEvent)[0].sub_event_type
 */
export function detectEvents(
  text: string,
  sentences: readonly Span[],
  entities: readonly Entity[],
  classify: ClassifyEvent,
): ExtractedEvent[] {
  // A dateline gives the place and day of writing: no incident is anchored or placed by it.
  const argumentEntities = withoutDatelines(text, entities);
  const units = findEventUnits(text, sentences, argumentEntities);
  const incidents = segmentIncidents(units);
  const claims = claimedBy(text, sentences, entities);
  const documentActors = entities.flatMap((e) =>
    e.type === 'actor' && e.canonical ? [e.canonical] : [],
  );
  const events: ExtractedEvent[] = [];
  const short = text.length <= WHOLE_CHARS;
  const roundup =
    incidents.length > 1 ? roundupDay(text, sentences, incidents, argumentEntities) : undefined;
  incidents.forEach((incident, index) => {
    // Further incidents whose weapon word decides their type skip the model (it is the cost).
    const worded =
      index > 0 && incident.status === 'occurred' ? toWordedType(text, incident) : undefined;
    const type =
      worded ?? classifyIncident(text, incident, entities, classify, short && index === 0);
    const othersSentences = new Set(
      incidents.flatMap((other) => (other === incident ? [] : other.units.map((u) => u.sentence))),
    );
    // Those that name their incident by its site or town: a claim there is surely not this one's.
    const othersNamed = new Set(
      incidents.flatMap((other) =>
        other === incident
          ? []
          : other.units.filter((u) => namesOwnIncident(other, u)).map((u) => u.sentence),
      ),
    );
    const args = chooseArguments(text, incident, argumentEntities, sentences, {
      main: index === 0,
      claims,
      othersSentences,
      othersNamed,
      allEntities: entities,
      ...(roundup ? { roundupDate: roundup } : {}),
      arrest: type.sub_event_type === 'Arrests',
    });
    events.push({
      event_type: type.event_type,
      sub_event_type: type.sub_event_type,
      status: incident.status,
      ...(args.date ? { date: args.date, time_precision: args.time_precision } : {}),
      ...(args.location ? { location: args.location } : {}),
      actors: preferBranches(
        type.sub_event_type === 'Excessive force against protesters'
          ? withStateActing(args.actors, incident, argumentEntities)
          : args.actors,
        documentActors,
        args.location?.country,
      ),
      fatalities: args.fatalities,
      injuries: args.injuries,
      evidence: toEvidence(incident),
    });
  });
  if (events.length === 0 && sentences.length > 0) {
    const document = documentEvent(text, sentences, entities, classify);
    if (document) {
      // An arrest, a protest or an agreement happened somewhere, on some day, by someone: the
      // lead that told it gives them as it would for an attack.
      const args = chooseArguments(
        text,
        leadIncident(text, document),
        argumentEntities,
        sentences,
        {
          main: true,
          claims,
        },
      );
      events.push({
        ...document,
        ...(args.date ? { date: args.date, time_precision: args.time_precision } : {}),
        ...(args.location ? { location: args.location } : {}),
        // Police or "gunmen" named by a protest's or an arrest's lead ("activists held by the
        // police") are no perpetrator of it; a named group ("ties to X") is the one it concerns.
        actors: preferBranches(
          args.actors.filter((a) => a.role !== 'perpetrator' || !UNNAMED_OR_STATE.test(a.name)),
          documentActors,
          args.location?.country,
        ),
        fatalities: args.fatalities,
        injuries: args.injuries,
      });
    }
  }
  return events;
}

/**
 * A clause that dates the past by its year ("since the Taliban took control of Afghanistan in
 * August 2021", "until the group was driven out in 2017") tells the background, not the event.
 */
const BACKGROUND_CLAUSE =
  /\b(?:ever\s+since|since|until|before)\s+(?!(?:19|20)\d\d\b)[^.;]{0,100}?\b(?:19|20)\d\d\b/gi;

/** The text with its background clauses blanked, so that offsets into it still hold. */
function withoutBackground(text: string): string {
  return text.replace(BACKGROUND_CLAUSE, (clause) => ' '.repeat(clause.length));
}

/**
 * Force against protesters is the state's by definition (ACLED codebook): with no perpetrator
 * found, the state or police forces its sentences name are the acting side ("Police killed two
 * protesters").
 */
function withStateActing(
  actors: ExtractedEvent['actors'],
  incident: Incident,
  entities: readonly Entity[],
): ExtractedEvent['actors'] {
  if (actors.some((a) => a.role === 'perpetrator')) return actors;
  const state = incident.units
    .flatMap((u) => spansWithin(entities, u.start, u.end))
    .find(
      (e): e is ActorEntity =>
        e.type === 'actor' &&
        e.canonical !== 'Unidentified armed group' &&
        UNNAMED_OR_STATE.test(e.canonical),
    );
  if (!state) return actors;
  return [
    { name: state.canonical, role: 'perpetrator' },
    ...actors.filter((a) => a.name !== state.canonical),
  ];
}

function classifyIncident(
  text: string,
  incident: Incident,
  entities: readonly Entity[],
  classify: ClassifyEvent,
  whole: boolean,
): AcledType {
  // A short report is classified whole for its main incident: the model reads more of its wording.
  const words = withoutBackground(
    whole
      ? text
      : incident.units
          .slice(0, 2)
          .map((u) => text.slice(u.start, u.end))
          .join(' ')
          .slice(0, CLASSIFY_CHARS),
  );
  const offset = whole ? 0 : incident.units[0]!.start;
  const limit = whole ? text.length : incident.units[0]!.end;
  const local = entities
    .filter((e) => e.start >= offset && e.end <= limit)
    .map((e) => ({ ...e, start: e.start - offset, end: e.end - offset }));
  // A foiled plot or a threat is no attack: ACLED records it as a strategic development.
  if (incident.status === 'thwarted') return toThwartedType(words);
  if (incident.status === 'threatened') {
    return { event_type: 'Strategic developments', sub_event_type: 'Other' };
  }
  const found = classify(words, { entities: local });
  const sure = pick(found);
  const weapon = WEAPON_WORDS[found.sub_event_type];
  if (weapon && !weapon.test(words)) return toViolentType(words);
  if (VIOLENT_EVENT_TYPES.has(found.event_type)) return sure;
  // Riots and protests with casualties are events in their own right.
  const protest = /^(?:Riots|Protests)$/.test(found.event_type);
  if (protest && isProtestText(found.event_type, words)) return sure;
  if (whole && found.score >= 0.5 && found.event_type !== 'Protests') return sure;
  const violent = found.alternatives
    ?.map((a) => ({ ...a, event_type: toAcledEventType(a.sub_event_type) ?? '' }))
    // A weapon's type needs its weapon named, whichever rank the model gave it.
    .find(
      (a) =>
        VIOLENT_EVENT_TYPES.has(a.event_type) &&
        (WEAPON_WORDS[a.sub_event_type]?.test(words) ?? true),
    );
  return violent && violent.score >= found.score * 0.3 ? pick(violent) : toViolentType(words);
}

/** A protest (and force against one) needs a demonstration named; a riot may be a crowd's. */
function isProtestText(eventType: string, words: string): boolean {
  return PROTEST_WORDS.test(words) || (eventType === 'Riots' && /\bcrowds?\b/i.test(words));
}

function toWordedType(text: string, incident: Incident): AcledType | undefined {
  const first = incident.units[0]!;
  // A clause cut from a summary ("Two bombs exploded …: one …, the other …") shares its act.
  const head = first.head ? `${text.slice(first.head.start, first.head.end)} ` : '';
  const type = toViolentType(head + text.slice(first.start, first.end));
  return type.sub_event_type === 'Attack' ? undefined : type;
}

function pick(t: AcledType): AcledType {
  return { event_type: t.event_type, sub_event_type: t.sub_event_type };
}

/** One event for a document with no violent incident, when the classifier is sure enough. */
function documentEvent(
  text: string,
  sentences: readonly Span[],
  entities: readonly Entity[],
  classify: ClassifyEvent,
): ExtractedEvent | undefined {
  const lead = sentences.slice(0, 3);
  const end = lead[lead.length - 1]!.end;
  const start = lead[0]!.start;
  const words = text.slice(start, Math.min(end, start + CLASSIFY_CHARS * 2));
  const local = entities
    .filter((e) => e.start >= start && e.end <= start + words.length)
    .map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
  const found = classify(words, { entities: local });
  // Killing in a crowd with no demonstration named is violence against civilians, not policing.
  const unprotested =
    found.event_type === 'Protests' &&
    !isProtestText(found.event_type, words) &&
    CASUALTY_CUE.test(words);
  const type = unprotested ? toViolentType(words) : pick(found);
  // In a long report the incident rules would have found an attack: the model's guess alone is
  // not one. A short snippet is all about its one event, so its reading is kept.
  if (VIOLENT_EVENT_TYPES.has(type.event_type) && text.length > WHOLE_CHARS) {
    return undefined;
  }
  return {
    event_type: type.event_type,
    sub_event_type: type.sub_event_type,
    status: found.status ?? 'occurred',
    actors: [],
    fatalities: null,
    injuries: null,
    evidence: lead.map((s) => ({ start: s.start, end: s.end })),
  };
}

/** The lead sentences of a document event as one incident, for its arguments. */
function leadIncident(text: string, event: ExtractedEvent): Incident {
  const units: EventUnit[] = event.evidence.map((span, sentence) => ({
    start: span.start,
    end: span.end,
    sentence,
    families: [],
    attack: false,
    casualties: false,
    status: event.status,
    generic: false,
    fresh: false,
    dayChange: false,
    reference: false,
    claim: false,
    dates: [],
    countries: [],
    places: [],
    towns: [],
    names: [],
    kind: 'new',
    counts: findCasualties(text, span),
  }));
  return { ...emptyIncident(event.status), units };
}

/** A lead that sums up several attacks: "Violence flared across Afghanistan on Tuesday." */
const ROUNDUP =
  /\b(?:across|wave|series|spate|string|several|multiple|a number of|violence|attacks|clashes|separate)\b/i;
/** How many opening sentences (a headline, the lead) may sum up a round-up. */
const ROUNDUP_LEAD = 3;

/**
 * The day a round-up's lead gives to the attacks it sums up ("Violence flared across
 * Afghanistan on Tuesday. A roadside bomb killed three policemen in Kandahar. …"): a date in an
 * opening sentence that tells no incident of its own.
 */
function roundupDay(
  text: string,
  sentences: readonly Span[],
  incidents: readonly Incident[],
  entities: readonly Entity[],
): DateEntity | undefined {
  const told = new Set(incidents.flatMap((i) => i.units.map((u) => u.sentence)));
  for (let i = 0; i < Math.min(ROUNDUP_LEAD, sentences.length); i++) {
    const sentence = sentences[i]!;
    if (told.has(i) || !ROUNDUP.test(text.slice(sentence.start, sentence.end))) continue;
    const day = spansWithin(entities, sentence.start, sentence.end).find(
      (e): e is DateEntity => e.type === 'date' && (e.value?.length ?? 0) >= 7,
    );
    if (day) return day;
  }
  return undefined;
}

/** A unit that names its incident by a site or a town another of its units tells. */
function namesOwnIncident(incident: Incident, unit: EventUnit): boolean {
  return incident.units.some(
    (u) =>
      u !== unit &&
      ((unit.sites ?? []).some((k) => (u.sites ?? []).includes(k)) ||
        unit.towns.some((t) => u.names.includes(t))),
  );
}

function toEvidence(incident: Incident): Span[] {
  const spans: Span[] = [];
  for (const unit of incident.units.slice(0, MAX_EVIDENCE_UNITS)) {
    const last = spans[spans.length - 1];
    if (last && unit.start - last.end <= 2 && last.end <= unit.start) last.end = unit.end;
    else spans.push({ start: unit.start, end: unit.end });
  }
  return spans;
}

/** Responsibility for a record of attacks, not for one: "responsible for many attacks". */
const HABITUAL_CLAIM =
  /\b(?:responsible for|behind|carried out|claimed) (?:many|numerous|several|dozens of|scores of|hundreds of|most of|a (?:string|series|wave) of|similar|previous|past|earlier)\b/i;

/** Actors named as having claimed or carried out an attack anywhere in the document. */
function claimedBy(
  text: string,
  sentences: readonly Span[],
  entities: readonly Entity[],
): ActorEntity[] {
  const out: ActorEntity[] = [];
  for (const sentence of sentences) {
    const s = text.slice(sentence.start, sentence.end);
    const m = CLAIM_CUE.exec(s);
    // "X is responsible for many attacks in the region" claims none of them.
    if (!m || HABITUAL_CLAIM.test(s)) continue;
    const cueAt = sentence.start + m.index;
    const named = spansWithin(entities, sentence.start, cueAt).filter(
      (e): e is ActorEntity => e.type === 'actor' && cueAt - e.end < 60,
    );
    out.push(...named);
    // "Hours later, the group said one of its fighters carried out the attack".
    if (named.length === 0 && pointsBackAtGroup(text.slice(sentence.start, cueAt))) {
      const group = antecedentGroup(text, entities, sentence.start, isNamedGroup);
      if (group) out.push(group);
    }
  }
  return out;
}
