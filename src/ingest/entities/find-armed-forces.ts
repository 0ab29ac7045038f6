import type { ActorEntity } from '../extract-types.js';
import type { Country } from '../gazetteer/countries.js';
import { getCountries } from '../gazetteer/countries.js';
import type { PhraseIndex } from '../gazetteer/phrase-index.js';
import { createPhraseIndex } from '../gazetteer/phrase-index.js';
import type { DocumentContext } from './document-context.js';
import { gapBetween } from './document-context.js';

const MODIFIERS = new Set([
  'security',
  'armed',
  'government',
  'military',
  'special',
  'federal',
  'national',
  'army',
  'naval',
  'regime',
  'border',
  'elite',
  'allied',
  'partner',
  'ground',
  'counterterrorism',
  'counter',
  'terrorism',
  'paramilitary',
  'riot',
  'defense',
  'defence',
  'state',
  'coast',
  'air',
  'navy',
  'marine',
  'backed',
  'led',
  'and',
  'local',
  'provincial',
  'district',
]);
const HEADS: Record<string, 'military' | 'police'> = {
  forces: 'military',
  troops: 'military',
  soldiers: 'military',
  military: 'military',
  army: 'military',
  navy: 'military',
  marines: 'military',
  commandos: 'military',
  paratroopers: 'military',
  personnel: 'military',
  servicemembers: 'military',
  guards: 'military',
  warplanes: 'military',
  jets: 'military',
  aircraft: 'military',
  gendarmes: 'police',
  gendarmerie: 'police',
  police: 'police',
  policemen: 'police',
  militia: 'military',
};

let demonyms: PhraseIndex<Country> | undefined;

function getDemonymIndex(): PhraseIndex<Country> {
  if (!demonyms) {
    demonyms = createPhraseIndex<Country>();
    for (const c of getCountries()) {
      for (const d of c.demonyms) demonyms.add(d, c, { caseSensitive: true });
      for (const n of c.names) demonyms.add(n.replace(/^the /, ''), c, { caseSensitive: true });
    }
  }
  return demonyms;
}

/**
 * Finds state armed forces and police named by country ("Afghan security forces", "the Russian
 * military", "Nigerian troops", "U.S. service members"), canonical as ACLED names them
 * ("Military Forces of Afghanistan", "Police Forces of Nigeria").
 *
 * @example findStateForces(createDocumentContext('Nigerian troops fired.'))[0]?.canonical
 */
export function findStateForces(context: DocumentContext): ActorEntity[] {
  const { pieces, text } = context;
  const index = getDemonymIndex();
  const found: ActorEntity[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const match = index.matchAt(pieces, i, text);
    if (!match) continue;
    let j = match.to;
    let head: 'military' | 'police' | undefined;
    let end = -1;
    while (j < pieces.length && j - match.to < 5) {
      // "U.S. forces": the stop of a dotted acronym is part of the gap.
      const gap = gapBetween(context, j - 1, j).replace(/^\.(?=\s)/, '');
      if (!/^[\s-]{1,2}$/.test(gap)) break;
      const key = pieces[j]!.key;
      const kind = HEADS[key];
      if (kind) {
        head = kind;
        end = j;
        // "security forces" may be followed by more heads ("army and police") — stop at the first.
        if (key !== 'army' && key !== 'air' && key !== 'military') break;
      } else if (key === 'service' && pieces[j + 1]?.key === 'members') {
        head = 'military';
        end = j + 1;
        break;
      } else if (
        key === 'force' &&
        (pieces[j - 1]?.key === 'air' || pieces[j - 1]?.key === 'task')
      ) {
        head = 'military';
        end = j;
        break;
      } else if (!MODIFIERS.has(key)) break;
      j++;
    }
    if (!head || end < 0) continue;
    const country = match.values[0]!;
    const startPiece = pieces[i]!;
    const before = text.slice(Math.max(0, startPiece.start - 4), startPiece.start);
    const start = /\bthe $/i.test(before) ? startPiece.start - 4 : startPiece.start;
    const last = pieces[end]!;
    found.push({
      type: 'actor',
      text: text.slice(start, last.end),
      start,
      end: last.end,
      canonical: `${head === 'police' ? 'Police' : 'Military'} Forces of ${country.name}`,
    });
    i = end;
  }
  return found;
}

const COALITION =
  /\b(?:[Tt]he\s+)?(?:(?:[A-Z][\w.]*-led|international|global|military|multinational|Western|Arab|[Cc]ounter-[A-Z]\w+|[Aa]nti-[A-Z]\w+|\d+-(?:plus\s+)?nation)\s+){0,3}[Cc]oalition(?:\s+(?:military\s+forces|forces|partners|nations|aircraft|warplanes|troops|members|countries|force|military))?\b/g;

const GENERIC =
  /\b(?:(?:suspected|armed|unidentified|unknown|Islamist|jihadist|Islamic|separatist|rebel|heavily\s+armed|masked|alleged)\s+)?(?:militants|gunmen|gunman|insurgents|rebels|jihadists|terrorists|extremists|assailants|attackers|attacker|assailant|separatists|bandits|pirates|kidnappers|suicide\s+bombers?|bombers|militiamen|militias|armed\s+men|(?:militant|terrorist|armed|jihadist|extremist|insurgent|rebel|separatist|Islamist)\s+(?:groups?|organi[sz]ations?|outfits?|networks?|cells?|factions?))\b|\b[Tt]he\s+enemy\b/gi;

const UNNAMED_STATE =
  /\b(?:(?:[Tt]he\s+)?(?:security|government|pro-government|regime|state|army)\s+(?:forces|troops)|(?:[Tt]he\s+)?(?:military|army|police|soldiers|troops|policemen|service\s+members))\b/g;
/**
 * The same words opening a sentence, where their capital is the sentence's ("Security forces
 * killed…", "Police said…"); elsewhere a capital makes them part of a name ("Islamic State forces").
 */
const UNNAMED_STATE_OPENING =
  /(?:^|[.!?]["”’)]?\s+|\n\s*|\s[—–-]\s+)((?:Security|Government|Pro-government|Regime|Army)\s+(?:forces|troops)|(?:Military|Army|Police|Soldiers|Troops|Policemen))\b/g;

/**
 * Finds coalitions ("the U.S.-led coalition", "Coalition military forces"), generic armed
 * actors ("gunmen", "militants", "the enemy") and unnamed state forces ("security forces").
 *
 * @example findNominalActors('Gunmen attacked troops.').map((a) => a.canonical)
 */
export function findNominalActors(text: string): ActorEntity[] {
  const found: ActorEntity[] = [];
  for (const m of text.matchAll(COALITION)) {
    const led = /([A-Z][\w.]*)-led/.exec(m[0]);
    const canonical = led ? `${led[1]}-led coalition` : 'Coalition';
    found.push({
      type: 'actor',
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      canonical,
    });
  }
  for (const m of text.matchAll(GENERIC)) {
    found.push({
      type: 'actor',
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      canonical: 'Unidentified armed group',
    });
  }
  for (const m of text.matchAll(UNNAMED_STATE)) {
    const canonical = /police/i.test(m[0]) ? 'Police forces' : 'State forces';
    found.push({
      type: 'actor',
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      canonical,
    });
  }
  for (const m of text.matchAll(UNNAMED_STATE_OPENING)) {
    const words = m[1]!;
    const start = m.index + m[0].length - words.length;
    found.push({
      type: 'actor',
      text: words,
      start,
      end: start + words.length,
      canonical: /police/i.test(words) ? 'Police forces' : 'State forces',
    });
  }
  return found;
}
