// Free text repeats what the structured fields say: an incident named "Attack in Crocus City Hall,
// Krasnogorsk on 2024-03-22" gives away the venue and the day however well its coordinates and
// event_date were coarsened. These helpers rewrite the text a coarsening transform would otherwise
// leave behind: the place names the selection itself knows, and dates finer than the target.
// Phrases the selection does not know ("the concert hall near the capital") cannot be found this
// way; the preview shows the text, and `redact-span` / `redact-text` remove the rest.

import { MONTH_NAMES } from '../core/vocab/calendar.js';

export const PLACE_MARK = '[place withheld]';
export const DATE_MARK = '[date withheld]';

const MONTH = `(${MONTH_NAMES.join('|')}|${MONTH_NAMES.map((m) => m.slice(0, 3)).join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?(?:the\\s+)?';

/** "22 March 2024", "Friday, 22nd of March, 2024", "22 March" (year optional). */
const DAY_MONTH = new RegExp(
  `\\b${WEEKDAY}${DAY}(?:\\s+of)?\\s+${MONTH}(?:,?\\s+${YEAR})?\\b`,
  'gi',
);
/** "March 22, 2024", "March 22nd" (year optional). */
const MONTH_DAY = new RegExp(`\\b${WEEKDAY}${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?\\b`, 'gi');
/** ISO dates with or without a time: "2024-03-22", "2024-03-22T18:00:00Z". */
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/g;
/** Numeric day dates, whose day/month order is unknowable: "22/03/2024", "03.22.2024". */
const NUMERIC_DAY = /\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b/g;
/** "March 2024" — only finer than a year. */
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+${YEAR}\\b`, 'gi');

const HAS_DIGIT = /\d/;

function monthName(token: string): string {
  const prefix = token.replace('.', '').slice(0, 3).toLowerCase();
  return MONTH_NAMES.find((m) => m.toLowerCase().startsWith(prefix)) ?? token;
}

/**
 * Rewrites dates in free text to the given precision: days go, months stay for `month`; for
 * `year` only the year stays. A day without a year becomes its month (or the mark, for `year`).
 *
 * @example coarsenDatesInText('on 22 March 2024', 'month') // 'on March 2024'
 */
export function coarsenDatesInText(text: string, to: 'month' | 'year'): string {
  // Every pattern below needs a digit (a day or a year); most strings of a release (names,
  // vocabulary values, descriptions) have none, and are then left without running five scans.
  if (!HAS_DIGIT.test(text)) return text;
  const monthOrYear = (month: string, year: string | undefined): string => {
    if (to === 'year') return year ?? DATE_MARK;
    return year === undefined ? monthName(month) : `${monthName(month)} ${year}`;
  };
  let out = text.replace(ISO_DAY, (_all, y: string, m: string) =>
    to === 'year' ? y : `${y}-${m}`,
  );
  out = out.replace(NUMERIC_DAY, DATE_MARK);
  out = out.replace(DAY_MONTH, (_all, _d: string, m: string, y?: string) => monthOrYear(m, y));
  out = out.replace(MONTH_DAY, (_all, m: string, _d: string, y?: string) => monthOrYear(m, y));
  if (to === 'year') out = out.replace(MONTH_YEAR, (_all, _m: string, y: string) => y);
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A replacer of the given place names (whole words, any case, longest first), or undefined when
 * there is nothing to withhold.
 *
 * @example placeWithholder(['Krasnogorsk'])?.('near Krasnogorsk') // 'near [place withheld]'
 */
export function placeWithholder(names: readonly string[]): ((text: string) => string) | undefined {
  if (names.length === 0) return undefined;
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return (text) => text.replace(pattern, PLACE_MARK);
}
