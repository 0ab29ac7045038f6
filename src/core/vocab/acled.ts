/**
 * ACLED's event types and their sub-event types, spelled as the ACLED Codebook spells them. The
 * conflict-event extension carries these strings in `event_type` and `sub_event_type`.
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

/** The same table, indexed by any string (for checks of untrusted input). */
export const ACLED_SUB_EVENT_TYPES_BY_TYPE: Readonly<Record<string, readonly string[]>> =
  ACLED_EVENT_TYPES;

/** The six ACLED event types. */
export const ACLED_EVENT_TYPE_NAMES: readonly string[] = Object.keys(ACLED_SUB_EVENT_TYPES_BY_TYPE);

/**
 * True when `subEventType` is one of ACLED's sub-event types of `eventType`.
 *
 * @example isAcledPair('Explosions/Remote violence', 'Suicide bomb') // true
 */
export function isAcledPair(eventType: string, subEventType: string): boolean {
  return ACLED_SUB_EVENT_TYPES_BY_TYPE[eventType]?.includes(subEventType) ?? false;
}
