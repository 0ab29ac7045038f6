import { CONFLICT_EVENT_EXTENSION_ID } from '../../src/core/stix/conflict-event-extension.js';
import type { StixObject } from '../../src/core/stix/stix-object.js';

/** When the fixtures were written, unless a test says otherwise. */
export const FIXTURE_TIME = '2024-03-22T18:00:00.000Z';

type Stamps = Partial<Pick<StixObject, 'created' | 'modified'>>;

/**
 * A STIX id whose last digits are `n`: readable in failures, stable across runs.
 *
 * @example stixId('location', 1) // 'location--0f000000-0000-4000-8000-000000000001'
 */
export function stixId(type: string, n: number): StixObject['id'] {
  return `${type}--0f000000-0000-4000-8000-${String(n).padStart(12, '0')}` as const;
}

/**
 * The ISIS-K threat actor most tests attribute incidents to; `extra` adds or replaces properties.
 *
 * @example threatActor(ISKP, { object_marking_refs: [TLP2_MARKING_IDS.green] })
 */
export function threatActor(id: string, extra: Partial<StixObject> = {}): StixObject {
  return {
    type: 'threat-actor',
    spec_version: '2.1',
    id: id as StixObject['id'],
    created: FIXTURE_TIME,
    modified: FIXTURE_TIME,
    name: 'Islamic State Khorasan Province',
    aliases: ['ISIS-K'],
    threat_actor_types: ['terrorist'],
    ...extra,
  };
}

/**
 * A named place with a point.
 *
 * @example place(stixId('location', 1), 'Krasnogorsk', 'RU', [55.82, 37.39])
 */
export function place(
  id: string,
  name: string,
  country: string,
  [latitude, longitude]: [number, number],
  stamps: Stamps = {},
): StixObject {
  return {
    type: 'location',
    spec_version: '2.1',
    id: id as StixObject['id'],
    created: FIXTURE_TIME,
    modified: FIXTURE_TIME,
    ...stamps,
    name,
    country,
    latitude,
    longitude,
  };
}

/**
 * A relationship between two objects.
 *
 * @example relationship(stixId('relationship', 1), 'attributed-to', incident.id, ISKP)
 */
export function relationship(
  id: string,
  type: 'attributed-to' | 'located-at' | 'related-to' | 'targets' | 'uses',
  sourceRef: string,
  targetRef: string,
  stamps: Stamps = {},
): StixObject {
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: id as StixObject['id'],
    created: FIXTURE_TIME,
    modified: FIXTURE_TIME,
    ...stamps,
    relationship_type: type,
    source_ref: sourceRef,
    target_ref: targetRef,
  };
}

/**
 * The Crocus City Hall attack (22 March 2024, 145 killed) as an incident with the conflict-event
 * extension, graded B2; `extra` adds or replaces top-level properties (markings, description).
 *
 * @example crocusIncident(INCIDENT, { object_marking_refs: [TLP2_MARKING_IDS.amber] })
 */
export function crocusIncident(id: string, extra: Partial<StixObject> = {}): StixObject {
  return {
    type: 'incident',
    spec_version: '2.1',
    id: id as StixObject['id'],
    created: FIXTURE_TIME,
    modified: FIXTURE_TIME,
    name: 'Crocus City Hall attack',
    description: 'Gunmen attacked a concert hall in Krasnogorsk.',
    x_tearline_grade: { reliability: 'B', credibility: 2 },
    extensions: crocusEvent({ fatalities: { min: 145, max: 145 } }),
    ...extra,
  };
}

/**
 * The conflict-event extension of the Crocus City Hall attack, as `extensions`: the event's type,
 * status and day in Russia; `extra` adds or replaces properties (fatalities, admin1, place, point).
 *
 * @example crocusEvent({ admin1: 'Moscow Oblast', location_name: 'Krasnogorsk' })
 */
export function crocusEvent(
  extra: Record<string, unknown> = {},
): NonNullable<StixObject['extensions']> {
  return {
    [CONFLICT_EVENT_EXTENSION_ID]: {
      extension_type: 'property-extension',
      event_type: 'Violence against civilians',
      sub_event_type: 'Attack',
      status: 'occurred',
      event_date: '2024-03-22',
      time_precision: 1,
      geo_precision: 1,
      country: 'RU',
      ...extra,
    },
  };
}

/**
 * An incident told in free text, with the properties of one extension: what the tearline's prose
 * transforms act on.
 *
 * @example proseIncident('Gunmen killed ten people near Gao.', { country: 'ML' })
 */
export function proseIncident(description: string, extension: Record<string, unknown>): StixObject {
  return {
    type: 'incident',
    spec_version: '2.1',
    id: 'incident--00000000-0000-4000-8000-000000000001',
    created: '2025-03-03T00:00:00.000Z',
    modified: '2025-03-03T00:00:00.000Z',
    name: 'Attack',
    description,
    extensions: {
      'extension-definition--00000000-0000-4000-8000-0000000000ee': {
        extension_type: 'property-extension',
        ...extension,
      },
    },
  };
}
