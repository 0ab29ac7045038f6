import type { ActorRecord } from './actor-record.js';
import { ACTOR_RECORDS } from './actor-records.js';

let byCanonical: Map<string, ActorRecord> | undefined;

/**
 * The gazetteer's record of a group by its canonical name (case-insensitive), so that a new
 * threat-actor carries every alias the gazetteer knows, not only the ones one report used.
 *
 * @example findActorRecord('Islamic State Khorasan Province')?.aliases // ['ISIS-K', 'ISKP', …]
 */
export function findActorRecord(canonical: string): ActorRecord | undefined {
  byCanonical ??= new Map(ACTOR_RECORDS.map((r) => [r.canonical.toLowerCase(), r]));
  return byCanonical.get(canonical.toLowerCase());
}
