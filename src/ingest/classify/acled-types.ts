/**
 * ACLED's 25 sub-event types and the event type each belongs to, spelled as ACLED spells them
 * (ACLED Codebook, "Event types and sub-event types"). These are public category names.
 */
export const ACLED_EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;

export type AcledEventType = keyof typeof ACLED_EVENT_TYPES;
export type AcledSubEventType = (typeof ACLED_EVENT_TYPES)[AcledEventType][number];

/** The 25 sub-event types in a fixed order (the model's class order). */
export const ACLED_SUB_EVENT_TYPES: readonly AcledSubEventType[] =
  Object.values(ACLED_EVENT_TYPES).flat();

const eventTypeBySub = new Map<string, AcledEventType>(
  Object.entries(ACLED_EVENT_TYPES).flatMap(([type, subs]) =>
    subs.map((sub) => [sub, type as AcledEventType] as const),
  ),
);

/**
 * The ACLED event type of a sub-event type, or undefined for a name that is not one of the 25.
 *
 * @example toAcledEventType('Grenade') // 'Explosions/Remote violence'
 */
export function toAcledEventType(subEventType: string): AcledEventType | undefined {
  return eventTypeBySub.get(subEventType);
}

/**
 * True when the name is one of ACLED's 25 sub-event types, spelled exactly.
 *
 * @example isAcledSubEventType('Armed clash') // true
 */
export function isAcledSubEventType(name: string): name is AcledSubEventType {
  return eventTypeBySub.has(name);
}
