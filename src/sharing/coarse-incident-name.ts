import type { StixObject } from '../core/stix/stix-object.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../core/stix/conflict-event-extension.js';
import type { Transform } from './transform.js';
import { countryName } from './country-name.js';
import { MONTH_NAMES } from '../core/vocab/calendar.js';

/**
 * A new name for an incident whose place or date was coarsened, built from its (already
 * coarsened) conflict-event facts: "Attack in Russia in March 2024". An analyst's own name may
 * carry the venue or the day in words no rule can find, so a coarsened incident never keeps it.
 * Undefined for anything that is not an incident with the conflict-event extension.
 *
 * @example renameFromCoarseFacts(incident, [{ kind: 'coarsen-place', to: 'country' }])
 */
export function renameFromCoarseFacts(
  object: StixObject,
  transforms: readonly Transform[],
): string | undefined {
  const event = object.extensions?.[CONFLICT_EVENT_EXTENSION_ID];
  if (object.type !== 'incident' || event === undefined) return undefined;
  const kind = text(event.sub_event_type) ?? text(event.event_type);
  if (kind === undefined) return undefined;
  const place = placeLabel(event, transforms);
  return `${kind}${place ? ` in ${place}` : ''}${dateLabel(text(event.event_date))}`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function placeLabel(event: Record<string, unknown>, transforms: readonly Transform[]): string {
  const targets = transforms.flatMap((t) => (t.kind === 'coarsen-place' ? [t.to] : []));
  const code = text(event.country);
  const country = code === undefined ? undefined : (countryName(code) ?? code);
  if (targets.includes('country')) return country ?? '';
  const admin1 = text(event.admin1);
  if (targets.includes('admin1')) return [admin1, country].filter(Boolean).join(', ');
  return text(event.location_name) ?? [admin1, country].filter(Boolean).join(', ');
}

function dateLabel(date: string | undefined): string {
  if (date === undefined) return '';
  const [year, month, day] = date.split('-');
  if (day !== undefined) return ` on ${date}`;
  if (month !== undefined) return ` in ${MONTH_NAMES[Number(month) - 1] ?? month} ${year}`;
  return ` in ${year}`;
}
