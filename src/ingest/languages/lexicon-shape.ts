/**
 * The shape of a language's lexicon file (`lexicons/<code>.json`; documented for native speakers
 * in `lexicons/README.md`). Every phrase is matched after the folding of `normalise.ts`, at the
 * start of a word; `suffix_letters` letters of inflection may follow each word, and one of
 * `prefixes` may be glued before the first (Arabic و/ب/ال…). A phrase written with a leading `=`
 * is matched as a whole word only.
 */
export interface LexiconFile {
  language: string;
  name: string;
  suffix_letters: number;
  prefixes: string[];
  /** ACLED sub-event type → the words that report it. */
  events: Record<string, string[]>;
  claim: string[];
  thwarted: string[];
  threatened: string[];
  killed: string[];
  injured: string[];
  /** "at least": the number after it is a lower bound. */
  at_least: string[];
  /** "more than": the number after it, plus one, is a lower bound. */
  more_than: string[];
  /** The same, written after the number (Urdu "20 سے زائد", Pashto "له ۲۰ ډېر"). */
  more_than_after?: string[];
  /** "at least" written after the number (Arabic "10 على الأقل"). */
  at_least_after?: string[];
  /** Number words (whole words only). */
  numbers: Record<string, number>;
  /** Vague amounts with ACLED's reading ("dozens" = 12 to 99). */
  vague: Record<string, { min: number; max?: number }>;
  /** Words that introduce the source of a statement ("according to"): the source follows. */
  attribution_before: string[];
  /** Verbs of saying: the source precedes them (or follows, in Russian word order). */
  attribution_verbs: string[];
  /** Unnamed sources ("a source", "officials"): their attribution is anonymous. */
  anonymous_sources: string[];
  /** Month names by calendar: gregorian, solar_hijri (Iranian and Afghan names), hijri. */
  months: Partial<Record<CalendarName, Record<string, number>>>;
  /** Weekday names, 0 = Sunday … 6 = Saturday. */
  weekdays: Record<string, number>;
  /** Days relative to publication ("yesterday" = -1). */
  relative_days: Record<string, number>;
}

export type CalendarName = 'gregorian' | 'solar_hijri' | 'hijri';

/** A group's names as the region's press writes them (`lexicons/actors.json`). */
export interface ActorNames {
  /** The gazetteer's canonical English name: the identity every script resolves to. */
  canonical: string;
  state_force?: boolean;
  /** ISO code of a country the group governs (the Taliban): it arrests and foils as the state. */
  governs?: string;
  names: string[];
}

/** A place's names in the region's scripts (`lexicons/places.json`). */
export interface PlaceNames {
  /** The English gazetteer name the place resolves through (same identity, same coordinates). */
  name: string;
  country: string;
  /** `city` when a province shares the name and the town is meant. */
  kind?: 'city';
  names: string[];
}
