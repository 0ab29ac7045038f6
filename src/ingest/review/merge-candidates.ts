import type { StixObject } from '../../core/stix/stix-object.js';
import {
  CONFLICT_EVENT_EXTENSION_ID,
  type ConflictEventProperties,
} from '../../core/stix/conflict-event-extension.js';

/** An existing incident a proposed one may be the same attack as. */
export interface MergeCandidate {
  incident: StixObject;
  /** Days between the two dates (0 or 1). */
  dayGap: number;
  /** Kilometres between the two places, when both have coordinates. */
  distanceKm?: number;
  /** Names of the actors the existing incident is attributed to. */
  actors: string[];
}

/** How far apart two reports of one attack may place and date it. */
export const MERGE_MAX_DAYS = 1;
export const MERGE_MAX_KM = 50;

const ext = (o: StixObject): Partial<ConflictEventProperties> =>
  (o.extensions?.[CONFLICT_EVENT_EXTENSION_ID] ?? {}) as Partial<ConflictEventProperties>;

/**
 * Great-circle distance in kilometres (haversine, mean Earth radius 6,371 km).
 *
 * @example distanceKm(55.75, 37.62, 55.82, 37.39) // ≈ 16
 */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The existing incidents a proposed incident matches: dates within a day, places within 50 km (or
 * the same named place in the same country when either lacks coordinates), and the same actor or
 * no actor on either side. Nearest first. Incidents without a full date never match.
 *
 * @example findMergeCandidates(proposed, ['ISIS-K'], incidents, actorNamesOf)
 */
export function findMergeCandidates(
  proposed: StixObject,
  proposedActors: readonly string[],
  incidents: readonly StixObject[],
  actorNamesOf: (incidentId: string) => readonly string[],
): MergeCandidate[] {
  const p = ext(proposed);
  const pDay = toDay(p.event_date);
  if (pDay === undefined) return [];
  const mine = new Set(proposedActors.map((a) => a.toLowerCase()));
  const out: MergeCandidate[] = [];
  for (const incident of incidents) {
    if (incident.id === proposed.id || incident.revoked) continue;
    const e = ext(incident);
    const day = toDay(e.event_date);
    if (day === undefined || Math.abs(day - pDay) > MERGE_MAX_DAYS) continue;
    let km: number | undefined;
    if (
      typeof p.latitude === 'number' &&
      typeof p.longitude === 'number' &&
      typeof e.latitude === 'number' &&
      typeof e.longitude === 'number'
    ) {
      km = distanceKm(p.latitude, p.longitude, e.latitude, e.longitude);
      if (km > MERGE_MAX_KM) continue;
    } else if (
      !p.location_name ||
      !e.location_name ||
      p.location_name.toLowerCase() !== e.location_name.toLowerCase() ||
      (p.country ?? '') !== (e.country ?? '')
    ) {
      continue;
    }
    const theirs = actorNamesOf(incident.id);
    if (mine.size > 0 && theirs.length > 0 && !theirs.some((a) => mine.has(a.toLowerCase())))
      continue;
    out.push({
      incident,
      dayGap: Math.abs(day - pDay),
      ...(km === undefined ? {} : { distanceKm: Math.round(km * 10) / 10 }),
      actors: [...theirs],
    });
  }
  return out.sort((a, b) => a.dayGap - b.dayGap || (a.distanceKm ?? 0) - (b.distanceKm ?? 0));
}

function toDay(date: string | undefined): number | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}
