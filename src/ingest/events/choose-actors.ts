import type { ActorEntity, ActorRole, Entity, LocationEntity, Span } from '../extract-types.js';
import { isOtherGroupsAttack } from './attack-owner.js';
import { ATTACK_CUE, CLAIM_CUE, isGenericWording, TARGET_BEFORE } from './event-cues.js';
import { antecedentGroup, pointsBackAtGroup } from './group-anaphora.js';
import { findIdentifiedAttacker } from './person-perpetrator.js';
import type { Incident } from './segment-incidents.js';
import { spanContaining, spansWithin } from '../text/spans-within.js';

// Who did it, who was hit, who answered and who claimed it (issue 14, item 5): the roles of the
// groups named in an incident's units, and the perpetrator stated in the sentences next to it.

const MAX_PERPETRATORS = 2;
const NO_CLAIM = /\b(?:no (?:group|one)|nobody) (?:has|had|have)? ?(?:yet )?claimed\b/i;

/** A passive sentence's subject is the victim: "X was attacked", "X's governor was killed". */
const VICTIM_NOUN = String.raw`(?:convoy|base|members?|positions?|fighters|militants|commanders?|governor|officials?|leaders?|chief|spokesman|mayor|judge|cleric|envoy|soldiers|guards|police(?:men)?|officers|checkpoints?|posts?|patrols?|vehicles?|office|headquarters|camps?|hideouts?|compound)`;
const VICTIM_VERB = String.raw`(?:killed|wounded|injured|targeted|attacked|ambushed|shot|kidnapped|abducted|struck|hit|assassinated|murdered|executed|beheaded|gunned\s+down)`;
/** After a group: it, its post, official or member ("Hamas leader X") was the victim. */
const victimAfter = (name: string, flags: string): RegExp =>
  new RegExp(
    String.raw`^(?:(?:'s|’s)(?:\s+[\w-]+){0,5}?)?(?:(?:\s+[a-z][\w-]*){0,2}?\s+${VICTIM_NOUN}${name})?(?:\s+and(?:\s+(?![\w-]*ed\b)[\w'’-]+){1,5}?)?\s+(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?${VICTIM_VERB}\b|(?:was|were)\s+(?:also\s+)?among\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:killed|dead|wounded|injured|victims|casualties)\b|(?:lost|died)\b)`,
    flags,
  );
/** Any case (headlines), or with the person's name after the noun (capitalised: case-sensitive). */
const VICTIM_AFTER_ANY_CASE = victimAfter('', 'i');
const VICTIM_AFTER_NAMED = victimAfter(String.raw`(?:\s+\p{Lu}[\p{L}'’-]+){1,3}`, 'u');
const isVictimAfter = (after: string): boolean =>
  VICTIM_AFTER_ANY_CASE.test(after) || VICTIM_AFTER_NAMED.test(after);
/** Words after which a group is the one an attack or plot belonged to. */
const MEMBER_OF_BEFORE =
  /\b(?:linked to|tied to|ties to|connected to|on behalf of|planned by|plotted by|loyal to|affiliated (?:with|to)|members? of|cell of)\s+(?:(?:the|an?)\s+)?$/i;

const HELD_BY_GROUP =
  /^(?:'s|’s)\s+(?:(?:acting|deputy|senior|top|local|provincial|former|chief)\s+)*(?:governor|minister|commander|spokesman|spokesperson|leader|chief|officials?|office|headquarters|checkpoints?|convoy|positions?|envoy|representative|mayor|judge|cleric|police chief|intelligence chief)\b/i;

const ATTACKERS_ENDED_BY =
  /\b(?:attackers?|gunm[ae]n|assailants?|bombers?|militants|insurgents)\s+(?:were|was|had been|have been)\s+(?:\w+\s+)?(?:killed|shot|shot dead|arrested|captured|detained|neutrali[sz]ed)\s+by\s+(?:the\s+)?$/i;

/** A group as the subject of taking a place. */
const TAKES_AFTER =
  /^(?:\s+(?:fighters|militants|rebels|forces|troops|insurgents|members|militiamen))?\s+(?:(?:reportedly|also|then|later|briefly|quickly|have|has|had)\s+)*(?:captured|seized|overran|overrun|took\s+(?:full\s+)?(?:control\s+of|over)|taken\s+(?:control\s+of|over)|recaptured|retook|retaken|occupied|entered)\b(?!\s+(?:power|office|the\s+(?:government|presidency)))/i;
/** "since the Taliban seized power", "after X took over": a capture told as background. */
const BACKGROUND_BEFORE = /\b(?:since|after|before|when|until|once|as)\s+(?:the\s+)?$/i;
/** A force answering an attack: its verb's object is the attackers or their attack. */
const RESPONSE_OBJECT = String.raw`(?:(?:the|all|both|two|three|four|five|six|several)\s+){0,2}(?:(?:remaining|surviving|suspected)\s+)?`;
const RESPONDS_AFTER = new RegExp(
  String.raw`^(?:\s+(?:special|security|elite|quick-reaction|intelligence|rescue))*(?:\s+(?:forces|fighters|troops|guards|units?|police|commandos|officers|personnel))?\s+(?:(?:then|later|quickly|eventually|swiftly|soon)\s+)?` +
    // Answering verbs take any attacker or the attack; killing takes only those who attacked
    // ("killed six militants in a raid" is the raid's own act).
    String.raw`(?:(?:fought(?:\s+off)?|repelled|repulsed|ended|broke|foiled|thwarted|responded\s+to|returned\s+fire\s+(?:on|at)|engaged|neutrali[sz]ed|overpowered|subdued)\s+${RESPONSE_OBJECT}(?:attackers?|assailants?|gunm[ae]n|bombers?|militants|insurgents|assault|attack|siege|raid|hostage-takers)` +
    String.raw`|(?:killed|shot\s+dead|shot|surrounded|besieged|pursued|chased)\s+${RESPONSE_OBJECT}(?:attackers?|assailants?|gunm[ae]n|bombers?|hostage-takers))\b`,
  'i',
);

/** State forces and unnamed groups: a perpetrator only when no named group is. */
export const UNNAMED_OR_STATE =
  /^(?:Unidentified armed group|State forces|Police forces|Coalition)$|\b(?:Forces|Force|Army|Police|Military|Navy|Guard|coalition|troops)\b/i;

/** A named group: neither state forces nor unnamed gunmen. */
export const isNamedGroup = (name: string): boolean => !UNNAMED_OR_STATE.test(name);

export function chooseActors(
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
  // Asked once per unit, not once per group in it: a summing-up unit can name hundreds.
  const generic = new Map<Span, boolean>();
  const isGenericUnit = (unit: Span): boolean => {
    let known = generic.get(unit);
    if (known === undefined)
      generic.set(unit, (known = isGenericWording(text.slice(unit.start, unit.end))));
    return known;
  };
  for (const entity of inUnits) {
    if (entity.type !== 'actor') continue;
    const unit = spanContaining(incident.units, entity.start, entity.end)!;
    const before = text.slice(Math.max(unit.start, entity.start - 30), entity.start);
    const after = text.slice(entity.end, unit.end);
    // "Boko Haram frequently carries out such bombings" says nothing of this one.
    if (unit.kind !== 'new' && isGenericUnit(unit)) continue;
    // "The Islamic State, which the Taliban have fought for years, claimed …": a group inside a
    // relative clause is not the subject of the verb after the clause.
    // Inside the clause only a claim counts ("the bombing, which ISKP claimed, killed eight").
    const aside = asideEnd(text, unit.start, entity);
    const claimAfter =
      aside === undefined
        ? CLAIM_CUE.exec(after)
        : HABITUAL_ASIDE.test(text.slice(entity.end, aside))
          ? null
          : (CLAIM_CUE.exec(text.slice(entity.end, aside)) ??
            /\bclaimed\b/i.exec(text.slice(entity.end, aside)));
    if (aside !== undefined && !claimAfter) continue;
    // "… attacked a Taliban checkpoint; Islamic State claimed responsibility": the claim is the
    // nearer group's, not the Taliban's.
    const claimer =
      claimAfter &&
      claimAfter.index < 60 &&
      !spansWithin(inUnits, entity.end, entity.end + claimAfter.index).some(
        (o) =>
          o.type === 'actor' &&
          o.canonical !== entity.canonical &&
          asideEnd(text, unit.start, o) === undefined,
      );
    if (claimAfter && claimer) {
      push(entity, 'perpetrator', true);
      if (/claim|responsib/i.test(claimAfter[0])) push(entity, 'claimant');
      continue;
    }
    // "officials blamed the bombing on X": X is whose attack it is, not whom it hit.
    if (BLAMED_ON.test(text.slice(Math.max(unit.start, entity.start - 50), entity.start))) {
      push(entity, 'perpetrator', true);
      continue;
    }
    if (TARGET_BEFORE.test(before) || isVictimAfter(after)) {
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
    // "ISKP, which has claimed similar attacks before,": the clause tells the group's record.
    const record = /^\s*,\s*(?:which|who)\b[^,;.]*,/i.exec(after);
    const skip = record && HABITUAL_ASIDE.test(record[0]) ? record[0].length : 0;
    const found = ATTACK_CUE.exec(after.slice(skip, 80));
    const attackAfter = found ? Object.assign(found, { index: found.index + skip }) : null;
    // "the three attackers were killed by X": X answered the attack; it did not carry it out.
    if (
      ATTACKERS_ENDED_BY.test(text.slice(Math.max(unit.start, entity.start - 80), entity.start))
    ) {
      push(entity, 'responder');
      continue;
    }
    // "Taliban forces fought the attackers", "… repelled the assault", "ended the siege": the
    // force that answers an attack did not carry it out.
    if (RESPONDS_AFTER.test(after.slice(0, 120))) {
      push(entity, 'responder');
      continue;
    }
    if (/\bby\s+(?:the\s+)?$/i.test(before)) push(entity, 'perpetrator', true);
    // "JNIM fighters captured the town": the group that takes a place is the actor.
    else if (TAKES_AFTER.test(after) && !BACKGROUND_BEFORE.test(before))
      push(entity, 'perpetrator', true);
    else if (
      attackAfter &&
      !isOtherGroupsAttack(text, entity, entity.end + attackAfter.index, inUnits)
    )
      push(entity, 'perpetrator', attackAfter.index < 25);
  }
  // A named group beats state forces and "gunmen"; those stay only as the plain subject of the act.
  const hasNamed = found.some((a) => a.role === 'perpetrator' && a.named);
  const kept = found.filter((a) => a.role !== 'perpetrator' || a.named || (!hasNamed && a.subject));
  // The group that claims the attack comes first: ACLED codes the claimant.
  const claimed = (a: { name: string; role: ActorRole }): boolean =>
    a.role === 'perpetrator' && kept.some((c) => c.role === 'claimant' && c.name === a.name);
  // Then the side the text shows attacking first ("Taliban forces clashed with ISKP militants
  // after the militants attacked a checkpoint"): ACLED's first actor starts the fight.
  const first = namedAttacker(text, inUnits);
  const rank = (a: { name: string; role: ActorRole }): number =>
    2 * Number(claimed(a)) + Number(a.name === first);
  kept.sort((a, b) => rank(b) - rank(a));
  const perpetrators = kept.filter((a) => a.role === 'perpetrator').slice(0, MAX_PERPETRATORS);
  return kept
    .filter((a) => a.role !== 'perpetrator' || perpetrators.includes(a))
    .filter((a) => a.role !== 'target' || !perpetrators.some((p) => p.name === a.name))
    .map(({ name, role }) => ({ name, role }));
}

/** "the militants", "the fighters": a group named before, taken up by its noun. */
const TAKEN_UP_REACH = 12;
const DEFINITE_BEFORE = /\bthe\s+$/i;

/**
 * The named group that "the militants attacked …" points back at: the nearest group mention
 * before it written with the same noun ("ISKP militants"); undefined when there is none.
 */
function namedAttacker(text: string, inUnits: readonly Entity[]): string | undefined {
  for (const [k, e] of inUnits.entries()) {
    if (e.type !== 'actor' || isNamedGroup(e.canonical)) continue;
    if (!DEFINITE_BEFORE.test(text.slice(Math.max(0, e.start - 5), e.start))) continue;
    if (ATTACK_CUE.exec(text.slice(e.end, e.end + 25))?.index !== 1) continue;
    const noun = e.text.toLowerCase();
    // The group taken up is told shortly before: a few mentions back, not the whole report.
    for (let j = k - 1; j >= Math.max(0, k - TAKEN_UP_REACH); j--) {
      const o = inUnits[j]!;
      if (o.type === 'actor' && isNamedGroup(o.canonical) && o.text.toLowerCase().endsWith(noun))
        return o.canonical;
    }
  }
  return undefined;
}

/**
 * A claim that names its attack by a town ("said it carried out the Menaka bombing") belongs to
 * the incident told in that town, not to another one the report tells nearby.
 */
export function claimsElsewhere(incident: Incident, inClaim: readonly Entity[]): boolean {
  const towns = inClaim.filter(
    (e): e is LocationEntity => e.type === 'location' && e.geo_precision !== 3,
  );
  return (
    towns.length > 0 &&
    !towns.some(
      (t) => incident.names.has(t.text.toLowerCase()) || incident.towns.has(t.text.toLowerCase()),
    )
  );
}

/** A relative clause or aside opened by a comma: ", which the Taliban have fought for years,". */
const ASIDE_OPEN = /,\s*(?:which|who|whom|whose|where|when|once|long)\b[^,;.]*$/i;

/** ", which has claimed similar attacks before,": a record, not this attack's claim. */
const HABITUAL_ASIDE =
  /\b(?:similar|previous|past|earlier|many|several|numerous|dozens|scores|hundreds|before|in recent (?:years|months))\b/i;

/** Where the aside holding `entity` closes (its closing comma), or undefined when it is in none. */
function asideEnd(text: string, unitStart: number, entity: Span): number | undefined {
  if (!ASIDE_OPEN.test(text.slice(Math.max(unitStart, entity.start - 80), entity.start)))
    return undefined;
  const close = /^[^,;.]{0,80},/.exec(text.slice(entity.end, entity.end + 82));
  return close ? entity.end + close[0].length - 1 : undefined;
}

/** "A gunman killed three … Police identified the gunman as X": the attacker named next to it. */
export function identifiedNearby(
  text: string,
  incident: Incident,
  entities: readonly Entity[],
  sentences: readonly Span[],
): { name: string; group: boolean } | undefined {
  const first = incident.units[0]!.sentence;
  const last = incident.units[incident.units.length - 1]!.sentence;
  for (const index of [last + 1, first - 1]) {
    const sentence = sentences[index];
    if (!sentence) continue;
    const name = findIdentifiedAttacker(
      text,
      sentence,
      spansWithin(entities, sentence.start, sentence.end),
    );
    if (name) return { name, group: false };
  }
  return undefined;
}

/** A claim of several attacks ("claimed both attacks") belongs to more than one incident. */
export const CLAIMS_SEVERAL = /\b(?:both|all|each|attacks|bombings|blasts|killings|assaults)\b/i;

/** A perpetrator stated in the sentences just before or after the incident. */
export function nearbyPerpetrator(
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
    if (isGenericWording(s) || NO_CLAIM.test(s)) continue;
    // A claim told inside another incident is that incident's, unless it claims several.
    if (others.has(first + offset) && !CLAIMS_SEVERAL.test(s)) continue;
    const inside = spansWithin(entities, sentence.start, sentence.end);
    if (claimsElsewhere(incident, inside)) continue;
    const actors = inside.filter((e): e is ActorEntity => e.type === 'actor');
    const claim = CLAIM_CUE.exec(s);
    if (claim) {
      // "Taliban officials said the Islamic State claimed responsibility": the group nearest
      // before the claim is its subject; "blamed on X" names it after.
      const at = sentence.start + claim.index;
      const before = actors.filter((a) => a.end <= at);
      const actor =
        before[before.length - 1] ??
        actors.find((a) => a.start >= at) ??
        // "Hours later, the group said one of its fighters carried out the attack".
        (pointsBackAtGroup(text.slice(sentence.start, at))
          ? antecedentGroup(text, entities, sentence.start, isNamedGroup)
          : undefined);
      if (actor) return actor;
      continue;
    }
    // "Police later detained suspects linked to ISIS-K": the group the suspects belong to;
    // "officials blamed the killing on X", "accused X of the killing": the group the attack is
    // laid at.
    const suspects = SUSPECTS.test(s);
    const linked = actors.find((a) => {
      const before = text.slice(Math.max(sentence.start, a.start - 50), a.start);
      return (
        (suspects && MEMBER_OF_BEFORE.test(before)) ||
        BLAMED_ON.test(before) ||
        (ACCUSER_BEFORE.test(before) && ACCUSED_OF.test(text.slice(a.end, a.end + 60)))
      );
    });
    if (linked) return linked;
  }
  return undefined;
}

/** An attack laid at a group: "blamed the killing on", "attributed the blast to", "was claimed by". */
const BLAMED_ON =
  /\b(?:(?:blamed|attributed|pinned)\s+(?:(?:the|a|an|this|that)\s+)?(?:[\w'’-]+\s+){0,3}?(?:on|to)|(?:was|were|been)\s+claimed\s+by|claims?\s+of\s+responsibility\b[^.]{0,40}?\bby)\s+(?:the\s+)?$/i;
/** "accused X of the attack", "held X responsible for it". */
const ACCUSER_BEFORE = /\b(?:accused|accuses|blamed|blames|held|holds)\s+(?:the\s+)?$/i;
const ACCUSED_OF =
  /^\s*[.;]|^\s*$|^\s+(?:responsible\s+)?(?:of|for)\s+(?:(?:carrying\s+out|staging|being\s+behind|the|a|an|this|that|Monday's|its)\s+)*(?:[\w-]+\s+){0,2}?(?:attacks?|killings?|bombings?|blasts?|assaults?|shootings?|massacres?|ambush(?:es)?|murders?|assassinations?|explosions?|it)\b/i;
/** People held or sought for an attack. */
const SUSPECTS =
  /\b(?:suspects?|suspected|attackers?|gunm[ae]n|assailants?|bombers?|perpetrators?|arrested|detained)\b/i;
