import { ACLED_EVENT_TYPES } from '../../core/vocab/acled.js';

// ACLED's 25 sub-event types and their event types live in core's vocabulary; the classifier
// names its classes after them.
export { ACLED_EVENT_TYPES };

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
