import type { Entity } from '../extract-types.js';

/**
 * An entity proposed by one finder, with the tier that decides overlaps: tier 0 (gazetteer
 * actors, dates) is never displaced; within a tier the longer span wins, then the lower tier.
 */
export type EntityCandidate = Entity & { tier: number };

/**
 * Picks non-overlapping entities from the candidates of all finders, sorted by start.
 *
 * @example resolveOverlaps([{ type: 'location', text: 'Khorasan', start: 3, end: 11, tier: 2 }])
 */
export function resolveOverlaps(candidates: readonly EntityCandidate[]): Entity[] {
  const order = [...candidates].sort(
    (a, b) =>
      (a.tier === 0 ? 0 : 1) - (b.tier === 0 ? 0 : 1) ||
      b.end - b.start - (a.end - a.start) ||
      a.tier - b.tier ||
      a.start - b.start,
  );
  const limit = candidates.reduce((n, c) => Math.max(n, c.end), 0);
  const taken = new Uint8Array(limit + 1);
  const chosen: Entity[] = [];
  for (const c of order) {
    if (c.end <= c.start) continue;
    let free = true;
    for (let k = c.start; k < c.end && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    const { tier: _tier, ...entity } = c;
    chosen.push(entity as Entity);
  }
  return chosen.sort((a, b) => a.start - b.start || a.end - b.end);
}
