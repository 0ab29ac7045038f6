// Words that report a conflict event themselves (a verb or noun of violence, protest or a
// strategic development), each worth one point; the kinds of actors that take part add less.
const TRIGGERS =
  /\b(?:kill(?:ed|ing|s)?|dead|died|death toll|wound(?:ed|ing)?|injur(?:ed|ing|ies)|attack(?:ed|s|ers?)?|assault(?:ed)?|bomb(?:ed|ing|s|ers?)?|blasts?|explo(?:ded|sion|sions|sives?)|suicide|shell(?:ed|ing)|mortars?|rockets?|missiles?|artillery|air ?strikes?|air raids?|drone strikes?|grenades?|ieds?|landmines?|clash(?:ed|es)?|fighting|fought|gun ?battles?|gunfights?|ambush(?:ed)?|gunmen|shot|shooting|opened fire|massacred?|behead(?:ed)?|kidnapp(?:ed|ing)|abduct(?:ed|ion)|hostages?|rap(?:ed|e)|sexual(?:ly)? (?:assault|abuse|violence)|protest(?:ed|ers|s)?|demonstrat(?:ed|ion|ions|ors)|rall(?:y|ies|ied)|marched|riot(?:s|ers|ing)?|tear ?gas|mob|lynch(?:ed)?|loot(?:ed|ing)|torched|arson|arrest(?:ed|s)?|detain(?:ed)?|seized|captured|recaptured|overran|retook|ceasefire|truce|peace (?:deal|agreement|accord)|defus(?:ed)?|intercept(?:ed)?|shot down|withdr(?:ew|awn)|handed over|curfew|headquarters|chemical (?:attack|weapons?)|chlorine|sarin|suffocat\w*|took control|taken (?:the )?control|reinforcements|surrender(?:ed)?|murder(?:ed|s)?|peace talks|pepper-sprayed|weapons? (?:depots?|caches?)|pistols|rifles|ammunition)\b/g;
// Verbs that report conflict events but also much else ("the fire destroyed a warehouse"):
// half a point each, so that one alone does not make an event.
const WEAK_TRIGGERS =
  /\b(?:destroyed|advanced|raids?|raided|stole|stolen|burn(?:ed|t)|deploy(?:ed|ing|s)|established|military (?:observation )?(?:posts?|points?|bases?))\b/g;
const ACTORS =
  /\b(?:militants?|insurgents?|rebels?|jihadists?|terrorists?|troops|soldiers|army|police|security forces|gunmen|fighters|militia(?:s|men)?|forces)\b/g;

/**
 * How strongly a sentence reads as the report of a conflict event (violence, protest or a
 * strategic development), from 0 (not at all) to 1.
 *
 * @example scoreConflictEventText('Gunmen killed three farmers near Jos.') // ≈ 0.9
 */
export function scoreConflictEventText(text: string): number {
  const lower = text.toLowerCase();
  const triggers = lower.match(TRIGGERS)?.length ?? 0;
  const actors = lower.match(ACTORS)?.length ?? 0;
  const weak = lower.match(WEAK_TRIGGERS)?.length ?? 0;
  const points = Math.min(triggers + 0.5 * weak, 4) + 0.3 * Math.min(actors, 3);
  return Math.round((1 - Math.exp(-points)) * 1000) / 1000;
}

/**
 * True when a sentence reports a conflict event at all (an event word, or a weaker one with an
 * armed actor), so that the
 * pipeline classifies only such sentences.
 *
 * @example isConflictEventText('The weather was mild in Lisbon.') // false
 */
export function isConflictEventText(text: string): boolean {
  // 0.55 ≈ one event word, or a weak one with an armed actor ("forces advanced").
  return scoreConflictEventText(text) >= 0.55;
}
