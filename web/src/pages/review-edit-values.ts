import type { DraftItem } from '../../../src/core/ports/ingest.js';
import { toConflictEvent, type StixObject } from '../stix.js';
import { nameOf } from '../ui.js';

/** The edit form's fields, as the text of their controls ('' for not given). */
export interface FormValues {
  name: string;
  event_type: string;
  sub_event_type: string;
  status: string;
  event_date: string;
  time_precision: string;
  location_name: string;
  country: string;
  geo_precision: string;
  killed_min: string;
  killed_max: string;
  injured_min: string;
  injured_max: string;
  perpetrator: string;
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/**
 * The form's starting values from a proposed object and its current perpetrator's name.
 *
 * @example toFormValues(incident, 'ISIS-K').killed_min // '133'
 */
export function toFormValues(object: StixObject, perpetrator: string): FormValues {
  const ev = toConflictEvent(object) ?? {};
  return {
    name: typeof object.name === 'string' ? object.name : '',
    event_type: text(ev.event_type),
    sub_event_type: text(ev.sub_event_type),
    status: text(ev.status) || 'occurred',
    // A date input takes a full day only; a coarser date (YYYY-MM) shows as its first day.
    event_date: /^\d{4}-\d{2}-\d{2}$/.test(text(ev.event_date)) ? text(ev.event_date) : '',
    time_precision: text(ev.time_precision),
    location_name: text(ev.location_name),
    country: text(ev.country),
    geo_precision: text(ev.geo_precision),
    killed_min: text(ev.fatalities?.min),
    killed_max: text(ev.fatalities?.max),
    injured_min: text(ev.injuries?.min),
    injured_max: text(ev.injuries?.max),
    perpetrator,
  };
}

/**
 * The name of the actor a proposed incident is attributed to in its draft, or ''.
 *
 * @example perpetratorOf(incidentItem, view.items) // 'Islamic State Khorasan Province'
 */
export function perpetratorOf(incident: DraftItem, items: readonly DraftItem[]): string {
  const rel = items.find(
    (r) =>
      r.kind === 'relationship' &&
      r.state !== 'rejected' &&
      r.object.relationship_type === 'attributed-to' &&
      r.object.source_ref === incident.object.id,
  );
  const actor = rel && items.find((i) => i.object.id === rel.object.target_ref);
  return actor ? nameOf(actor.object) : '';
}

/**
 * A reported range from the two boxes: both empty is no figure (null), one empty takes the other.
 * Numbers go as typed: the server says which are not whole or not in order.
 *
 * @example toCount('133', '') // { min: 133, max: 133 }
 */
export function toCount(min: string, max: string): { min: number; max: number } | null {
  if (min.trim() === '' && max.trim() === '') return null;
  const lo = Number(min.trim() === '' ? max : min);
  const hi = Number(max.trim() === '' ? min : max);
  return { min: lo, max: hi };
}

const FIELDS = [
  'name',
  'event_type',
  'sub_event_type',
  'status',
  'event_date',
  'time_precision',
  'location_name',
  'country',
  'geo_precision',
  'fatalities',
  'injuries',
  'perpetrator',
];

/**
 * The form field an API refusal names first ("…invalid: fatalities.max is smaller than min" →
 * 'fatalities'), or undefined when it names none.
 *
 * @example fieldOfMessage('sub_event_type must be an ACLED sub-event type of Battles') // 'sub_event_type'
 */
export function fieldOfMessage(message: string): string | undefined {
  let best: { field: string; at: number } | undefined;
  for (const field of FIELDS) {
    const m = new RegExp(`(^|[^a-z_])${field}([^a-z_]|$)`).exec(message);
    if (m && (!best || m.index < best.at)) best = { field, at: m.index };
  }
  return best?.field;
}
