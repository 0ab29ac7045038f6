import type { ActorEntity, Entity } from '../extract-types.js';
import { ATTACK_CUE, TARGET_BEFORE } from './event-cues.js';

// A named person can carry out an attack (issue 14, item 5): a lone gunman, a convicted bomber,
// an assassin. News English names the attacker by an attacker noun before the name ("gunman
// John Smith opened fire", "the bomber, Ali Khan,"), by an act right after the name, often after
// an age or an aside ("Smith, 28, detonated …"), or as the agent of a passive ("was carried out
// by John Smith"). Officials quoted about an attack are never its perpetrators: a titled name
// ("Interior Minister …") and a speaker ("… said") are skipped, and so is a victim.
const ATTACKER_BEFORE =
  /\b(?:gunm[ae]n|attackers?|assailants?|bombers?|suicide\s+bombers?|shooters?|assassins?|perpetrators?|knifem[ae]n|killers?|militants?|suspects?|accused|convicted\s+(?:\w+\s+)?(?:bomber|attacker|gunman|killer))\s*,?\s+(?:(?:(?:identified|named)\s+)?as\s+)?$/i;
const LEADING_NOUN =
  /^(?:Gunm[ae]n|Attacker|Assailant|Bomber|Shooter|Assassin|Knifem[ae]n|Suspect|Killer)\s+/;
const AGENT_BEFORE =
  /\b(?:(?:carried\s+out|committed|perpetrated|staged|planted|detonated|fired|launched|attacked|killed|shot|stabbed)\s+by|blamed\s+on|attributed\s+to)\s+$/i;
// After the name: an aside (age, "a 28-year-old from X", "who …"), then the act.
const ASIDE =
  /^(?:\s*,\s*(?:\d{1,2}|(?:an?|the)\s+[^,]{1,60}|who\s+[^,]{1,60}|aged\s+\d{1,2})\s*,)?\s+/;
const ACT_AFTER =
  /^(?:who\s+)?(?:(?:allegedly|reportedly|then|later|also|had|has|is\s+accused\s+of\s+having|was\s+convicted\s+of\s+having)\s+)*(?:opened\s+fire|open\s+fire|detonated|set\s+off|blew\s+(?:himself|herself)\s+up|shot|stabbed|attacked|killed|bombed|planted|fired|rammed|drove\s+(?:a|his|her)\s+(?:\w+\s+)?(?:car|truck|van|vehicle)\s+into|stormed|hurled|threw|carried\s+out|launched|ambushed|massacred|gunned\s+down)\b/i;
/** An aside that calls the person an attacker: ", the convicted subway bomber,". */
const ATTACKER_ASIDE =
  /^\s*,\s*(?:an?|the)\s+(?:(?!(?:of|for|to|by|with|and)\b)[\w-]+\s+){0,3}(?:bomber|gunman|attacker|assailant|shooter|assassin|killer|knifeman|arsonist|hijacker)\s*,/i;
/** A verdict or charge before the name, and its act after it. */
const CONVICTED_BEFORE =
  /\b(?:convicted|charged|indicted|sentenced|found)\s+(?:(?:the\s+)?(?:[\w-]+\s+){0,2})?$/i;
const CONVICTED_OF =
  /^\s+(?:guilty\s+)?(?:of|for|with)\s+(?:(?:the|a|an|his|her)\s+)?(?:[\w-]+\s+){0,2}?(?:planting|carrying\s+out|killing|murdering|murders?|bombing|attacking|stabbing|shooting|attacks?|massacres?|assassinat\w+)\b/i;
const HARM = /\b(?:killed|killing|stabbed|stabbing|shot|wounded|injured)\b/i;
const VICTIM_AFTER =
  /^\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|shot|stabbed|kidnapped|abducted|targeted)\b/i;
const SPEAKER_AFTER = /^\s*,?\s+(?:said|says|told|added|stated)\b/;
const TITLED =
  /^(?:U\.S\.|U\.N\.|[A-Z][a-z]+\s+)*?(?:President|Minister|Secretary|General|Gen\.|Governor|Mayor|Commander|Spokes\w+|Director|Ambassador|Envoy|Chief|Col\.|Colonel|Maj\.|Capt\.|Sheriff|Officer|Judge|Prosecutor|Senator|Sen\.|Rep\.|Dr\.|Prof\.)\b/;

/**
 * The name of a person the incident's units show carrying out the attack, or of the group an
 * aside says the person acted for ("X, a member of Y,"); undefined when none.
 *
 * @example findPersonPerpetrator('Gunman Tom Reed opened fire.', units, entities) // { name: 'Tom Reed', group: false }
 */
export function findPersonPerpetrator(
  text: string,
  units: ReadonlyArray<{ start: number; end: number }>,
  inUnits: readonly Entity[],
): { name: string; group: boolean } | undefined {
  for (const e of inUnits) {
    if (e.type !== 'person' || TITLED.test(e.text)) continue;
    // "Gunman John Smith" read as one name: the attacker noun is no part of it.
    const noun = LEADING_NOUN.exec(e.text);
    const name = noun ? e.text.slice(noun[0].length) : e.text;
    if (!/\s/.test(name.trim()) && noun) continue;
    const unit = units.find((u) => u.start <= e.start && e.end <= u.end);
    if (!unit) continue;
    const before = text.slice(Math.max(unit.start, e.start - 50), e.start);
    const after = text.slice(e.end, Math.min(unit.end, e.end + 140));
    if (VICTIM_AFTER.test(after) || SPEAKER_AFTER.test(after)) continue;
    if (TARGET_BEFORE.test(before) && !AGENT_BEFORE.test(before)) continue;
    const aside = ASIDE.exec(after)?.[0] ?? '';
    const rest = after.slice(aside.length).replace(/^[\s,]+/, '');
    const acts = ACT_AFTER.test(rest);
    // An attacker noun before the name makes the name the attacker when an attack is told.
    const unitText = text.slice(unit.start, unit.end);
    // "Tom Becker, the convicted subway bomber,": the aside calls the person the attacker.
    const told = noun !== null || ATTACKER_BEFORE.test(before) || ATTACKER_ASIDE.test(aside);
    const named = told && (ATTACK_CUE.test(unitText) || HARM.test(unitText));
    // "A jury convicted Sam Ortiz of planting a bomb": the court names the attacker.
    const convicted = CONVICTED_BEFORE.test(before) && CONVICTED_OF.test(after);
    if (!acts && !named && !convicted && !AGENT_BEFORE.test(before)) continue;
    // "X, a member of Y, …", "X, an Y militant, …": the person acted for a group, which ACLED
    // codes as the actor.
    const group = inUnits.find(
      (o): o is ActorEntity =>
        o.type === 'actor' &&
        o.start > e.end &&
        o.end <= e.end + aside.length &&
        o.canonical !== 'Unidentified armed group',
    );
    return group ? { name: group.canonical, group: true } : { name, group: false };
  }
  return undefined;
}

/**
 * "Police identified the gunman as": the attacker named after the act. A pronoun ("identified him
 * as") may stand for the victim, so only an attacker noun counts.
 */
const IDENTIFIES_ATTACKER =
  /\b(?:identified|named)\s+(?:the\s+(?:(?:suspected|alleged|dead|lone)\s+)?(?:gunm[ae]n|attackers?|assailants?|bombers?|shooters?|suspects?|killers?|knifem[ae]n|perpetrators?))\s+as\s+(?:(?:a\s+)?\d{1,2}-year-old\s+)?$/i;

/**
 * The person a sentence next to an attack names as its attacker ("identified the gunman as X"),
 * or undefined.
 *
 * @example findIdentifiedAttacker(text, sentence, entities) // 'Mark Delaney'
 */
export function findIdentifiedAttacker(
  text: string,
  sentence: { start: number; end: number },
  inSentence: readonly Entity[],
): string | undefined {
  const person = inSentence.find(
    (e) =>
      e.type === 'person' &&
      IDENTIFIES_ATTACKER.test(text.slice(Math.max(sentence.start, e.start - 80), e.start)),
  );
  return person?.text;
}
