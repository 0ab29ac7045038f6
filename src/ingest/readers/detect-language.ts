/**
 * A small offline language guess, enough to tell English news from text the English extraction
 * rules must not be run on. Scripts decide first (Cyrillic, Arabic, CJK, …); Latin-script text is
 * scored by the share of each language's commonest function words.
 */
export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' when the text is too short or mixed to say. */
  language: string;
  /** Share of words (or letters, for scripts) that support the guess, 0–1. */
  confidence: number;
}

const SCRIPTS: Array<[string, RegExp]> = [
  ['ru', /[\u0400-\u04FF]/gu],
  ['ar', /[\u0600-\u06FF]/gu],
  ['fa', /[\u067E\u0686\u0698\u06AF\u06CC]/gu],
  ['zh', /[\u4E00-\u9FFF]/gu],
  ['ja', /[\u3040-\u30FF]/gu],
  ['ko', /[\uAC00-\uD7AF]/gu],
  ['he', /[\u0590-\u05FF]/gu],
  ['hi', /[\u0900-\u097F]/gu],
];

const FUNCTION_WORDS: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'was',
    'were',
    'said',
    'that',
    'for',
    'on',
    'with',
    'by',
    'is',
    'a',
  ],
  fr: [
    'le',
    'la',
    'les',
    'des',
    'et',
    'est',
    'dans',
    'une',
    'du',
    'que',
    'pour',
    'sur',
    'a',
    'été',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'ein',
    'eine',
    'mit',
    'den',
    'von',
    'wurde',
    'im',
  ],
  es: ['el', 'los', 'las', 'y', 'que', 'en', 'del', 'una', 'por', 'con', 'fue', 'para', 'se'],
  it: ['il', 'gli', 'che', 'di', 'della', 'una', 'per', 'con', 'sono', 'è', 'nel', 'stato'],
  pt: ['o', 'os', 'que', 'do', 'da', 'em', 'uma', 'para', 'com', 'não', 'foi', 'pelo'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'olarak', 'da', 'de', 'çok', 'gibi'],
};

/**
 * Guesses the language of a text.
 *
 * @example detectLanguage('The minister said on Monday that…').language // 'en'
 */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return { language: 'und', confidence: 0 };
  const scriptScores = SCRIPTS.map(
    ([lang, re]) => [lang, (sample.match(re)?.length ?? 0) / letters] as const,
  );
  const persian = scriptScores.find(([l]) => l === 'fa')![1];
  for (const [lang, share] of scriptScores) {
    if (lang === 'fa') continue;
    if (share > 0.3)
      return { language: lang === 'ar' && persian > 0.02 ? 'fa' : lang, confidence: share };
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 5) return { language: 'und', confidence: 0 };
  let best = { language: 'und', confidence: 0 };
  for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
    const set = new Set(list);
    const share = words.filter((w) => set.has(w)).length / words.length;
    if (share > best.confidence) best = { language: lang, confidence: share };
  }
  return best.confidence >= 0.08 ? best : { language: 'und', confidence: best.confidence };
}
