import { branchAtHome } from '../entities/resolve-branches.js';
import type { ExtractedEvent } from '../extract-types.js';
import { ACTOR_RECORDS } from '../gazetteer/actor-records.js';

type EventActor = ExtractedEvent['actors'][number];

/**
 * When an incident's perpetrators include a group and its own branch ("the Islamic State
 * claimed it … ISIS-K carried it out"), the branch is who acted: the parent keeps its claim but
 * is no perpetrator of its own. A branch is a group whose name holds its parent's. A parent
 * acting outside its home countries is its one branch at home in the event's `country`.
 *
 * @example preferBranches([{ name: 'Islamic State', role: 'perpetrator' }, { name: 'Islamic State Khorasan Province', role: 'perpetrator' }])
 */
export function preferBranches(
  actors: readonly EventActor[],
  documentActors: readonly string[] = [],
  country?: string,
): EventActor[] {
  const perpetrators = actors.filter((a) => a.role === 'perpetrator').map((a) => a.name);
  const branchesOf = (parent: string, names: readonly string[]): string[] => [
    ...new Set(names.filter((n) => isBranchName(n, parent))),
  ];
  const out: EventActor[] = [];
  for (const a of actors) {
    if (a.role !== 'perpetrator') out.push(a);
    else if (branchesOf(a.name, perpetrators).length > 0) continue;
    else {
      // "The Islamic State claimed it … the attackers were linked to ISKP": the parent claims
      // for its branch; when the report names exactly one branch, that branch acted.
      const named = branchesOf(a.name, documentActors);
      const name = named.length === 1 ? named[0]! : (branchInCountry(a.name, country) ?? a.name);
      if (!out.some((o) => o.role === 'perpetrator' && o.name === name)) out.push({ ...a, name });
    }
  }
  return out;
}

/**
 * Whether `name` names a branch of `parent`: another group whose name holds the parent's
 * ("Islamic State Khorasan Province" of "Islamic State").
 *
 * @example isBranchName('Islamic State Khorasan Province', 'Islamic State') // true
 */
export function isBranchName(name: string, parent: string): boolean {
  return name !== parent && parent.length >= 3 && name.toLowerCase().includes(parent.toLowerCase());
}

/**
 * "The Islamic State claimed the attack in Bamiyan": the parent claims in the name of its
 * provinces, and ACLED codes the province that operates where the attack happened. Outside the
 * parent's own home countries, the one branch at home in the event's country is the actor, or
 * failing that the one branch whose external operations reach it.
 */
function branchInCountry(parent: string, country: string | undefined): string | undefined {
  if (!country) return undefined;
  const record = ACTOR_RECORDS.find((r) => r.canonical === parent);
  if (!record?.homeCountries || record.homeCountries.includes(country)) return undefined;
  const home = branchAtHome(parent, country);
  if (home) return home.canonical;
  // Where no branch is at home, the one branch that runs the parent's attacks there.
  const lower = parent.toLowerCase();
  const reaching = ACTOR_RECORDS.filter(
    (r) =>
      r.canonical !== parent &&
      r.canonical.toLowerCase().includes(lower) &&
      r.externalReach?.includes(country),
  );
  return reaching.length === 1 ? reaching[0]!.canonical : undefined;
}
