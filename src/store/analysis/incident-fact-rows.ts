import type { Selectable } from 'kysely';
import type { IncidentFact, IncidentRecord } from '../../core/ports/analysis.js';
import {
  CONFLICT_EVENT_EXTENSION_ID,
  type ConflictEventProperties,
  type CountRange,
} from '../../core/stix/conflict-event-extension.js';
import type { AnalysisIncidentFactsTable } from '../schema/tearline-db.js';
import { toEventDate, toEventMonth } from '../../core/stix/incident-date.js';

/** A row of `analysis_incident_facts`; `fatalities_max` is null beside a lower bound: an open range. */
export type FactRow = Selectable<AnalysisIncidentFactsTable>;

/**
 * The fact rows of one accepted incident: one per attributed actor, or one with actor '' when the
 * incident is unattributed. Unknown dates and places stay null (never 1970, never 0,0).
 *
 * @example toFactRows({ incident, actorIds: ['threat-actor--…'], place: { country: 'RU' } })
 */
export function toFactRows(record: IncidentRecord): FactRow[] {
  const { incident } = record;
  const ext = (incident.extensions?.[CONFLICT_EVENT_EXTENSION_ID] ??
    {}) as Partial<ConflictEventProperties>;
  const place = record.place ?? {};
  const date = toEventDate(ext.event_date) ?? null;
  const lat = place.latitude ?? ext.latitude;
  const lon = place.longitude ?? ext.longitude;
  const hasPoint =
    typeof lat === 'number' &&
    typeof lon === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lon);
  const grade = incident.x_tearline_grade as
    { reliability?: string; credibility?: number } | undefined;
  const evidence = Array.isArray(incident.x_tearline_evidence)
    ? (incident.x_tearline_evidence as Array<{ report_ref?: unknown }>)
    : [];
  const reportRefs = [
    ...new Set(evidence.map((e) => e.report_ref).filter((r): r is string => typeof r === 'string')),
  ];
  const base = {
    incident_id: incident.id,
    name: typeof incident.name === 'string' ? incident.name : incident.id,
    event_date: date,
    month: toEventMonth(date) ?? null,
    country: (place.country ?? ext.country ?? null)?.toUpperCase() ?? null,
    admin1: place.admin1 ?? ext.admin1 ?? null,
    location_name: place.name ?? ext.location_name ?? null,
    latitude: hasPoint ? (lat as number) : null,
    longitude: hasPoint ? (lon as number) : null,
    status: ext.status ?? 'occurred',
    event_type: ext.event_type ?? '',
    sub_event_type: ext.sub_event_type ?? '',
    fatalities: ext.fatalities?.min ?? null,
    fatalities_max: ext.fatalities?.max ?? null,
    injuries: ext.injuries?.min ?? null,
    injuries_max: ext.injuries?.max ?? null,
    grade:
      grade?.reliability !== undefined && grade.credibility !== undefined
        ? `${grade.reliability}${grade.credibility}`
        : null,
    report_refs: JSON.stringify(reportRefs),
  };
  const actors = record.actorIds.length > 0 ? [...new Set(record.actorIds)] : [''];
  return actors.map((actor_id) => ({ ...base, actor_id }));
}

/** A fact's reported range from its two columns; none when the count is unknown. */
function toRange<K extends string>(
  key: K,
  min: number | null,
  max: number | null | undefined,
): Partial<Record<K, CountRange>> {
  if (min === null) return {};
  // A row written before migration 0410 has no upper-bound column read back: exact.
  if (max === undefined)
    return { [key]: { min: Number(min), max: Number(min) } } as Record<K, CountRange>;
  const range: CountRange =
    max === null ? { min: Number(min) } : { min: Number(min), max: Number(max) };
  return { [key]: range } as Record<K, CountRange>;
}

/** The port's view of a fact row. */
export function fromFactRow(row: FactRow): IncidentFact {
  const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
  return {
    incidentId: row.incident_id,
    actorId: row.actor_id,
    name: row.name,
    eventDate: opt(row.event_date),
    month: opt(row.month),
    country: opt(row.country),
    admin1: opt(row.admin1),
    locationName: opt(row.location_name),
    latitude: row.latitude === null ? undefined : Number(row.latitude),
    longitude: row.longitude === null ? undefined : Number(row.longitude),
    status: row.status,
    eventType: row.event_type,
    subEventType: row.sub_event_type,
    fatalities: row.fatalities === null ? undefined : Number(row.fatalities),
    injuries: row.injuries === null ? undefined : Number(row.injuries),
    ...toRange('fatalitiesRange', row.fatalities, row.fatalities_max),
    ...toRange('injuriesRange', row.injuries, row.injuries_max),
    grade: opt(row.grade),
    reportRefs: JSON.parse(row.report_refs) as string[],
  };
}
