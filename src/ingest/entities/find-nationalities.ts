import type { OtherEntity } from '../extract-types.js';
import type { Country } from '../gazetteer/countries.js';
import { getCountries } from '../gazetteer/countries.js';
import type { PhraseIndex } from '../gazetteer/phrase-index.js';
import { createPhraseIndex } from '../gazetteer/phrase-index.js';
import type { DocumentContext } from './document-context.js';

let index: PhraseIndex<Country> | undefined;

/** Demonyms of the country table ("Afghan", "Iraqis"), matched in the case they are written. */
function getNationalityIndex(): PhraseIndex<Country> {
  if (!index) {
    index = createPhraseIndex<Country>();
    for (const c of getCountries()) {
      for (const d of c.demonyms) {
        // "U.S." as an adjective is read with the forces it qualifies, not as a nationality.
        if (d !== 'U.S.') index.add(d, c, { caseSensitive: true });
      }
    }
    for (const [name, code] of EXTRA)
      index.add(
        name,
        getCountries().find((c) => c.code === code)!,
        { caseSensitive: true },
      );
  }
  return index;
}

// Peoples and communities that news names like nationalities.
const EXTRA: ReadonlyArray<[string, string]> = [
  ['Kurdish', 'IQ'],
  ['Kurds', 'IQ'],
  ['Pashtun', 'AF'],
  ['Pashtuns', 'AF'],
  ['Baloch', 'PK'],
  ['Hazara', 'AF'],
  ['Hazaras', 'AF'],
  ['Tajiks', 'TJ'],
  ['Uyghur', 'CN'],
  ['Uyghurs', 'CN'],
  ['Rohingya', 'MM'],
  ['Yazidi', 'IQ'],
  ['Yazidis', 'IQ'],
  ['Chechen', 'RU'],
  ['Chechens', 'RU'],
  ['Tuareg', 'ML'],
  ['Fulani', 'NG'],
  ['Amhara', 'ET'],
  ['Tigrayan', 'ET'],
  ['Tigrayans', 'ET'],
  ['Oromo', 'ET'],
  ['Druze', 'LB'],
  ['Palestinians', 'PS'],
  ['English', 'GB'],
  ['Scottish', 'GB'],
  ['Welsh', 'GB'],
];

/**
 * Finds nationalities and peoples ("Afghan", "Iraqi", "Kurdish"); `canonical` is the country code.
 *
 * @example findNationalities(createDocumentContext('Afghan women'))[0]?.canonical // 'AF'
 */
export function findNationalities(context: DocumentContext): OtherEntity[] {
  const { pieces, text } = context;
  const idx = getNationalityIndex();
  const found: OtherEntity[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const match = idx.matchAt(pieces, i, text);
    if (!match) continue;
    const start = pieces[i]!.start;
    const end = pieces[match.to - 1]!.end;
    found.push({
      type: 'nationality',
      text: text.slice(start, end),
      start,
      end,
      canonical: match.values[0]!.code,
    });
    i = match.to - 1;
  }
  return found;
}
