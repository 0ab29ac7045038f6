import type { Entity, OtherEntity } from '../extract-types.js';

const ROLE =
  /\b(?:[Tt]he|[Aa]n?)\s+(?:(?:deputy|vice|former|acting|top|senior|local)\s+)?(?:(?:[A-Z][\w.-]*\s+){0,3})?(?:(?:deputy|vice|former|acting|top|senior|chief|local|military|intelligence|government|security|police|army)\s+)?(?:secretary|prime\s+minister|president|minister|commander|commanding\s+general|spokesman|spokeswoman|spokesperson|ambassador|governor|general|soldier|service\s+member|sailor|marine|airman|pilot|official|officer|envoy|mayor|chief)\b(?!\s+(?:of|for)\b)/g;
const FOLLOWING_ROLE =
  /^\s+(?:commander|spokesman|spokeswoman|spokesperson|chief|leader|commanding\s+general|director)\b/;

/**
 * Finds people named by their role ("the secretary", "a former U.S. official", "the CJTF-OIR
 * spokesperson") and joins an organisation to the role that follows it ("Central Command
 * spokesman"), so that speakers without a name are still people.
 *
 * @example findRolePeople('The secretary said so.', [])[0]?.text // 'The secretary'
 */
export function findRolePeople(text: string, organizations: readonly Entity[]): OtherEntity[] {
  const found: OtherEntity[] = [];
  for (const m of text.matchAll(ROLE)) {
    found.push({ type: 'person', text: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const org of organizations) {
    if (org.type !== 'organization' && org.type !== 'actor') continue;
    const role = FOLLOWING_ROLE.exec(text.slice(org.end, org.end + 24));
    if (!role) continue;
    const end = org.end + role[0].length;
    found.push({ type: 'person', text: text.slice(org.start, end), start: org.start, end });
  }
  return found;
}
