/**
 * What a recogniser found in a piece of free text. Offsets are UTF-16 code units into the text
 * given, `end` exclusive.
 *
 * - `person`: a person's name (titles not included where the recogniser can tell them apart).
 * - `place`: a place name, with what the recogniser resolved it to (`level`: how fine it is).
 * - `date`: a date expression, with its resolved value (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
 * - `attribution`: the words naming who said something ("a provincial official").
 * - `named`: a name that is known not to be a person or a place (an armed group, an
 *   organisation): residual scans must not report it as a person-like name.
 */
export type ProseSpan =
  | { kind: 'person' | 'attribution' | 'named'; start: number; end: number }
  | {
      kind: 'place';
      start: number;
      end: number;
      level?: 'city' | 'admin1' | 'country' | 'region';
      /** ISO 3166-1 alpha-2. */
      country?: string;
      admin1?: string;
    }
  | { kind: 'date'; start: number; end: number; value?: string };

/**
 * The extractor's recognisers as the sharing policy reaches them: the composition roots (server,
 * CLI) wire the ingest adapter, so that sharing imports only core.
 */
export interface ProseRecognisers {
  /**
   * Every person, place, date, attribution and known non-person name in `text`, in any order.
   * `published` (`YYYY-MM-DD`) resolves relative dates ("last Tuesday").
   */
  find(text: string, options?: { published?: string }): ProseSpan[];
  /** Whether a word (any case) is a common English word rather than a name ("gunmen", "said"). */
  isCommonWord(word: string): boolean;
}
