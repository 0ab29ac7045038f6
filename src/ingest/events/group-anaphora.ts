import type { ActorEntity, Entity } from '../extract-types.js';
import { TARGET_BEFORE } from './event-cues.js';

// "Hours later, the group said one of its fighters carried out the attack": a claim often names
// its group only by "the group" or "it", pointing back at the group the report last told of as
// an actor. A group told of as a target ("attacked Taliban targets") or by its officials is no
// antecedent, nor are state forces and unnamed gunmen.

/** "the group", "the militant organisation", "the jihadist network" as a subject. */
const GROUP_WORDS =
  /\b(?:the|this)\s+(?:(?:militant|jihadist|extremist|terrorist|armed|insurgent|Islamist|rebel)\s+)?(?:group|organi[sz]ation|outfit|network|movement)\b/i;
/** A group named as a modifier of what was hit or of who spoke: "Taliban targets", "Taliban officials". */
const NOT_ACTING_AFTER =
  /^(?:['’]s)?\s+(?:targets?|officials?|government|authorities|spokes\w+|ministry|forces|checkpoints?|convoy|positions?|commanders?|governor|administration|police|leaders?)\b/i;
/** How far back the antecedent may be. */
const REACH = 1500;

/** True when `clause` names its subject only as "the group" (or the like). */
export function pointsBackAtGroup(clause: string): boolean {
  return GROUP_WORDS.test(clause);
}

/**
 * The named group that "the group" at `at` points back at: the nearest before it told as an
 * actor; undefined when none is within reach. `isNamed` tells a named group from state forces
 * and unnamed gunmen.
 *
 * @example antecedentGroup(text, entities, claimAt, isNamed)?.canonical // 'Islamic State Khorasan Province'
 */
export function antecedentGroup(
  text: string,
  entities: readonly Entity[],
  at: number,
  isNamed: (name: string) => boolean,
): ActorEntity | undefined {
  for (let i = entities.length - 1; i >= 0; i--) {
    const e = entities[i]!;
    if (e.end > at) continue;
    if (at - e.end > REACH) break;
    if (e.type !== 'actor' || !isNamed(e.canonical)) continue;
    if (TARGET_BEFORE.test(text.slice(Math.max(0, e.start - 30), e.start))) continue;
    if (NOT_ACTING_AFTER.test(text.slice(e.end, e.end + 30))) continue;
    return e;
  }
  return undefined;
}
