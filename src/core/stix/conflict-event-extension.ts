/**
 * Tearline's property extension for `incident`: what an analyst of political violence records
 * about an event (ACLED's classification, status, precision codes, casualties). The
 * extension-definition object and its JSON schema live in conflict-event-definition.ts.
 */
export const CONFLICT_EVENT_EXTENSION_ID =
  'extension-definition--7c3b5a1e-2f4d-4e8a-9b61-0d5c3e2a8f47' as const;

/** ACLED time precision: 1 exact day, 2 within a week, 3 within a month (or coarser). */
export type TimePrecision = 1 | 2 | 3;
/** ACLED geo precision: 1 named town, 2 area near a town / district, 3 region (admin1). */
export type GeoPrecision = 1 | 2 | 3;
export type EventStatus = 'occurred' | 'thwarted' | 'threatened';

/**
 * A reported count as the text gives it: "dozens" → {min: 12, max: 99}, "nine" → {min: 9, max: 9}.
 * A lower bound has no `max` ("at least 21" → {min: 21}); "at most 5" is {min: 0, max: 5}.
 * STIX forbids null values (§3.1), so an open bound is left out here; the extract contract
 * writes it as `"max": null`.
 */
export interface CountRange {
  min: number;
  max?: number;
}

/** The extension's properties inside `incident.extensions[CONFLICT_EVENT_EXTENSION_ID]`. */
export interface ConflictEventProperties {
  extension_type: 'property-extension';
  event_type: string;
  sub_event_type: string;
  status: EventStatus;
  /** `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when coarsened by a tearline). */
  event_date?: string;
  time_precision?: TimePrecision;
  geo_precision?: GeoPrecision;
  /**
   * Leave out when unknown: STIX forbids null values (§3.1), so validateStixObject refuses `null`
   * here; drafts may hold null, the STIX incident made from them may not.
   */
  fatalities?: CountRange | null;
  injuries?: CountRange | null;
  /** ISO 3166-1 alpha-2, for queries without a join to the location. */
  country?: string;
  admin1?: string;
  location_name?: string;
  latitude?: number;
  longitude?: number;
}

/** Two counts added ("killed 9 … and 3 more"); the sum is open when either count is. */
export function addCountRanges(a: CountRange, b: CountRange): CountRange {
  return a.max === undefined || b.max === undefined
    ? { min: a.min + b.min }
    : { min: a.min + b.min, max: a.max + b.max };
}

/** The smallest range that holds both reports of one count (corroborating sources). */
export function spanCountRanges(a: CountRange, b: CountRange): CountRange {
  return a.max === undefined || b.max === undefined
    ? { min: Math.min(a.min, b.min) }
    : { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}
