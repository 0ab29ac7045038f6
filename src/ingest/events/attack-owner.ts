import type { ActorEntity, Entity } from '../extract-types.js';
import { spansWithin } from '../text/spans-within.js';

// Whose attack word is it (issue 14, item 5)? In "Taliban officials said the Islamic State
// claimed the attack" the first group of the sentence speaks and the nearest group before the
// attack word claims it; in "the Taliban condemned the bombing" the group only takes a stance.
// A group is the perpetrator an attack word after it names only when no other named group
// stands between them and no word of stance links them ("said" is not one: "X said its fighters
// fired …" is a claim).
const STANCE =
  /\b(?:condemned|condemns|denounced|denied|denies|blamed|blames|accused|accuses|rejected|mourned|deplored|criticized|criticised|called|described|dismissed|disowned|distanced|insisted|warned|urged|vowed\s+to\s+(?:avenge|punish|hunt)|investigat\w*|responded\s+to|reacted\s+to)\b/i;

/** Groups joined in one subject: "X and Y", "X, Y and Z". */
const JOINED = /^\s*(?:,|and|,\s*and)\s+(?:the\s+)?$/i;
/** A verb of reporting whose complement has a subject of its own. */
const SPEECH =
  /\b(?:said|says|told|reported|announced|confirmed|stated|added|alleged|reports|tweeted|posted)\b/i;
/** The reported act's subject is the speaker itself. */
const SELF = /\b(?:it|its|they|their|we|our|the\s+(?:group|movement|organi[sz]ation))\b/i;

/**
 * True when the attack word at `attackAt` belongs to another group than `entity`, or `entity`
 * only speaks about the attack. `inUnits` is in document order.
 *
 * @example isOtherGroupsAttack(text, taliban, at, entities) // true for "Taliban officials said X claimed the attack"
 */
export function isOtherGroupsAttack(
  text: string,
  entity: ActorEntity,
  attackAt: number,
  inUnits: readonly Entity[],
): boolean {
  const between = text.slice(entity.end, attackAt);
  if (STANCE.test(between)) return true;
  // "Taliban officials said gunmen attacked …", "Hezbollah said an Israeli drone strike killed
  // two of its fighters": the group reports an act whose own subject is someone else. It claims
  // the act only when the subject points back at it ("said its fighters attacked").
  const speech = SPEECH.exec(between);
  if (speech && !SELF.test(between.slice(speech.index + speech[0].length))) return true;
  // "Boko Haram and ISWAP fighters clashed": groups joined in one subject share its verb.
  // Only the groups between the two count: found by binary search, since an incident that sums
  // up a long report holds thousands of groups and this is asked once per group.
  let joinedEnd = entity.end;
  return spansWithin(inUnits, entity.end, attackAt).some((o) => {
    if (o.type !== 'actor') return false;
    if (JOINED.test(text.slice(joinedEnd, o.start))) {
      joinedEnd = o.end;
      return false;
    }
    return (
      o.canonical !== entity.canonical &&
      // "the Islamic State militant group launched …": a description of the same group.
      o.canonical !== 'Unidentified armed group'
    );
  });
}
