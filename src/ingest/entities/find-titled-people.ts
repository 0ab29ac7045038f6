import type { OtherEntity } from '../extract-types.js';

// Official titles introduce people (issue 14, item 7): "Acting Director Paul Brennan", "U.S.
// Special Envoy for Syria James Jeffrey", "Secretary of State Antony Blinken", "U.N. Special
// Rapporteur Fionnuala Ni Aolain". The name after the title is a person, and the state or body
// written before the title ("U.S.", "U.N.") belongs to the title, not to a place. The named-run
// finder misses these when the title carries words of its own ("of State", "Acting") or a
// qualifier after it ("to Afghanistan").
const OWNER = String.raw`(?:(?:U\.S\.|US|U\.K\.|UK|U\.N\.|UN|EU|NATO|AU|[A-Z][a-z]+(?:an|ian|ese|ish|i|ic))\s+)?`;
const MODIFIER = String.raw`(?:(?:Acting|Deputy|Vice|Under|Assistant|Special|Senior|Chief|Principal|Former|Interim|Foreign|Defen[cs]e|Interior|Finance|Justice|Prime|Executive|Permanent|Lead|Top|Regional|Associate|National|Security|Intelligence|Military|Presidential|High)\s+)*`;
const HEAD = String.raw`(?:Secretary-General|Secretary|Under-?[Ss]ecretary|Minister|Envoy|Representative|Rapporteur|Director|Director-General|Ambassador|Coordinator|Commissioner|Administrator|Advis[eo]r|Counsel(?:l?or)?|Chairman|Chairwoman|Chairperson|Chair|President|Spokesperson|Spokesman|Spokeswoman|Commander|Negotiator|Mediator|Delegate|Consul|Attaché|Attorney General|Governor|Mayor|Prosecutor|Inspector General)`;
const QUALIFIER = String.raw`(?:\s+(?:of|for|to|on|at)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}?[A-Z][\w.'’-]*)?`;
const NAME_WORD = String.raw`(?:[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?|[A-Z]\.|(?:al|el|bin|ibn|de|van|von|Ni|Ó|O’|O')-?\s*[A-Z][a-z'’]+)`;
const TITLED = new RegExp(
  String.raw`\b${OWNER}${MODIFIER}${HEAD}${QUALIFIER}[\s\u200e\u200f]*,?[\s\u200e\u200f]+(${NAME_WORD}(?:\s+${NAME_WORD}){1,3})(?![\w'’-])`,
  'g',
);
// Words that can be capitalised after a title without being a name.
const NOT_NAME =
  /^(?:The|A|An|On|In|At|For|And|But|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Said|Says)\b/;

/**
 * Finds people introduced by an official title, as one span with the title and its owner.
 *
 * @example findTitledPeople('Acting Director Paul Brennan spoke.')[0]?.text // 'Acting Director Paul Brennan'
 */
export function findTitledPeople(text: string): OtherEntity[] {
  const found: OtherEntity[] = [];
  for (const m of text.matchAll(TITLED)) {
    const name = m[1]!;
    if (NOT_NAME.test(name)) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    found.push({ type: 'person', text: text.slice(start, end), start, end });
  }
  return found;
}
