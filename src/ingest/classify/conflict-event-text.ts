// Words that report a conflict event themselves (a verb or noun of violence, protest or a
// strategic development), each worth one point; the kinds of actors that take part add less.
const TRIGGERS =
  /\b(?:kill(?:ed|ing|s)?|dead|died|death toll|wound(?:ed|ing)?|injur(?:ed|ing|ies)|attack(?:ed|s|ers?)?|assault(?:ed)?|bomb(?:ed|ing|s|ers?)?|blasts?|explo(?:ded|sion|sions|sives?)|suicide|shell(?:ed|ing)|mortars?|rockets?|missiles?|artillery|air ?strikes?|air raids?|drone strikes?|grenades?|ieds?|landmines?|clash(?:ed|es)?|fighting|fought|gun ?battles?|gunfights?|ambush(?:ed)?|gunmen|shot|shooting|opened fire|massacred?|behead(?:ed)?|kidnapp(?:ed|ing)|abduct(?:ed|ion)|hostages?|rap(?:ed|e)|sexual(?:ly)? (?:assault|abuse|violence)|protest(?:ed|ers|s)?|demonstrat(?:ed|ion|ions|ors)|rall(?:y|ies|ied)|marched|riot(?:s|ers|ing)?|tear ?gas|mob|lynch(?:ed)?|loot(?:ed|ing)|torched|arson|arrest(?:ed|s)?|detain(?:ed)?|seized|captured|recaptured|overran|retook|ceasefire|truce|peace (?:deal|agreement|accord)|defus(?:ed)?|intercept(?:ed)?|shot down|withdr(?:ew|awn)|handed over|curfew|headquarters|chemical (?:attack|weapons?)|chlorine|sarin)\b/g;
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
  const points = Math.min(triggers, 4) + 0.3 * Math.min(actors, 3);
  return Math.round((1 - Math.exp(-points)) * 1000) / 1000;
}

/**
 * True when a sentence reports a conflict event at all (at least one event word), so that the
 * pipeline classifies only such sentences.
 *
 * @example isConflictEventText('The weather was mild in Lisbon.') // false
 */
export function isConflictEventText(text: string): boolean {
  return scoreConflictEventText(text) >= 0.6;
}
