import type { Span } from '../extract-types.js';
import { isTitleCaseLine } from '../text/title-case.js';

const NAME = "[\\p{Lu}][\\p{L}'’.-]*";
const KIND_AFTER =
  'Street|St\\.?|Road|Rd\\.|Avenue|Ave\\.|Boulevard|Square|Bridge|Market|Bazaar|Airfield|Air Base|Airport|Base|Hotel|Mosque|Church|Cathedral|Temple|Synagogue|Shrine|Stadium|Arena|Hall|Hospital|University|College|School|Station|Terminal|Mall|Centre|Center|Café|Cafe|Restaurant|Building|Embassy|Consulate|Palace|Prison|Checkpoint|Barracks|Compound|Plaza|Park|Port|Harbour|Harbor|Theatre|Theater|Club|Parliament|Ministry';
const KIND_BEFORE =
  'Rue|Calle|Via|Avenida|Place|Plaza|Boulevard|Camp|Fort|Cafetería|Café|Hotel|Mount|Lake|Port';

/** A named street, building or site: "Oxford Street", "Camp Shorabak", "Crocus City Hall". */
const FACILITY = new RegExp(
  `(?:\\b(?:${KIND_BEFORE})(?:\\s+(?:de|del|la|le|du|al|el))?(?:\\s+${NAME}){1,3}|(?:${NAME}\\s+){1,3}(?:${KIND_AFTER}))(?![\\p{L}])`,
  'gu',
);

/** A named site found in a span. */
export interface Facility extends Span {
  text: string;
}

/**
 * Finds named streets, buildings and sites in a span of text, where news places an attack more
 * precisely than its town ("a bomb went off on Oxford Street").
 *
 * @example findFacilities('A bomb hit Camp Bastion at dawn.', { start: 0, end: 32 })[0]?.text // 'Camp Bastion'
 */
export function findFacilities(text: string, span: Span): Facility[] {
  const s = text.slice(span.start, span.end);
  const out: Facility[] = [];
  FACILITY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FACILITY.exec(s)) !== null) {
    let name = m[0];
    let at = m.index;
    // A title-case headline capitalises its verbs too: "Fighters Attack Base" is no site's name.
    if (isTitleCaseLine(text, span.start + at)) continue;
    // A sentence opens with a capital: "The Taj Hotel" is "Taj Hotel".
    const lead = /^(?:The|A|An|At|In|On|Near|Outside|Inside|From|To)\s+/.exec(name);
    if (lead) {
      name = name.slice(lead[0].length);
      at += lead[0].length;
    }
    // "Moscow’s Crocus City Hall": the owner is the town, the site is what follows.
    const owner = /^.*['’]s\s+/u.exec(name);
    if (owner) {
      name = name.slice(owner[0].length);
      at += owner[0].length;
    }
    if (name.split(/\s+/).length < 2) continue;
    out.push({ text: name, start: span.start + at, end: span.start + at + name.length });
  }
  return out;
}
