import type { DraftItem } from './review-api.js';
import type { CountRange } from '../../../src/core/stix/conflict-event-extension.js';
import { toCountRangeKind, type CountRangeKind } from '../../../src/core/stix/count-range-text.js';
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
  killed_kind: CountRangeKind;
  killed_min: string;
  killed_max: string;
  injured_kind: CountRangeKind;
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
    ...toCountValues('killed', ev.fatalities),
    ...toCountValues('injured', ev.injuries),
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

/** The boxes of one count: its kind, and the figures the kind needs ("at most 5" shows 5). */
function toCountValues<P extends 'killed' | 'injured'>(
  prefix: P,
  range: CountRange | null | undefined,
): Record<`${P}_kind`, CountRangeKind> & Record<`${P}_min` | `${P}_max`, string> {
  const kind = toCountRangeKind(range);
  const min = kind === 'at most' ? '' : text(range?.min);
  return {
    [`${prefix}_kind`]: kind,
    [`${prefix}_min`]: min,
    [`${prefix}_max`]: kind === 'exactly' || kind === 'at least' ? '' : text(range?.max),
  } as Record<`${P}_kind`, CountRangeKind> & Record<`${P}_min` | `${P}_max`, string>;
}

/**
 * A reported range from the count's kind and boxes: unknown is no figure (null), "at least" an
 * open range, "at most" a range from 0. Numbers go as typed: the server says which are not
 * whole or not in order.
 *
 * @example toCount('at least', '21', '') // { min: 21 }
 */
export function toCount(kind: CountRangeKind, min: string, max: string): CountRange | null {
  const n = (v: string) => Number(v.trim());
  if (kind === 'unknown') return null;
  if (kind === 'at least') return { min: n(min) };
  if (kind === 'at most') return { min: 0, max: n(max) };
  if (kind === 'exactly') return { min: n(min), max: n(min) };
  return { min: n(min), max: n(max) };
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
