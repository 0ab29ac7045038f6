import type { OtherEntity } from '../extract-types.js';
import type { PhraseIndex } from '../gazetteer/phrase-index.js';
import { createPhraseIndex } from '../gazetteer/phrase-index.js';
import type { DocumentContext } from './document-context.js';
import { isCapitalized } from './document-context.js';
import { withFinalStop } from './find-locations.js';

/**
 * Organisations that conflict news names without a head word: international bodies, state
 * agencies, military commands, news agencies and NGOs. `Canonical;Alias…`.
 */
const ORGANIZATION_ROWS: readonly string[] = [
  'United Nations;UN;U.N.;the UN',
  'UN Security Council;Security Council;UNSC',
  'UNICEF',
  'UNHCR',
  'World Health Organization;WHO',
  'World Food Programme;WFP',
  'OCHA',
  'UNAMA',
  'MINUSMA',
  'MONUSCO',
  'UNIFIL',
  'AMISOM',
  'ATMIS',
  'NATO',
  'European Union;EU',
  'African Union;AU',
  'ECOWAS',
  'Arab League',
  'Organisation of Islamic Cooperation;OIC',
  'Interpol',
  'Europol',
  'International Criminal Court;ICC',
  'International Committee of the Red Cross;ICRC;Red Cross',
  'Red Crescent',
  'Doctors Without Borders;MSF;Médecins Sans Frontières',
  'Amnesty International;Amnesty',
  'Human Rights Watch;HRW',
  'Reuters',
  'Associated Press;AP',
  'Agence France-Presse;AFP',
  'BBC',
  'CNN',
  'Al Jazeera;Al-Jazeera',
  'Al Arabiya',
  'TASS',
  'RIA Novosti',
  'Interfax',
  'Xinhua',
  'NPR',
  'Politico',
  'Bloomberg',
  'The New York Times;New York Times',
  'The Washington Post;Washington Post',
  'The Wall Street Journal;Wall Street Journal',
  'Amaq;Amaq News Agency',
  'SITE Intelligence Group;SITE',
  'Pentagon',
  'White House',
  'Kremlin',
  'State Department',
  'Department of Defense;DoD;Defense Department',
  'Department of State',
  'Department of Homeland Security;DHS',
  'Central Intelligence Agency;CIA',
  'Federal Bureau of Investigation;FBI',
  'National Security Agency;NSA',
  'FSB',
  'SVR',
  'GRU',
  'MI5',
  'MI6',
  'Inter-Services Intelligence;ISI',
  'National Directorate of Security;NDS',
  'General Directorate of Intelligence;GDI',
  'Mossad',
  'Shin Bet',
  'Congress',
  'U.S. Congress',
  'National Security Council;NSC',
  'U.S. Central Command;US Central Command;Central Command;CENTCOM;USCENTCOM',
  'U.S. Africa Command;AFRICOM',
  'U.S. Naval Forces Central Command;NAVCENT',
  'Combined Joint Task Force – Operation Inherent Resolve;Combined Joint Task Force-Operation Inherent Resolve;CJTF-OIR;Combined Joint Task Force',
  'Iraqi Security Forces;ISF',
  'Counter Terrorism Service;CTS',
  'Afghan National Defense and Security Forces;ANDSF',
  'Israel Defense Forces;IDF',
  'World Bank',
  'International Monetary Fund;IMF',
  'Taliban government',
];

let index: PhraseIndex<string> | undefined;

function getOrganizationIndex(): PhraseIndex<string> {
  if (!index) {
    index = createPhraseIndex<string>();
    for (const row of ORGANIZATION_ROWS) {
      const names = row.split(';');
      for (const name of names) index.add(name.replace(/^the /, ''), names[0]!);
    }
  }
  return index;
}

// Anchored on the keyword first (a leading capitalised-word pattern would be tried at every
// capital of the text), then read backwards and forwards.
// Numbered task forces and commands: "CTF 50", "Task Force 55", "JTF-Bravo".
const TASK_FORCE =
  /\b(?:C?J?TF|Combined\s+Task\s+Force|Joint\s+Task\s+Force|Task\s+Force)[- ]\d{1,4}\b/g;

const GOVERNMENT_WORD = /\b(?:government|administration|authorities|regime|cabinet|parliament)\b/g;
// "the Kurdistan regional government", "the Somali federal government": a level of government
// between the name and the noun.
const BEFORE =
  /(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){1,2}(?:(?:regional|provincial|federal|central|interim|transitional|caretaker|local|state|de\s+facto)\s+)?$/;
const OF_AFTER = /^\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?/;

/**
 * Finds organisations of the built-in list and governments ("the Iraqi government", "the
 * government of Iraq", "the Biden administration").
 *
 * @example findOrganizations(createDocumentContext('NATO met.'))[0]?.canonical // 'NATO'
 */
export function findOrganizations(context: DocumentContext): OtherEntity[] {
  const { pieces, text } = context;
  const orgs = getOrganizationIndex();
  const found: OtherEntity[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const match = orgs.matchAt(pieces, i, text);
    if (!match || !isCapitalized(pieces[i]!.raw)) continue;
    const start = pieces[i]!.start;
    const end = withFinalStop(text, pieces[match.to - 1]!.end);
    found.push({
      type: 'organization',
      text: text.slice(start, end),
      start,
      end,
      canonical: match.values[0]!,
    });
    i = match.to - 1;
  }
  for (const m of text.matchAll(TASK_FORCE)) {
    found.push({ type: 'organization', text: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const g of text.matchAll(GOVERNMENT_WORD)) {
    const before = BEFORE.exec(text.slice(Math.max(0, g.index - 48), g.index));
    const after =
      g[0] === 'government' ? OF_AFTER.exec(text.slice(g.index + g[0].length, g.index + 80)) : null;
    // "the government", "the authorities": a nominal mention of the state, kept as a speaker.
    if (!before && !after && !/\b[Tt]he\s+$/.test(text.slice(Math.max(0, g.index - 4), g.index)))
      continue;
    // "the administration of aid" is an activity, not a body.
    if (
      !after &&
      /^\s+of\s+[a-z]/.test(text.slice(g.index + g[0].length, g.index + g[0].length + 6))
    )
      continue;
    const start = before
      ? g.index - before[0].length
      : g.index -
        (/\b[Tt]he\s+$/.exec(text.slice(Math.max(0, g.index - 4), g.index))?.[0].length ?? 0);
    const end = g.index + g[0].length + (after ? after[0].length : 0);
    const m = { 0: text.slice(start, end), index: start };
    // Sentence-initial "The" and words like "Trump" are fine; "In the administration" is not.
    const words = m[0].replace(/^[Tt]he\s+/, '');
    if (/^(?:In|On|At|For|And|But|The|A|An|This|That|Its|Their|His|Her)\s/.test(words)) continue;
    found.push({ type: 'organization', text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}
