import type { TlpLevel } from '../core/ports/sharing.js';
import type { StixObject } from '../core/stix/stix-object.js';

/** TLP 2.0 levels from most to least shareable; the index is the level's rank. */
export const TLP_LEVELS: readonly TlpLevel[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/** The TLP 2.0 extension definition id (OASIS cti-stix-common-objects, tlp-2.0). */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The fixed ids of the five TLP 2.0 marking definitions (OASIS TLP 2.0 extension). */
export const TLP2_MARKING_IDS: Readonly<Record<TlpLevel, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

// STIX 2.1 §7.2.1.4 fixes the TLP 1.0 marking ids; WHITE became CLEAR in TLP 2.0.
const TLP1_MARKING_IDS: Readonly<Record<string, TlpLevel>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
};

const levelByMarkingId: ReadonlyMap<string, TlpLevel> = new Map([
  ...Object.entries(TLP1_MARKING_IDS),
  ...Object.entries(TLP2_MARKING_IDS).map(([level, id]) => [id, level as TlpLevel] as const),
]);

/** The rank of a level (clear 0 … red 4). */
export function tlpRank(level: TlpLevel): number {
  return TLP_LEVELS.indexOf(level);
}

/** True when `value` names a TLP 2.0 level. */
export function isTlpLevel(value: unknown): value is TlpLevel {
  return typeof value === 'string' && (TLP_LEVELS as readonly string[]).includes(value);
}

/**
 * The most restrictive TLP level among an object's object and granular markings (TLP 1.0 or 2.0
 * ids), or undefined when it carries none.
 *
 * @example tlpOfObject({ type: 'incident', id, object_marking_refs: [TLP2_MARKING_IDS.amber] }) // 'amber'
 */
export function tlpOfObject(object: StixObject): TlpLevel | undefined {
  let worst: TlpLevel | undefined;
  const refs = [
    ...(Array.isArray(object.object_marking_refs) ? object.object_marking_refs : []),
    ...(Array.isArray(object.granular_markings)
      ? object.granular_markings.map((g) => g?.marking_ref)
      : []),
  ];
  for (const ref of refs) {
    const level = typeof ref === 'string' ? levelByMarkingId.get(ref) : undefined;
    if (level !== undefined && (worst === undefined || tlpRank(level) > tlpRank(worst))) {
      worst = level;
    }
  }
  return worst;
}

/**
 * The official TLP 2.0 marking-definition object for a level, exactly as OASIS publishes it.
 *
 * @example toTlpMarkingDefinition('amber').name // 'TLP:AMBER'
 */
export function toTlpMarkingDefinition(level: TlpLevel): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[level] as StixObject['id'],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: {
      [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level },
    },
  };
}

/** True when the id is one of the public TLP marking ids (1.0 or 2.0). */
export function isTlpMarkingId(id: string): boolean {
  return levelByMarkingId.has(id);
}
