/**
 * The one list of words that make an event *thwarted* (a plot stopped before it was carried
 * out: ACLED and the extract contract, "plot foiled, arrests before an attack"). Before issue 14
 * the classifier's status and the incident segmenter each had their own list, and they disagreed.
 * A bare "plot" noun is not here ("the plot of the film"; an attack "plotted" for months still
 * happened when it is told with casualties, which the callers weigh), nor a bare "intercepted"
 * (people are intercepted too): only weapons are.
 */
export const THWARTED_WORDS = new RegExp(
  [
    String.raw`thwart(?:ed|s|ing)?`,
    String.raw`foil(?:ed|s|ing)?`,
    String.raw`avert(?:ed|s)?`,
    String.raw`prevent(?:ed|s)? (?:\w+ ){0,3}(?:attacks?|bombings?|plots?|attempts?)`,
    String.raw`disrupt(?:ed|s)? (?:\w+ ){0,3}(?:plots?|plans?|attacks?|cells?)`,
    String.raw`(?:plans?|plots?) (?:were|was|had been|have been) (?:disrupted|stopped|prevented|uncovered)`,
    String.raw`plots? to (?:attack|bomb|blow up|kill|assassinate|strike|target)`,
    String.raw`plott(?:ed|ing)`,
    String.raw`plann(?:ed|ing) (?:\w+ ){0,3}(?:attacks?|bombings?|assaults?)`,
    String.raw`before (?:it|they|he|she) could (?:explode|detonate|go off|strike|carry)`,
    String.raw`defus(?:ed|es|ing)`,
    String.raw`intercept(?:ed|s|ing)? (?:\w+ ){0,2}(?:missiles?|drones?|rockets?|projectiles?)`,
    String.raw`(?:missiles?|drones?|rockets?|projectiles?) (?:\w+ ){0,2}(?:was|were) intercepted`,
    String.raw`(?:was|were) (?:stopped|caught) before`,
    String.raw`(?:failed|attempted|botched) (?:\w+ ){0,2}(?:attack|bombing|assassination|hijacking|kidnapping)`,
    String.raw`(?:device|bomb|explosives?) (?:\w+ ){0,5}failed to (?:explode|detonate|go off)`,
    // A list of arrests and seizures before an attack that never happened, however punctuated.
    String.raw`arrested (?:\w+[,;]? ){0,8}(?:before|planning|plotting|suspected of planning)`,
  ]
    .map((p) => `\\b${p}\\b`)
    .join('|'),
  'i',
);
