import { findCueFeatures } from './cue-lexicon.js';
import { MONTH_NAMES } from '../../core/vocab/calendar.js';

// Words too common to carry a class on their own; they still take part in bigrams.
const STOP_WORDS = new Set(
  (
    'a an the of in on at to for by with from and or but as is was were are be been being has ' +
    'have had it its this that these those their they he she his her them there than then which ' +
    'who whom whose what when where while also said says say told according after before during ' +
    'into over about near up out off'
  ).split(' '),
);

/**
 * Reduces an English word to a crude stem so that "shelled", "shelling" and "shells" share
 * one feature; the same function runs at training and prediction time, so it need only be
 * consistent, not linguistically right.
 *
 * @example toStem('kidnappings') // 'kidnapp'
 */
export function toStem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * Lower-cased word tokens of a text, digits folded to `<num>`.
 *
 * @example toTokens('Gunmen killed 12 people') // ['gunmen', 'killed', '<num>', 'people']
 */
export function toTokens(text: string): string[] {
  const tokens = text.toLowerCase().match(/[a-z\u00c0-\u024f]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*/g);
  if (!tokens) return [];
  const out = tokens.map((t) => (/^\d/.test(t) ? '<num>' : t.replace('’', "'")));
  // A month in a date ("March 22", "in May") is not the verb "march" or the modal "may".
  for (let i = 0; i < out.length; i++) {
    if (!MONTHS.has(out[i] as string)) continue;
    const dated = out[i + 1] === '<num>' || out[i - 1] === '<num>';
    if (dated || (out[i] !== 'may' && DATE_PREPOSITIONS.has(out[i - 1] ?? ''))) out[i] = '<month>';
  }
  return out;
}

const MONTHS = new Set(MONTH_NAMES.map((m) => m.toLowerCase()));
const DATE_PREPOSITIONS = new Set(
  'in on since early late last of until by mid from this next'.split(' '),
);

/**
 * The model's features of a text: word stems (stop words left out), stem bigrams, and the
 * hand-written cue features of cue-lexicon.ts (`nonStateAt`: see findCueFeatures). Duplicates
 * are removed (binary features).
 *
 * @example toTextFeatures('Troops shelled the town') // ['w:troop', 'w:shell', 'w:town', 'b:troop_shell', ...]
 */
export function toTextFeatures(text: string, nonStateAt = -1): string[] {
  const tokens = toTokens(text);
  const stems = tokens.map(toStem);
  const features = new Set<string>();
  for (let i = 0; i < stems.length; i++) {
    const stem = stems[i] as string;
    if (!STOP_WORDS.has(tokens[i] as string)) features.add('w:' + stem);
    if (i + 1 < stems.length) features.add('b:' + stem + '_' + (stems[i + 1] as string));
  }
  for (const cue of findCueFeatures(text, nonStateAt)) features.add(cue);
  return [...features];
}
