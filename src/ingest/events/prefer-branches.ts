import type { ExtractedEvent } from '../extract-types.js';

type EventActor = ExtractedEvent['actors'][number];

/**
 * When an incident's perpetrators include a group and its own branch ("the Islamic State
 * claimed it … ISIS-K carried it out"), the branch is who acted: the parent keeps its claim but
 * is no perpetrator of its own. A branch is a group whose name holds its parent's.
 *
 * @example preferBranches([{ name: 'Islamic State', role: 'perpetrator' }, { name: 'Islamic State Khorasan Province', role: 'perpetrator' }])
 */
export function preferBranches(actors: readonly EventActor[]): EventActor[] {
  const perpetrators = actors.filter((a) => a.role === 'perpetrator').map((a) => a.name);
  const hasBranch = (parent: string): boolean =>
    perpetrators.some(
      (n) => n !== parent && n.toLowerCase().includes(parent.toLowerCase()) && parent.length >= 3,
    );
  return actors.filter((a) => a.role !== 'perpetrator' || !hasBranch(a.name));
}
