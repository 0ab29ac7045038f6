import type { Entity, OtherEntity } from '../extract-types.js';

// In diplomatic and official text a nationality before a body's noun names that body ("Turkish
// allies", "the Iraqi government", "Syrian Arab forces"), and "the Turks" or "the Iraqis" acting
// are their state: one organisation, not a nationality (issue 14, item 7).
const BODY_AFTER =
  /^(?:\s+Arab)?\s+(?:security\s+forces|forces|allies|government|authorities|officials|military|army|troops|partners|militias?|opposition|coalition|counterparts|leadership|delegation|ministry|parliament|police)\b/;
const PEOPLE_AS_STATE = /\b[Tt]he\s+$/;

/**
 * Rewrites nationality mentions that name a body into organisation mentions covering the body,
 * and joins a nationality to the armed group it qualifies ("the Kurdish YPG").
 *
 * @example joinNationalityBodies('Turkish allies met.', entities) // [{ type: 'organization', text: 'Turkish allies', … }]
 */
export function joinNationalityBodies(text: string, entities: readonly Entity[]): Entity[] {
  const out: Entity[] = [];
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    if (e.type !== 'nationality') {
      out.push(e);
      continue;
    }
    const next = entities[i + 1];
    const gap = next ? text.slice(e.end, next.start) : '';
    if (next && next.type === 'actor' && /^\s+$/.test(gap)) {
      // "the Kurdish YPG": the group, named with the people it stands for.
      out.push({ ...next, text: text.slice(e.start, next.end), start: e.start });
      i++;
      continue;
    }
    const body = BODY_AFTER.exec(text.slice(e.end, e.end + 40));
    const plural =
      /s$/.test(e.text) && PEOPLE_AS_STATE.test(text.slice(Math.max(0, e.start - 4), e.start));
    if (body && !(next && next.start < e.end + body[0].length)) {
      const org: OtherEntity = {
        type: 'organization',
        text: text.slice(e.start, e.end + body[0].length),
        start: e.start,
        end: e.end + body[0].length,
        canonical: text.slice(e.start, e.end + body[0].length),
      };
      out.push(org);
    } else if (plural) {
      out.push({
        type: 'organization',
        text: e.text,
        start: e.start,
        end: e.end,
        canonical: e.text,
      });
    } else out.push(e);
  }
  return out;
}
