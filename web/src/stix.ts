import type { ApiAnswer } from './api-types.js';
import type {
  ConflictEventProperties,
  CountRange,
} from '../../src/core/stix/conflict-event-extension.js';
import { toCountRangeText } from '../../src/core/stix/count-range-text.js';
import { toEventDate } from '../../src/core/stix/incident-date.js';

/** A STIX object as the API returns it (open: every property kept as stored). */
export type StixObject = ApiAnswer<'/api/objects/{id}', 'get'>;

/** A point on the map: an incident with coordinates. */
export interface IncidentPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  date?: string;
  fatalities?: number;
  fatalitiesRange?: CountRange;
}

/**
 * The conflict-event extension of an incident, found by its shape (the web takes only types from
 * core, so the extension id itself is not imported).
 *
 * @example toConflictEvent(incident)?.event_date // '2024-03-22'
 */
export function toConflictEvent(o: StixObject): Partial<ConflictEventProperties> | undefined {
  const exts = o.extensions;
  if (!exts || typeof exts !== 'object') return undefined;
  for (const value of Object.values(exts as Record<string, unknown>)) {
    if (value && typeof value === 'object' && 'event_type' in value) {
      return value as Partial<ConflictEventProperties>;
    }
  }
  return undefined;
}

/**
 * The date of an incident as every page states it (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), by the one
 * rule the analysis index uses too; undefined (shown as unknown, left out of the tempo) when not
 * known. Neither `created` (the loading day) nor `first_seen` stands in for it.
 *
 * @example toIncidentDate(incident) // '2024-03-22'
 */
export function toIncidentDate(o: StixObject): string | undefined {
  return toEventDate(toConflictEvent(o)?.event_date);
}

/**
 * An incident as a map point, or undefined when it has no coordinates.
 *
 * @example toIncidentPoint(incident)?.latitude
 */
export function toIncidentPoint(o: StixObject): IncidentPoint | undefined {
  const ev = toConflictEvent(o);
  if (typeof ev?.latitude !== 'number' || typeof ev.longitude !== 'number') return undefined;
  const fat = ev.fatalities;
  return {
    id: o.id,
    name: typeof o.name === 'string' ? o.name : o.id,
    latitude: ev.latitude,
    longitude: ev.longitude,
    ...(toIncidentDate(o) ? { date: toIncidentDate(o) } : {}),
    ...(fat && typeof fat.min === 'number' ? { fatalities: fat.min, fatalitiesRange: fat } : {}),
  };
}

/**
 * Text of a killed range ("12", "12–15", "at least 21", "at most 5", "unknown"): the same
 * computation as the brief's and the alerts' (src/core/stix/count-range-text.ts).
 */
export function toCountText(range: CountRange | null | undefined): string {
  return toCountRangeText(range);
}
