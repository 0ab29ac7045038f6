import { isBomberOutsideAttack } from '../text/person-bomber.js';

/** Attackers and weapons: they tell an incident only with "a" ("a suicide bomber blew …"). */
const PERSON_NOUN =
  /^(?:suicide[- ])?(?:bomb(?:er|ers)|gunm[ae]n|hostages?|rockets?|mortars?|missiles?|grenades?|landmines?|ieds?)$/i;
const DEFINITE_BEFORE =
  /(?:\b(?:the|this|that|these|those|its|their|his|her|our|same|last \w+'s)|['’]s|\b[A-Z][\w-]+)\s+(?:[\w-]+\s+){0,3}$/;
const INDEFINITE_BEFORE =
  /\b(?:a|an|another|one|two|three|four|five|twin|second|third|several|new|fresh)\s+(?:[\w-]+\s+){0,3}$/i;
const EVENTIVE =
  /^\w+ed\b|(?:ed|opened fire|shot dead|gunned down|set fire|beat(?:en)? to death|went off)$/i;

/** A past act right after attackers or weapons: "gunmen killed", "rockets hit", "bombers struck". */
const ACTS_AFTER =
  /^\s+(?:(?:also|then|later|reportedly|allegedly)\s+)?(?:killed|shot|opened|stormed|attacked|abducted|kidnapped|seized|burned|torched|set|raided|ambushed|fired|struck|hit|landed|exploded|went off|blew|detonated|rammed|stabbed|massacred|executed|beheaded)\b/i;

/** How an attack word presents its incident: as new, as one already known, or generically. */
export type TriggerKind = 'new' | 'ref' | 'weak';

/**
 * Whether an attack word tells a new incident ("a bomb", "gunmen killed"), refers to one told
 * ("the attack"), or speaks generically ("bombings").
 *
 * @example kindOf('The attack killed four', 4, 'attack') // 'ref'
 */
export function kindOf(s: string, index: number, word: string): TriggerKind {
  const before = s.slice(Math.max(0, index - 40), index);
  // "A convicted bomber was released": a person told of outside any attack.
  if (isBomberOutsideAttack(s, index, word)) return 'weak';
  if (EVENTIVE.test(word) && !/\b(?:the|an?)\s+$/i.test(before)) return 'new';
  if (INDEFINITE_BEFORE.test(before)) return 'new';
  // "In Dikwa, gunmen killed six farmers": attackers doing something tell a new incident.
  if (PERSON_NOUN.test(word))
    return index === 0 || ACTS_AFTER.test(s.slice(index + word.length, index + word.length + 40))
      ? 'new'
      : 'weak';
  if (DEFINITE_BEFORE.test(before)) return 'ref';
  if (/s$/i.test(word) && !/(?:ss|us)$/i.test(word)) return 'weak';
  return index === 0 ? 'new' : 'ref';
}
