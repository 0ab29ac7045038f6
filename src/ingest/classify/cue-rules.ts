/**
 * Decisions the ACLED codebook states outright, applied after the model where its
 * bag-of-words view is weakest (the model cannot see that a word is absent, nor who did what):
 *
 * - Protests and riots: a demonstration whose participants use violence or clash with others is
 *   a riot ("Violent demonstration") whatever the police do; otherwise lethal force against it is
 *   "Excessive force against protesters", any other intervention (dispersal, arrests) is
 *   "Protest with intervention", and only a demonstration with neither is "Peaceful protest".
 * - Weapons that were seized, found, defused or intercepted and hurt nobody are "Disrupted
 *   weapons use", not the attack type of the weapon.
 * - Arrests at a demonstration are an intervention; arrests the text denies ("no arrests were
 *   made") are none.
 * - Territory: a handover or withdrawal without fighting is "Non-violent transfer of territory";
 *   otherwise the side that took the place decides between "Government regains territory" and
 *   "Non-state actor overtakes territory". The side is the capture verb's subject or passive
 *   agent when the passage is given (territory-taker.ts); a failed attempt is an armed clash and
 *   a withdrawal after fighting is the other side's gain.
 */
import { firesCue } from './cue-lexicon.js';
import type { Side } from './territory-taker.js';
import { isWithdrawalAfterFighting, readTerritoryChange } from './territory-taker.js';

const PROTEST_FAMILY = new Set([
  'Peaceful protest',
  'Protest with intervention',
  'Excessive force against protesters',
  'Violent demonstration',
]);
const WEAPON_ATTACKS = new Set([
  'Chemical weapon',
  'Air/drone strike',
  'Suicide bomb',
  'Shelling/artillery/missile attack',
  'Remote explosive/landmine/IED',
  'Grenade',
]);
const WEAPON_CUE: Readonly<Record<string, string>> = {
  'Chemical weapon': 'chemical',
  'Air/drone strike': 'air',
  'Suicide bomb': 'suicide',
  'Shelling/artillery/missile attack': 'shelling',
  'Remote explosive/landmine/IED': 'ied',
  Grenade: 'grenade',
};
const NO_ARREST =
  /\b(?:no (?:arrests?|suspects?)|(?:no one|nobody|none) (?:has|had|have|was|were)(?: yet)?(?: been)? (?:arrested|detained)|made no arrests?|without (?:any )?arrests?|(?:not|never) (?:been )?(?:arrested|detained))\b/i;
const EVERY_NO_ARREST = new RegExp(NO_ARREST.source, 'gi');
const TERRITORY = new Set([
  'Government regains territory',
  'Non-state actor overtakes territory',
  'Non-violent transfer of territory',
]);

/**
 * The sub-event type after the codebook's decisive rules, given the model's best class and the
 * cue features that fired (from findCueFeatures) and, optionally, the model's classes best first.
 *
 * @example applyCueRules('Peaceful protest', new Set(['c:protest', 'c:riot'])) // 'Violent demonstration'
 */
export function applyCueRules(
  best: string,
  cues: ReadonlySet<string>,
  ranked?: readonly string[],
  passage?: string,
): string {
  const has = (name: string): boolean => cues.has('c:' + name);
  if (PROTEST_FAMILY.has(best) && has('protest')) {
    if (has('riot') || has('clash')) return 'Violent demonstration';
    // Not any killing: protests are often *about* a killing.
    if (has('force')) return 'Excessive force against protesters';
    if (has('intervention') || has('arrest')) return 'Protest with intervention';
    return best === 'Violent demonstration' ? best : 'Peaceful protest';
  }
  // A riot needs demonstrators; burning and looting by anyone else is property destruction.
  if (best === 'Violent demonstration' && !has('protest') && !has('crowd') && has('loot')) {
    return 'Looting/property destruction';
  }
  // "No arrests were made", "no one has been arrested": an arrest the text denies is no arrest.
  // Both the model and the arrest cue see the word: the cue is read again without the denial.
  if (
    best === 'Arrests' &&
    ranked &&
    passage &&
    NO_ARREST.test(passage) &&
    !firesCue('arrest', passage.replace(EVERY_NO_ARREST, ' '))
  ) {
    return ranked.find((name) => name !== 'Arrests') ?? best;
  }
  const harmless = !has('killing') && !has('injury');
  if ((WEAPON_ATTACKS.has(best) || TERRITORY.has(best)) && has('disrupt') && harmless) {
    return 'Disrupted weapons use';
  }
  // Violence by explosives or from the air is Explosions/Remote violence even when it strikes
  // civilians or soldiers (codebook: "Attack" and "Armed clash" exclude remote violence).
  if ((best === 'Attack' || best === 'Armed clash') && !has('clash') && ranked !== undefined) {
    const weapon = ranked.find((name) => WEAPON_ATTACKS.has(name) && has(WEAPON_CUE[name] ?? ''));
    if (weapon) return weapon;
  }
  // A battle in which a place changes hands is coded by its outcome (codebook: the territory
  // sub-events take precedence over "Armed clash").
  const reading =
    passage !== undefined && (TERRITORY.has(best) || (best === 'Armed clash' && has('territory')))
      ? readTerritoryChange(passage)
      : undefined;
  if (best === 'Armed clash' && has('territory') && (has('seize') || has('retake'))) {
    if (reading?.failedAttempt) return best;
    if (reading?.taker) return gainBy(reading.taker);
    if (has('retake') || cues.has('a:state-first')) return 'Government regains territory';
    if (cues.has('a:nonstate-first')) return 'Non-state actor overtakes territory';
  }
  if (TERRITORY.has(best)) {
    // "tried to seize", "repelled an attempt to capture": fighting, no change of hands.
    if (reading?.failedAttempt) return 'Armed clash';
    if (has('transfer')) {
      const fought = has('clash') || (passage !== undefined && isWithdrawalAfterFighting(passage));
      if (!fought) return 'Non-violent transfer of territory';
      // A withdrawal forced by fighting is the other side's gain.
      if (reading?.withdrawer && !reading.taker)
        return gainBy(reading.withdrawer === 'state' ? 'nonstate' : 'state');
    }
    // The verb's subject decides; a "re-" verb only says the place changed hands before.
    // (the reader found a capture verb of its own: "gained ground", "advanced into").
    if (reading?.taker) return gainBy(reading.taker);
    if (cues.has('a:state-first') && (has('seize') || has('retake'))) {
      return 'Government regains territory';
    }
    if (cues.has('a:nonstate-first') && has('seize')) return 'Non-state actor overtakes territory';
  }
  return best;
}

function gainBy(side: Side): string {
  return side === 'state' ? 'Government regains territory' : 'Non-state actor overtakes territory';
}

export interface RankedClass {
  sub_event_type: string;
  score: number;
}

/**
 * The model's ranking after a rule chose `chosen`: when the rule overrides the model, the two
 * classes swap probabilities (the rule is as sure as the model was of its own pick, and the
 * scores still sum to 1); otherwise the ranking is unchanged.
 *
 * @example toRankingWithRule([{ sub_event_type: 'Grenade', score: 0.9 }, { sub_event_type: 'Disrupted weapons use', score: 0.1 }], 'Disrupted weapons use')[0] // { sub_event_type: 'Disrupted weapons use', score: 0.9 }
 */
export function toRankingWithRule(byModel: readonly RankedClass[], chosen: string): RankedClass[] {
  const top = byModel[0];
  if (!top || top.sub_event_type === chosen) return [...byModel];
  const chosenScore = byModel.find((r) => r.sub_event_type === chosen)?.score ?? 0;
  return byModel
    .map((r) => {
      if (r.sub_event_type === chosen) return { ...r, score: top.score };
      if (r === top) return { ...r, score: chosenScore };
      return r;
    })
    .sort((a, b) => b.score - a.score);
}
