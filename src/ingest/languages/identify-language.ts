import { francAll } from 'franc';
import { detectLanguage } from '../readers/detect-language.js';

/** The languages the region's rules read, besides English. */
export type RegionLanguage = 'ru' | 'fa' | 'ps' | 'ar' | 'ur';

export const REGION_LANGUAGES: readonly RegionLanguage[] = ['ru', 'fa', 'ps', 'ar', 'ur'];

export interface LanguageId {
  /** ISO 639-1 code, or 'und' when the text is too short or mixed to say. */
  language: string;
  confidence: number;
}

// Letters only one of the Arabic-script languages writes (ADR 0021): they decide before any
// statistics, because a short Pashto or Urdu report scores close to Persian on n-grams.
const PASHTO_LETTERS = /[ټډړږښګڼېۍځڅ]/gu;
const URDU_LETTERS = /[ٹڈڑںےھۓ]/gu;
const PERSIAN_LETTERS = /[پچژگ]/gu;
// Arabic and Persian share the script; these two are written by Arabic only.
const ARABIC_ONLY = /[ةىأإ]|ال/gu;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const CYRILLIC = /[\u0400-\u04FF]/gu;
const LETTER = /\p{L}/gu;

const FRANC_TO_ISO: Record<string, RegionLanguage> = {
  pes: 'fa',
  prs: 'fa',
  pbu: 'ps',
  pbt: 'ps',
  urd: 'ur',
  arb: 'ar',
  rus: 'ru',
};

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/**
 * Identifies the language of a report among the region's (ru, fa, ps, ar, ur) and English:
 * the script first, then the letters only Pashto or Urdu write, then franc's trigram model
 * restricted to the Arabic-script languages. Latin text goes to the existing English guess.
 *
 * @example identifyLanguage('په کابل کې یو ځانمرګی برید وشو').language // 'ps'
 */
export function identifyLanguage(text: string): LanguageId {
  const sample = text.slice(0, 3000);
  const letters = count(sample, LETTER);
  if (letters === 0) return { language: 'und', confidence: 0 };
  const arabicScript = count(sample, ARABIC_SCRIPT) / letters;
  const cyrillic = count(sample, CYRILLIC) / letters;
  if (cyrillic > 0.3 && cyrillic >= arabicScript) return { language: 'ru', confidence: cyrillic };
  if (arabicScript <= 0.3) {
    const guess = detectLanguage(sample);
    return { language: guess.language, confidence: guess.confidence };
  }
  const pashto = count(sample, PASHTO_LETTERS);
  const urdu = count(sample, URDU_LETTERS);
  const scriptLetters = arabicScript * letters;
  // One or two of these letters can be a quoted name; a few per hundred letters are a language.
  if (pashto >= 2 && pashto / scriptLetters > 0.008 && pashto > urdu)
    return { language: 'ps', confidence: 0.9 };
  if (urdu >= 2 && urdu / scriptLetters > 0.008) return { language: 'ur', confidence: 0.9 };
  const persian = count(sample, PERSIAN_LETTERS);
  const arabic = count(sample, ARABIC_ONLY);
  if (letters >= 40) {
    const [best] = francAll(sample, {
      only: ['pes', 'prs', 'pbu', 'pbt', 'urd', 'arb'],
      minLength: 10,
    });
    const language = best ? FRANC_TO_ISO[best[0]] : undefined;
    // Arabic has none of the four Persian letters: franc's guess is overruled when it says
    // Arabic over a text full of them, or Persian over one with none and Arabic's own letters.
    if (language === 'ar' && persian >= 3) return { language: 'fa', confidence: 0.7 };
    if (language === 'fa' && persian === 0 && arabic >= 2)
      return { language: 'ar', confidence: 0.7 };
    if (language) return { language, confidence: best![1] };
  }
  return persian > 0 || arabic === 0
    ? { language: 'fa', confidence: 0.5 }
    : { language: 'ar', confidence: 0.5 };
}
