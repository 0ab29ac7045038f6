import type { ActorEntity } from '../extract-types.js';
import type { DocumentContext } from './document-context.js';

// A name: capitalised words, with the particles Arabic and French names carry inside.
const NAME = String.raw`((?:al-|el-)?\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:of|the|for|and|al|wa|wal|fi|el|de|du|la|des|del|bin)\s+)*(?:al-|el-)?\p{Lu}[\p{L}\p{M}'’.-]*){0,6})`;
const CALLING = new RegExp(
  String.raw`\b(?:[Aa]n?|[Tt]he)\s+(?:(?:little-known|new|newly\s+formed|previously\s+unknown|shadowy|obscure|militant|jihadist|armed|separatist|Islamist)\s+)*(?:group|organi[sz]ation|outfit|movement|militia|faction|cell|network)\s+(?:calling\s+itself|that\s+calls\s+itself|known\s+as|named|called)\s+["“]?${NAME}`,
  'gu',
);
const CLAIMED = new RegExp(
  String.raw`(?:^|[^\p{L}])${NAME}["”]?\s+(?:has\s+|have\s+|had\s+|later\s+|quickly\s+|reportedly\s+|swiftly\s+)?(?:claimed|claims|claiming)\s+(?:responsibility|credit|the\s+(?:attack|bombing|killing|assault))`,
  'gu',
);
const CLAIMED_BY = new RegExp(
  String.raw`\b(?:responsibility\s+was\s+claimed\s+by|claimed\s+by|(?:fighters|militants)\s+of)\s+(?:the\s+)?["“]?${NAME}`,
  'gu',
);

const SENTENCE_END = /(?<=\p{Ll}{2})[.]\s+/u;

const NOT_A_GROUP =
  /^(?:The|A|An|It|He|She|They|We|No|Nobody|One|This|That|These|Those|Police|Officials?|Authorities|Reuters|AFP)$/;

/**
 * Finds armed groups the gazetteer does not know, from how the text introduces them: "a group
 * calling itself X", "X claimed responsibility", "militants of the X".
 *
 * @example findDiscoveredActors(createDocumentContext('The Tawhid Front claimed responsibility.'))
 */
export function findDiscoveredActors(context: DocumentContext): ActorEntity[] {
  const { text } = context;
  const found: ActorEntity[] = [];
  const push = (raw: string, rawIndex: number, side: 'first' | 'last'): void => {
    // A name never runs over a sentence's end ("… in Kabul. The Islamic State claimed …"): keep
    // the part next to the cue. "U.S." ends no sentence here (a lower-case word must end it).
    const parts = raw.split(SENTENCE_END);
    const name = side === 'first' ? parts[0]! : parts[parts.length - 1]!;
    const index = side === 'first' ? rawIndex : rawIndex + raw.length - name.length;
    const clean = name
      .replace(/[.'’-]+$/, '')
      .replace(/\s+(?:of|the|for|and|al|wa|wal|fi|el|de|du|la|des|del|bin)$/, '');
    if (!clean || NOT_A_GROUP.test(clean)) return;
    found.push({
      type: 'actor',
      text: clean,
      start: index,
      end: index + clean.length,
      canonical: clean,
    });
  };
  for (const m of text.matchAll(CALLING))
    push(m[1]!, m.index + m[0].length - m[1]!.length, 'first');
  for (const m of text.matchAll(CLAIMED)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const last = m[1]!.split(SENTENCE_END).pop()!;
    const name = last.replace(/^(?:The|the)\s+/, '');
    push(name, start + m[1]!.length - name.length, 'last');
  }
  for (const m of text.matchAll(CLAIMED_BY))
    push(m[1]!, m.index + m[0].length - m[1]!.length, 'first');
  return found;
}
