import { readFileSync } from 'node:fs';
import type { RegionLanguage } from './identify-language.js';
import type { ActorNames, CalendarName, LexiconFile, PlaceNames } from './lexicon-shape.js';
import type { PhraseEntry, PhraseMatcher } from './phrase-matcher.js';
import { createPhraseMatcher } from './phrase-matcher.js';

/** What a phrase found in a report stands for. */
export type Cue =
  | { kind: 'event'; subEventType: string }
  | { kind: 'claim' | 'thwarted' | 'threatened' | 'killed' | 'injured' }
  | { kind: 'at-least' | 'more-than' | 'more-than-after' | 'at-least-after' }
  | { kind: 'number'; min: number; max?: number; vague: boolean }
  | { kind: 'attribution-before' | 'attribution-verb' | 'anonymous' }
  | { kind: 'month'; calendar: CalendarName; month: number }
  | { kind: 'weekday'; weekday: number }
  | { kind: 'relative-day'; days: number }
  | { kind: 'actor'; actor: ActorNames }
  | { kind: 'place'; place: PlaceNames };

// Data files next to this module, read once: native speakers edit them without touching code.
function readLexicon<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./lexicons/${file}`, import.meta.url), 'utf8')) as T;
}

const FILES: Record<RegionLanguage, LexiconFile> = {
  ru: readLexicon('ru.json'),
  fa: readLexicon('fa.json'),
  ps: readLexicon('ps.json'),
  ar: readLexicon('ar.json'),
  ur: readLexicon('ur.json'),
};

export const ACTOR_NAMES: readonly ActorNames[] = readLexicon('actors.json');
export const PLACE_NAMES: readonly PlaceNames[] = readLexicon('places.json');

/** The lexicon file of a language, as written (for tests and the lexicon's documentation). */
export function getLexiconFile(language: RegionLanguage): LexiconFile {
  return FILES[language];
}

function toEntries(lex: LexiconFile): Array<PhraseEntry<Cue>> {
  const out: Array<PhraseEntry<Cue>> = [];
  const add = (phrases: readonly string[] | undefined, cue: Cue) => {
    for (const phrase of phrases ?? []) out.push({ phrase, value: cue });
  };
  for (const [subEventType, phrases] of Object.entries(lex.events))
    add(phrases, { kind: 'event', subEventType });
  add(lex.claim, { kind: 'claim' });
  add(lex.thwarted, { kind: 'thwarted' });
  add(lex.threatened, { kind: 'threatened' });
  add(lex.killed, { kind: 'killed' });
  add(lex.injured, { kind: 'injured' });
  add(lex.at_least, { kind: 'at-least' });
  add(lex.more_than, { kind: 'more-than' });
  add(lex.more_than_after, { kind: 'more-than-after' });
  add(lex.at_least_after, { kind: 'at-least-after' });
  add(lex.attribution_before, { kind: 'attribution-before' });
  add(lex.attribution_verbs, { kind: 'attribution-verb' });
  add(lex.anonymous_sources, { kind: 'anonymous' });
  // Numbers are whole words: "пять" must not be found in "пятница".
  for (const [word, value] of Object.entries(lex.numbers))
    out.push({
      phrase: word.startsWith('=') ? word : `=${word}`,
      value: { kind: 'number', min: value, max: value, vague: false },
    });
  for (const [word, range] of Object.entries(lex.vague))
    out.push({ phrase: word, value: { kind: 'number', ...range, vague: true } });
  for (const [calendar, months] of Object.entries(lex.months) as Array<
    [CalendarName, Record<string, number>]
  >)
    for (const [word, month] of Object.entries(months))
      out.push({ phrase: word, value: { kind: 'month', calendar, month } });
  for (const [word, weekday] of Object.entries(lex.weekdays))
    out.push({ phrase: word, value: { kind: 'weekday', weekday } });
  for (const [word, days] of Object.entries(lex.relative_days))
    out.push({ phrase: word, value: { kind: 'relative-day', days } });
  // Every script's names of groups and places: a Dari report may spell a place the Pashto way,
  // and a Russian one quote a group's Arabic name.
  for (const actor of ACTOR_NAMES) add(actor.names, { kind: 'actor', actor });
  for (const place of PLACE_NAMES) add(place.names, { kind: 'place', place });
  return out;
}

const matchers = new Map<RegionLanguage, PhraseMatcher<Cue>>();

/** The compiled matcher of a language's lexicon, built on first use. */
export function getCueMatcher(language: RegionLanguage): PhraseMatcher<Cue> {
  let matcher = matchers.get(language);
  if (!matcher) {
    const lex = FILES[language];
    matcher = createPhraseMatcher(toEntries(lex), {
      suffixLetters: lex.suffix_letters,
      prefixes: lex.prefixes,
      stemRussian: language === 'ru',
    });
    matchers.set(language, matcher);
  }
  return matcher;
}
