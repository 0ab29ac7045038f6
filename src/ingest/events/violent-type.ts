/** An ACLED event type and sub-event type, spelled as ACLED spells them. */
export interface AcledType {
  event_type: string;
  sub_event_type: string;
}

const RULES: Array<[RegExp, AcledType]> = [
  [/\bsuicide\b/i, { event_type: 'Explosions/Remote violence', sub_event_type: 'Suicide bomb' }],
  [
    /\b(?:air ?strikes?|airstrikes?|drone|warplanes?|jets?|helicopters? (?:fired|struck)|bombed from the air|aerial)\b/i,
    { event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike' },
  ],
  [
    /\b(?:shell(?:ed|ing|s)?|artillery|rockets?|mortars?|missiles?)\b/i,
    {
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Shelling/artillery/missile attack',
    },
  ],
  [/\bgrenades?\b/i, { event_type: 'Explosions/Remote violence', sub_event_type: 'Grenade' }],
  [
    /\b(?:chemical|sarin|chlorine|nerve agent|mustard gas)\b/i,
    { event_type: 'Explosions/Remote violence', sub_event_type: 'Chemical weapon' },
  ],
  [
    /\b(?:bomb\w*|blasts?|explosi\w+|exploded|detonat\w+|ieds?|landmines?|explosive device)\b/i,
    { event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED' },
  ],
  [
    /\b(?:kidnapp\w+|abduct\w+|hostages?|disappeared)\b/i,
    { event_type: 'Violence against civilians', sub_event_type: 'Abduction/forced disappearance' },
  ],
  [
    /\b(?:clash\w*|gun ?battles?|firefights?|fighting|exchange of fire|battle|fought|ambush\w*)\b/i,
    { event_type: 'Battles', sub_event_type: 'Armed clash' },
  ],
];

const ATTACK: AcledType = { event_type: 'Violence against civilians', sub_event_type: 'Attack' };

/** The ACLED types under which Tearline scores violence (ACLED's "political violence" types). */
export const VIOLENT_EVENT_TYPES = new Set([
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
]);

/**
 * The ACLED type of a violent incident read from its wording alone, used when the classifier
 * returns a non-violent type for a text that plainly tells an attack.
 *
 * @example toViolentType('A car bomb exploded near the market').sub_event_type // 'Remote explosive/landmine/IED'
 */
export function toViolentType(text: string): AcledType {
  for (const [re, type] of RULES) if (re.test(text)) return type;
  return ATTACK;
}

/** The ACLED type of a foiled plot: arrests when people were detained, else disrupted weapons use. */
export function toThwartedType(text: string): AcledType {
  return /\b(?:arrest\w*|detain\w*|custody|apprehend\w*)\b/i.test(text)
    ? { event_type: 'Strategic developments', sub_event_type: 'Arrests' }
    : { event_type: 'Strategic developments', sub_event_type: 'Disrupted weapons use' };
}
