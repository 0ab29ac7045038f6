/**
 * Text prepared for matching, with the way back: `offsets[i]` is the index in the original text
 * of the character at `i`, so a match found here is reported on the original (which is never
 * changed: stored text and evidence spans keep every diacritic, ZWNJ and bidi mark).
 */
export interface NormalisedText {
  text: string;
  offsets: number[];
}

// Characters dropped for matching: Arabic diacritics (harakat, superscript alef), tatweel, and
// the invisible controls (LRM/RLM, bidi embeddings, overrides and isolates, BOM).
const DROPPED =
  /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C]/u;

// One form per letter that writers spell several ways. Both the text and the lexicons go
// through this table, so a lexicon entry may be written with either variant.
const FOLD: Record<string, string> = {
  ي: 'ی',
  ى: 'ی',
  ې: 'ی',
  ۍ: 'ی',
  ێ: 'ی',
  ئ: 'ی',
  ك: 'ک',
  ة: 'ه',
  ۀ: 'ه',
  ۃ: 'ه',
  ہ: 'ه',
  ە: 'ه',
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ؤ: 'و',
  ё: 'е',
  Ё: 'е',
  '\u200C': ' ',
  '\u200D': '',
  '\u00A0': ' ',
};

function foldChar(ch: string): string {
  const folded = FOLD[ch];
  if (folded !== undefined) return folded;
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  if (code === 0x066c || code === 0x060c) return ','; // Arabic thousands separator and comma
  return ch.toLowerCase();
}

/**
 * Folds spelling variants for matching: Arabic-script letter variants (ي/ی/ې, ك/ک, ة/ه, hamza
 * seats), tatweel, diacritics, ZWNJ (read as a space), bidi controls, Eastern Arabic and Persian
 * digits, Russian ё, and case.
 *
 * @example normaliseForMatching('ده‌ها').text // 'ده ها'
 */
export function normaliseForMatching(text: string): NormalisedText {
  let out = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (DROPPED.test(ch)) continue;
    const folded = foldChar(ch);
    for (const c of folded) {
      out += c;
      offsets.push(i);
    }
  }
  offsets.push(text.length);
  return { text: out, offsets };
}

/** The original span of the normalised span [start, end). */
export function toOriginalSpan(
  normalised: NormalisedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const from = normalised.offsets[start]!;
  const to = end > start ? normalised.offsets[end - 1]! + 1 : from;
  return { start: from, end: to };
}

/** The lexicon form of a phrase: the same folding, spaces collapsed. */
export function normalisePhrase(phrase: string): string {
  return normaliseForMatching(phrase).text.replace(/\s+/g, ' ').trim();
}
