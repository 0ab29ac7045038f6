import type {
  ActorEntity,
  ActorRole,
  DateEntity,
  Entity,
  ExtractedEvent,
  Span,
} from '../extract-types.js';
import { ATTACK_CUE, CLAIM_CUE, isGenericWording, TARGET_BEFORE } from './event-cues.js';
import { isOtherGroupsAttack } from './attack-owner.js';
import { findPersonPerpetrator } from './person-perpetrator.js';
import type { Incident } from './segment-incidents.js';
import { spanContaining, spansWithin } from '../text/spans-within.js';
import { chooseDate } from './choose-date.js';
import { choosePlace, cityAgain } from './choose-place.js';

/** What an incident's units say about who, where, when and how many. */
export type EventArguments = Pick<
  ExtractedEvent,
  'date' | 'time_precision' | 'location' | 'actors' | 'fatalities' | 'injuries'
>;

const MAX_PERPETRATORS = 2;
const NO_CLAIM = /\b(?:no (?:group|one)|nobody) (?:has|had|have)? ?(?:yet )?claimed\b/i;

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
  const person = groupActs ? undefined : findPersonPerpetrator(text, incident.units, inUnits);
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
    const fallback = near ?? (context.main ? ownClaim(text, context, sentences) : undefined);
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

/** A passive sentence's subject is the victim: "X was attacked", "X's governor was killed". */
const VICTIM_AFTER =
  /^(?:(?:'s|’s)(?:\s+[\w-]+){0,5}?)?(?:\s+(?:convoy|base|members?|positions?))?\s+(?:was|were|had been|has been|have been)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|targeted|attacked|ambushed|shot|kidnapped|abducted|struck|hit)\b/i;
/** Words after which a group is the one an attack or plot belonged to. */
const MEMBER_OF_BEFORE =
  /\b(?:linked to|tied to|ties to|connected to|on behalf of|planned by|plotted by|loyal to|affiliated (?:with|to)|members? of|cell of)\s+(?:(?:the|an?)\s+)?$/i;

const HELD_BY_GROUP =
  /^(?:'s|’s)\s+(?:(?:acting|deputy|senior|top|local|provincial|former|chief)\s+)*(?:governor|minister|commander|spokesman|spokesperson|leader|chief|officials?|office|headquarters|checkpoints?|convoy|positions?|envoy|representative|mayor|judge|cleric|police chief|intelligence chief)\b/i;

const ATTACKERS_ENDED_BY =
  /\b(?:attackers?|gunm[ae]n|assailants?|bombers?|militants|insurgents)\s+(?:were|was|had been|have been)\s+(?:\w+\s+)?(?:killed|shot|shot dead|arrested|captured|detained|neutrali[sz]ed)\s+by\s+(?:the\s+)?$/i;

/** State forces and unnamed groups: a perpetrator only when no named group is. */
export const UNNAMED_OR_STATE =
  /^(?:Unidentified armed group|State forces|Police forces|Coalition)$|\b(?:Forces|Force|Army|Police|Military|Navy|Guard|coalition|troops)\b/i;

function chooseActors(
  text: string,
  incident: Incident,
  inUnits: readonly Entity[],
): Array<{ name: string; role: ActorRole }> {
  const found: Array<{ name: string; role: ActorRole; named: boolean; subject: boolean }> = [];
  const push = (entity: ActorEntity, role: ActorRole, subject = false): void => {
    if (found.some((a) => a.role === role && a.name === entity.canonical)) return;
    found.push({
      name: entity.canonical,
      role,
      named: !UNNAMED_OR_STATE.test(entity.canonical),
      subject,
    });
  };
  for (const entity of inUnits) {
    if (entity.type !== 'actor') continue;
    const unit = spanContaining(incident.units, entity.start, entity.end)!;
    const before = text.slice(Math.max(unit.start, entity.start - 30), entity.start);
    const after = text.slice(entity.end, unit.end);
    // "Boko Haram frequently carries out such bombings" says nothing of this one.
    if (isGenericWording(text.slice(unit.start, unit.end)) && unit.kind !== 'new') continue;
    const claimAfter = CLAIM_CUE.exec(after);
    // "… attacked a Taliban checkpoint; Islamic State claimed responsibility": the claim is the
    // nearer group's, not the Taliban's.
    const claimer =
      claimAfter &&
      claimAfter.index < 60 &&
      !spansWithin(inUnits, entity.end, entity.end + claimAfter.index).some(
        (o) => o.type === 'actor' && o.canonical !== entity.canonical,
      );
    if (claimAfter && claimer) {
      push(entity, 'perpetrator', true);
      if (/claim|responsib/i.test(claimAfter[0])) push(entity, 'claimant');
      continue;
    }
    if (TARGET_BEFORE.test(before) || VICTIM_AFTER.test(after)) {
      push(entity, 'target');
      continue;
    }
    // "suspects linked to X", "a plot planned by an X cell": X is whose attack or plot it was.
    if (MEMBER_OF_BEFORE.test(before)) {
      push(entity, 'perpetrator', true);
      continue;
    }
    // "the Taliban's governor was killed": a group's official or post named by possession is
    // whom the attack hit ("the IRA's bombing of …" still names the attacker).
    if (HELD_BY_GROUP.test(after)) {
      push(entity, 'target');
      continue;
    }
    const attackAfter = ATTACK_CUE.exec(after.slice(0, 80));
    // "the three attackers were killed by X": X answered the attack; it did not carry it out.
    if (
      ATTACKERS_ENDED_BY.test(text.slice(Math.max(unit.start, entity.start - 80), entity.start))
    ) {
      push(entity, 'responder');
      continue;
    }
    if (/\bby\s+(?:the\s+)?$/i.test(before)) push(entity, 'perpetrator', true);
    else if (
      attackAfter &&
      !isOtherGroupsAttack(text, entity, entity.end + attackAfter.index, inUnits)
    )
      push(entity, 'perpetrator', attackAfter.index < 25);
  }
  // A named group beats state forces and "gunmen"; those stay only as the plain subject of the act.
  const hasNamed = found.some((a) => a.role === 'perpetrator' && a.named);
  const kept = found.filter((a) => a.role !== 'perpetrator' || a.named || (!hasNamed && a.subject));
  const perpetrators = kept.filter((a) => a.role === 'perpetrator').slice(0, MAX_PERPETRATORS);
  return kept
    .filter((a) => a.role !== 'perpetrator' || perpetrators.includes(a))
    .filter((a) => a.role !== 'target' || !perpetrators.some((p) => p.name === a.name))
    .map(({ name, role }) => ({ name, role }));
}

/** The document's first claimant, unless the claim is told inside another incident. */
function ownClaim(
  text: string,
  context: { claims: readonly ActorEntity[]; othersSentences?: ReadonlySet<number> },
  sentences: readonly Span[],
): ActorEntity | undefined {
  const others = context.othersSentences;
  return context.claims.find((claim) => {
    if (!others) return true;
    const i = sentenceAt(sentences, claim.start);
    return (
      !others.has(i) || CLAIMS_SEVERAL.test(text.slice(sentences[i]!.start, sentences[i]!.end))
    );
  });
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

const CLAIMS_SEVERAL = /\b(?:both|all|each|attacks|bombings|blasts|killings|assaults)\b/i;

/** A perpetrator stated in the sentences just before or after the incident. */
function nearbyPerpetrator(
  text: string,
  incident: Incident,
  entities: readonly Entity[],
  sentences: readonly Span[],
  others: ReadonlySet<number> = new Set(),
): ActorEntity | undefined {
  const first = incident.units[0]!.sentence;
  for (const offset of [1, -1, 2]) {
    const sentence = sentences[first + offset];
    if (!sentence) continue;
    const s = text.slice(sentence.start, sentence.end);
    if (!CLAIM_CUE.test(s) || isGenericWording(s) || NO_CLAIM.test(s)) continue;
    // A claim told inside another incident is that incident's, unless it claims several.
    if (others.has(first + offset) && !CLAIMS_SEVERAL.test(s)) continue;
    const actor = spansWithin(entities, sentence.start, sentence.end).find(
      (e): e is ActorEntity => e.type === 'actor',
    );
    if (actor) return actor;
  }
  return undefined;
}
