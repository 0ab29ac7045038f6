import type { Entity } from '../extract-types.js';
import type { ActorRecord } from '../gazetteer/actor-record.js';
import { createDocumentContext } from './document-context.js';
import type { EntityCandidate } from './entity-candidate.js';
import { resolveOverlaps } from './entity-candidate.js';
import { findActors } from './find-actors.js';
import { findActorRecord } from '../gazetteer/find-actor-record.js';
import { findNominalActors, findStateForces } from './find-armed-forces.js';
import { findDates } from './find-dates.js';
import { findDiscoveredActors } from './find-discovered-actors.js';
import { findLocations } from './find-locations.js';
import { findNamedRuns } from './find-named-runs.js';
import { findNationalities } from './find-nationalities.js';
import { findOrganizations } from './find-organizations.js';
import { findQuantities } from './find-quantities.js';
import { findRolePeople } from './find-role-people.js';
import { findTitledPeople } from './find-titled-people.js';
import { findWeapons } from './find-weapons.js';
import { joinNationalityBodies } from './nationality-bodies.js';
import { resolveBranches } from './resolve-branches.js';
import { toStateSpeakers } from './state-speakers.js';

/** Options of {@link findEntities}. */
export interface FindEntitiesOptions {
  /** `YYYY-MM-DD`: the reference for relative dates; without it none resolves to a day. */
  published?: string;
  /** The store's actors, extending the built-in gazetteer. */
  knownActors?: readonly ActorRecord[];
}

const tiered = <T extends Entity>(entities: readonly T[], tier: number): EntityCandidate[] =>
  entities.map((e) => ({ ...e, tier }) as EntityCandidate);

/**
 * Finds every entity of a report — actors, organisations, people, places (geocoded offline),
 * nationalities, dates (resolved against `published`), quantities and weapons — as
 * non-overlapping spans sorted by start. A name the actor gazetteer knows is never also read as
 * a place ("Khorasan" in "Islamic State Khorasan Province").
 *
 * @example findEntities('ISIS-K attacked Moscow on March 22.', { published: '2024-06-10' })
 */
export function findEntities(text: string, options: FindEntitiesOptions = {}): Entity[] {
  const context = createDocumentContext(text, options.published);
  const sure: EntityCandidate[] = [
    ...tiered(
      resolveBranches(
        text,
        findActors(text, { context, knownActors: options.knownActors ?? [] }),
        options.knownActors,
      ),
      0,
    ),
    ...tiered(findDates(context), 0),
    ...tiered(findDiscoveredActors(context), 1),
    ...tiered(findStateForces(context), 1),
    ...tiered(findOrganizations(context), 1),
  ];
  const blocked = new Uint8Array(text.length + 1);
  for (const e of sure) blocked.fill(1, e.start, e.end);
  const named = findNamedRuns(context, blocked);
  const candidates: EntityCandidate[] = [
    ...sure,
    ...tiered(findRolePeople(text, [...sure, ...named]), 3),
    ...tiered(findTitledPeople(text), 3),
    ...tiered(findLocations(context, blocked, homeCountriesOf(sure, options.knownActors)), 2),
    // A surname alone ("Dayton said") was read as a person because the full name came first:
    // it outranks the town of the same name.
    ...named.map(
      (e) => ({ ...e, tier: e.type === 'person' && !/\s/.test(e.text) ? 1 : 3 }) as EntityCandidate,
    ),
    ...tiered(findNominalActors(text), 4),
    ...tiered(findWeapons(text), 4),
    ...tiered(findNationalities(context), 5),
    ...tiered(findQuantities(text), 6),
  ];
  return toStateSpeakers(text, joinNationalityBodies(text, resolveOverlaps(candidates)));
}

/** The home countries of the named groups among `entities`, once per group. */
function homeCountriesOf(
  entities: readonly Entity[],
  known: readonly ActorRecord[] = [],
): string[] {
  const groups = new Set<string>();
  for (const e of entities) if (e.type === 'actor') groups.add(e.canonical);
  return [...groups].flatMap(
    (g) => (findActorRecord(g) ?? known.find((r) => r.canonical === g))?.homeCountries ?? [],
  );
}
