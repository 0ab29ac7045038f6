/**
 * The words that make a sentence (or clause) speak of one violent incident, and the words that
 * make it speak of something else: a generic trend, a hypothesis, a plot that was stopped, a
 * threat. Written from the way news English reports attacks; no corpus text.
 */
import { THWARTED_WORDS } from '../text/status-words.js';

/** A violent act: the trigger of an incident. */
export const ATTACK_CUE =
  /\b(?:(?:fired|launched|lobbed) (?:\w+ ){0,2}(?:rockets?|missiles?|mortars?|shells?|grenades?|drones?)|attack(?:s|ed|ing)?|bomb(?:s|ed|ing|ings|er|ers)?|blasts?|explosions?|exploded|explode|detonat(?:ed|ion|ing)|suicide[- ](?:bomb\w*|attack\w*|vest)|car[- ]bomb\w*|ieds?|roadside bombs?|gunm[ae]n|gunfire|open(?:ed)? fire|shot dead|shot and killed|shoot(?:ing|ings|out)|fired (?:on|at|upon)|stabb(?:ed|ing|ings)|massacres?|massacred|ambush(?:ed|es)?|assault(?:ed|s)?|raid(?:s|ed)?|air ?strikes?|airstrikes?|drone strikes?|strikes? (?:on|against)|shell(?:ed|ing)|rockets?|mortars?|missiles?|grenades?|hostages?|kidnapp(?:ed|ing|ings)|abduct(?:ed|ion|ions)|clash(?:ed|es)|gun ?battles?|battles?|battled|fought|firefights?|rammed|ramming|behead(?:ed|ing)|assassinat(?:ed|ion|ions)|killing spree|car ?bombs?|truck bomb|landmines?|mines? exploded|slaughter(?:ed)?|gunned down|storm(?:ed|ing)|set (?:on )?fire|torched|burned down|lynch(?:ed|ing)|beat(?:en)? to death|execut(?:ed|ion)s?)\b/i;

/** Casualty wording: it names victims of an incident, not the incident itself. */
export const CASUALTY_CUE =
  /\b(?:kill(?:ed|ing|s)?|dead|deaths?|died|dying|death toll|wounded|wounding|wounds|injur(?:ed|ing|ies|y)|hurt|casualties|lives|bodies|victims?|fatalities|maimed|hospitali[sz]ed|taken to hospital)\b/i;

/** A plot that was stopped before it happened (ACLED has no attack for it). */
export const THWARTED_CUE = THWARTED_WORDS;

/** A threat of future violence. */
export const THREAT_CUE =
  /\b(?:threaten(?:ed|s|ing)? (?:to|more|further|new|an?)|vow(?:ed|s)? (?:to|revenge)|warn(?:ed|s)? (?:of|that) (?:more|new|further|an?|possible) (?:attacks?|violence|bombings?)|call(?:ed|s)? for (?:attacks|jihad))\b/i;

/**
 * Wording that makes an attack mention generic, habitual or hypothetical, not one incident:
 * "attacks remain common", "could strike", "the threat of terrorism".
 */
export const GENERIC_CUE =
  /\b(?:could|would|might|may|should|if|whether|remain(?:s)? (?:common|frequent|a threat)|frequent(?:ly)?|often|regularly|routinely|every (?:year|month|week|day)|multiple times|many times|several times|repeatedly|series of attacks|campaign|capable of|ability to|threat (?:of|posed|from)|risk of|fear(?:s|ed)? (?:of|that)|prevent (?:future|further)|in the event of|such as|types? of|kinds? of|wave of attacks in recent|tactics?|training|trained|designed to|responsible for (?:many|numerous|several|dozens of|hundreds of)|history of|since (?:the )?(?:19|20)\d\d|deadliest since)\b/i;

/** The month "May": written with a capital after the sentence's first word, or before a day. */
const MONTH_MAY = /(?<=\S\s+)May\b|\bMay(?=\s+\d)/g;

/**
 * Whether wording is generic ({@link GENERIC_CUE}), the month of May ("on 11 May", "KABUL, May
 * 12 —") not being the modal "may".
 *
 * @example isGenericWording('A bomb exploded on 11 May.') // false
 */
export function isGenericWording(s: string): boolean {
  return GENERIC_CUE.test(s.replace(MONTH_MAY, 'month'));
}

/** Words that open a new incident in a narrative ("In a separate attack", "Later, a man was shot"). */
export const NEW_INCIDENT_CUE =
  /\b(?:since (?:the|a|an)\b[^.]{0,60}?\b(?:attack|bomb|massacre|shooting|blast)|previous (?:attack|bombing)|another|separate(?:ly)?|second (?:attack|bomb|blast|explosion|incident)|in (?:a|one|an) (?:\w+ )?incident|also (?:carried out|attacked|claimed|killed|struck|bombed)|later,|elsewhere|earlier (?:this|that|in)|meanwhile|in (?:19|20)\d\d\b|(?:19|20)\d\d (?:\w+ ){0,2}(?:attacks?|bombings?|shootings?|massacre|blasts?))/i;

/** An anaphoric mention of an incident already told: "the attack", "the blast", "it was the deadliest". */
export const REFERENCE_CUE =
  /^(?:[^,]{0,40},\s*)?(?:the|this|that|it|its|those|these)\s+(?:\w+\s+){0,2}(?:attacks?|bombings?|blasts?|explosions?|assault|shooting|massacre|raid|incident|ambush|strike|violence|was|were)\b/i;

/** Responsibility for an attack: the group named is its claimant and perpetrator. */
export const CLAIM_CUE =
  /\b(?:claim(?:ed|s|ing)? (?:the )?responsibility|claim(?:ed|s)? (?:the |both |all )?(?:attacks?|bombings?|blasts?|killings?|shootings?|assaults?|massacres?|explosions?)|claimed to have|claimed (?:it|them)(?=\s*(?:[.,;]|$|\s+(?:in|on|through|via|hours|later|shortly|soon|late|early)\b))|said (?:that )?(?:it|its (?:fighters|members|militants)) (?:had )?(?:carried out|planted|fired|detonated|launched|staged|attacked|killed|targeted|was behind)|took responsibility|accepted responsibility|was behind|were behind|responsible for|(?:was|were|is|are) (?:solely |directly )?responsible\b(?! for (?:many|numerous|several|dozens|hundreds|most|some))|carried out|perpetrated|blamed (?:on|for))\b/i;

/**
 * Words after which an actor is the target, not the attacker: "an attack on the Taliban",
 * "ambushed a convoy of Kenyan soldiers", "stormed a base of the Nigerian Army".
 */
export const TARGET_BEFORE =
  /\b(?:on(?!\s+behalf\b)|against|targeting|targeted|at|attacked|ambushed|struck|hit|killed|killing|wounding|stormed|raided|overran)\s+(?:(?:the|a|an|\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens of|scores of|some|many)\s+)?(?:(?:[\w-]+\s+){0,2}(?:of|belonging to)\s+(?:the\s+)?)?$/i;
