import type { Clock, IdSource } from '../../core/clock.js';
import { toStixTimestamp } from '../../core/clock.js';
import { createStixId } from '../../core/stix/stix-id.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import {
  CONFLICT_EVENT_EXTENSION_ID,
  type ConflictEventProperties,
} from '../../core/stix/conflict-event-extension.js';
import type { AdmiraltyGrade } from '../../core/vocab/admiralty.js';
import type { Attribution, ExtractedEvent, Span } from '../extract-types.js';

/** What every proposed object of one draft shares: the report it comes from, its grade, its time. */
export interface DraftContext {
  reportId: string;
  grade: AdmiraltyGrade;
  now: string;
  ids: IdSource;
}

/** The evidence spans of a claim, pointed at the report (`x_tearline_evidence`). */
export function toEvidence(
  reportId: string,
  spans: readonly Span[],
): StixObject['x_tearline_evidence'] {
  return spans.map((s) => ({ report_ref: reportId, start: s.start, end: s.end }));
}

/** The common properties of a proposed SDO/SRO: id, timestamps, grade and evidence. */
function base(type: string, ctx: DraftContext, evidence: readonly Span[]): StixObject {
  return {
    type,
    spec_version: '2.1',
    id: createStixId(type, ctx.ids),
    created: ctx.now,
    modified: ctx.now,
    x_tearline_grade: ctx.grade,
    x_tearline_evidence: toEvidence(ctx.reportId, evidence),
  };
}

/**
 * The proposed `incident` of an extracted event, with the conflict-event extension and the
 * speakers of the claims its evidence overlaps (`x_tearline_attributions`).
 *
 * @example toIncidentObject(event, text, attributions, ctx).extensions
 */
export function toIncidentObject(
  event: ExtractedEvent,
  text: string,
  attributions: readonly Attribution[],
  ctx: DraftContext,
): StixObject {
  const ext: ConflictEventProperties = {
    extension_type: 'property-extension',
    event_type: event.event_type,
    sub_event_type: event.sub_event_type,
    status: event.status,
  };
  if (event.date) ext.event_date = event.date;
  if (event.time_precision) ext.time_precision = event.time_precision;
  const loc = event.location;
  if (loc) {
    ext.location_name = loc.name;
    if (loc.geo_precision) ext.geo_precision = loc.geo_precision;
    if (loc.country) ext.country = loc.country;
    if (loc.admin1) ext.admin1 = loc.admin1;
    if (typeof loc.lat === 'number' && typeof loc.lon === 'number') {
      ext.latitude = loc.lat;
      ext.longitude = loc.lon;
    }
  }
  // STIX forbids null values (§3.1): unknown counts are left out.
  if (event.fatalities) ext.fatalities = event.fatalities;
  if (event.injuries) ext.injuries = event.injuries;
  const first = event.evidence[0];
  const sentence = first ? text.slice(first.start, first.end).trim() : '';
  const where = loc ? ` in ${loc.name}` : '';
  const when = event.date ? ` on ${event.date}` : '';
  const speakers = attributions
    .filter((a) => event.evidence.some((e) => a.claim.start < e.end && e.start < a.claim.end))
    .map((a) => ({ source: a.source, anonymous: a.anonymous, start: a.start, end: a.end }));
  return {
    ...base('incident', ctx, event.evidence),
    name: toIncidentName(event.sub_event_type, where, when, sentence),
    ...(sentence ? { description: sentence.slice(0, 2000) } : {}),
    extensions: { [CONFLICT_EVENT_EXTENSION_ID]: { ...ext } },
    ...(speakers.length > 0 ? { x_tearline_attributions: speakers } : {}),
  };
}

/**
 * An incident's proposed name: its type, place and date; with neither place nor date, the type
 * and the start of its sentence, so that two such incidents are not both "Change to
 * group/activity".
 */
function toIncidentName(type: string, where: string, when: string, sentence: string): string {
  if (where || when || !sentence) return `${type}${where}${when}`.slice(0, 250);
  const words = sentence.split(/\s+/).slice(0, 12).join(' ');
  const gist = words.length < sentence.length ? `${words.replace(/[,;:.]$/, '')}…` : sentence;
  return `${type}: ${gist}`.slice(0, 250);
}

const STATE_FORCE = /\b(military|armed) forces\b|\b(army|police|navy|air force)\b/i;

/** A proposed `threat-actor` for a group named in the report. */
export function toThreatActorObject(
  name: string,
  aliases: readonly string[],
  evidence: readonly Span[],
  ctx: DraftContext,
): StixObject {
  const others = [...new Set(aliases.filter((a) => a.toLowerCase() !== name.toLowerCase()))];
  return {
    ...base('threat-actor', ctx, evidence),
    name,
    // A state's forces are a nation-state actor; every other armed group starts as terrorist
    // (threat-actor-type-ov) for the analyst to correct in review.
    threat_actor_types: [STATE_FORCE.test(name) ? 'nation-state' : 'terrorist'],
    ...(others.length > 0 ? { aliases: others } : {}),
  };
}

/** A proposed `identity` (a group of people) for the target of an event. */
export function toIdentityObject(
  name: string,
  evidence: readonly Span[],
  ctx: DraftContext,
): StixObject {
  return { ...base('identity', ctx, evidence), name, identity_class: 'group' };
}

/** A proposed `location`, or undefined when the place has neither a country nor coordinates (STIX 2.1 §4.9 needs one). */
export function toLocationObject(
  loc: NonNullable<ExtractedEvent['location']>,
  evidence: readonly Span[],
  ctx: DraftContext,
): StixObject | undefined {
  const point = typeof loc.lat === 'number' && typeof loc.lon === 'number';
  if (!loc.country && !point) return undefined;
  return {
    ...base('location', ctx, evidence),
    name: loc.name,
    ...(loc.country ? { country: loc.country } : {}),
    ...(loc.admin1 ? { administrative_area: loc.admin1 } : {}),
    ...(point ? { latitude: loc.lat, longitude: loc.lon } : {}),
  };
}

/** A proposed relationship between two proposed (or matched) objects. */
export function toRelationshipObject(
  relationshipType: 'attributed-to' | 'located-at' | 'targets' | 'related-to',
  sourceRef: string,
  targetRef: string,
  evidence: readonly Span[],
  ctx: DraftContext,
  description?: string,
): StixObject {
  return {
    ...base('relationship', ctx, evidence),
    relationship_type: relationshipType,
    source_ref: sourceRef,
    target_ref: targetRef,
    ...(description ? { description } : {}),
  };
}

/** The report's STIX timestamp from its `YYYY-MM-DD` publication day, else now. */
export function toPublished(published: string | undefined, clock: Clock): string {
  return published && /^\d{4}-\d{2}-\d{2}$/.test(published)
    ? `${published}T00:00:00.000Z`
    : toStixTimestamp(clock.now());
}
