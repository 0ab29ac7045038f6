import type { StixObject } from '../stix/stix-object.js';

/** The TLP 2.0 extension-definition id (OASIS cti-stix-common-objects, tlp-2.0). */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export type Tlp2Level = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';
export type Tlp1Level = 'white' | 'green' | 'amber' | 'red';

/** The five TLP 2.0 marking-definition ids, fixed by the OASIS TLP 2.0 extension. */
export const TLP2_MARKING_IDS: Readonly<Record<Tlp2Level, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** The four TLP 1.0 marking-definition ids predefined by STIX 2.1 §7.2.1.4 (accepted on input). */
export const TLP1_MARKING_IDS: Readonly<Record<Tlp1Level, string>> = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
};

/** Ordered from least to most restrictive. */
export const TLP2_LEVELS: readonly Tlp2Level[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

const TLP2_CREATED = '2022-10-01T00:00:00.000Z';
const TLP1_CREATED = '2017-01-20T00:00:00.000Z';

/**
 * The TLP 2.0 marking-definition object for a level, exactly as OASIS publishes it, so it can be
 * shipped in every bundle that references it (consumers have no built-in copy).
 *
 * @example toTlp2MarkingDefinition('amber+strict').name // 'TLP:AMBER+STRICT'
 */
export function toTlp2MarkingDefinition(level: Tlp2Level): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[level] as StixObject['id'],
    created: TLP2_CREATED,
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}

/**
 * The TLP 1.0 marking-definition object STIX 2.1 predefines for a level.
 *
 * @example toTlp1MarkingDefinition('green').definition // { tlp: 'green' }
 */
export function toTlp1MarkingDefinition(level: Tlp1Level): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP1_MARKING_IDS[level] as StixObject['id'],
    created: TLP1_CREATED,
    definition_type: 'tlp',
    name: `TLP:${level.toUpperCase()}`,
    definition: { tlp: level },
  };
}

/** The TLP 2.0 level of a marking id, or undefined. */
export function findTlp2Level(markingId: string): Tlp2Level | undefined {
  return TLP2_LEVELS.find((level) => TLP2_MARKING_IDS[level] === markingId);
}

/** The TLP 1.0 level of a marking id, or undefined. */
export function findTlp1Level(markingId: string): Tlp1Level | undefined {
  return (Object.keys(TLP1_MARKING_IDS) as Tlp1Level[]).find(
    (level) => TLP1_MARKING_IDS[level] === markingId,
  );
}

/**
 * The TLP 2.0 level a marking id stands for, accepting TLP 1.0 ids on input (WHITE → CLEAR; the
 * other colours keep their name; no TLP 1.0 id maps to AMBER+STRICT).
 *
 * @example toTlp2Level('marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9') // 'clear'
 */
export function toTlp2Level(markingId: string): Tlp2Level | undefined {
  const v2 = findTlp2Level(markingId);
  if (v2) return v2;
  const v1 = findTlp1Level(markingId);
  return v1 === undefined ? undefined : v1 === 'white' ? 'clear' : v1;
}

const ALL_TLP_IDS = new Set([
  ...Object.values(TLP2_MARKING_IDS),
  ...Object.values(TLP1_MARKING_IDS),
]);

/** True for the ids of the nine well-known TLP marking definitions (1.0 and 2.0). */
export function isTlpMarkingId(markingId: string): boolean {
  return ALL_TLP_IDS.has(markingId);
}

/** The TLP 2.0 definition objects for the TLP 2.0 ids in `markingIds` (others are ignored). */
export function findTlp2MarkingDefinitions(markingIds: Iterable<string>): StixObject[] {
  const out: StixObject[] = [];
  for (const id of new Set(markingIds)) {
    const level = findTlp2Level(id);
    if (level) out.push(toTlp2MarkingDefinition(level));
  }
  return out;
}
