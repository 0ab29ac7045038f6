import type { StixObject } from '../../core/stix/stix-object.js';
import type { Span } from '../extract-types.js';
import { findActorRecord } from '../gazetteer/find-actor-record.js';
import type { DraftContext } from './draft-objects.js';
import { toIdentityObject } from './draft-objects.js';

/**
 * Police, armies and other forces of a state: ACLED separates them from rebels and militias,
 * and an analyst does not profile them as threat actors. Matched by the gazetteer's kind or by
 * the words that name a state's forces ("Afghan security forces", "German police").
 */
const STATE_FORCE_WORDS =
  /\b(?:police|policemen|army|armed forces|military|security forces|government forces|regime forces|state forces|troops|soldiers|navy|air force|national guard|gendarmerie|border guards?|coast guard|special forces|counter-?terrorism (?:police|forces|units?)|intelligence (?:service|agency)|Federal Security Service|FSB)\b/i;

/** The actor kind a state force's proposed object carries (`x_tearline_actor_kind`). */
export const STATE_FORCES_KIND = 'state-forces';

/**
 * Whether an actor named in a report is a state's forces rather than a threat actor.
 *
 * @example isStateForce('Afghan security forces') // true
 */
export function isStateForce(name: string): boolean {
  const record = findActorRecord(name);
  if (record) return record.kind === 'state-force';
  return STATE_FORCE_WORDS.test(name);
}

/** A proposed `identity` for a state's forces: an organisation of the state, not a threat actor. */
export function toStateForceObject(
  name: string,
  evidence: readonly Span[],
  ctx: DraftContext,
): StixObject {
  return {
    ...toIdentityObject(name, evidence, ctx),
    identity_class: 'organization',
    x_tearline_actor_kind: STATE_FORCES_KIND,
  };
}
