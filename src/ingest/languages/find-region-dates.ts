import type { TimePrecision } from '../../core/stix/conflict-event-extension.js';
import { addDays, lastWeekday, toGregorianDay } from './calendars.js';
import type { Cue } from './load-lexicon.js';
import type { PhraseMatch } from './phrase-matcher.js';

/** A date read from a report, on the normalised text. */
export interface RegionDate {
  start: number;
  end: number;
  value?: string;
  time_precision?: TimePrecision;
}

const DAY_BEFORE = /(\d{1,2})(?:\s*-?\s*(?:го|ое|ом|م|ام|ام))?\s*$/u;
const YEAR_AFTER = /^\s*(?:ماه\s*)?(?:سال\s*)?(\d{4})(?!\d)/u;
// Pashto writes the year first and the day after the month: "د ۲۰۲۴ کال د جنوري په ۳ مه".
const DAY_AFTER = /^\s*(?:په\s*(\d{1,2})(?!\d)(?:\s*(?:مه|نیټه))?|(\d{1,2})\s*(?:مه|نیټه))/u;
const YEAR_BEFORE = /(\d{4})\s*(?:کال|سال)\s*(?:د\s*)?$/u;
const NUMERIC_DMY = /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/gu;
const NUMERIC_YMD = /(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)/gu;

/**
 * The dates of a report: "22 марта 2024", "۲ حمل ۱۴۰۳" (Afghan months), "۳ فروردین" (the year of
 * publication), "12 رمضان 1445", numeric dates (a year below 1500 is Solar Hijri), weekdays and
 * "yesterday" against the publication day.
 *
 * @example findRegionDates('22 марта 2024', matches, '2024-03-23')[0]?.value // '2024-03-22'
 */
export function findRegionDates(
  text: string,
  matches: ReadonlyArray<PhraseMatch<Cue>>,
  published: string | undefined,
): RegionDate[] {
  const dates: RegionDate[] = [];
  for (const m of matches) {
    const cue = m.value;
    if (cue.kind === 'month') {
      const before = DAY_BEFORE.exec(text.slice(Math.max(0, m.start - 8), m.start));
      const dayAfter = before ? null : DAY_AFTER.exec(text.slice(m.end, m.end + 16));
      const after = dayAfter ? null : YEAR_AFTER.exec(text.slice(m.end, m.end + 16));
      const yearBefore = after
        ? null
        : YEAR_BEFORE.exec(text.slice(Math.max(0, m.start - 20), m.start));
      const dayText = before?.[1] ?? dayAfter?.[1] ?? dayAfter?.[2];
      const day = dayText ? Number(dayText) : undefined;
      const yearText = after?.[1] ?? yearBefore?.[1];
      const year = yearText ? Number(yearText) : undefined;
      // A bare Hijri or Afghan month name ("رجب", "حمل") is a word far more often than a date.
      if (day === undefined && (cue.calendar !== 'gregorian' || year === undefined)) continue;
      const value = toGregorianDay(cue.calendar, year, cue.month, day, published);
      dates.push({
        start: m.start - (before?.[0].length ?? yearBefore?.[0].length ?? 0),
        end: m.end + (after?.[0].length ?? dayAfter?.[0].length ?? 0),
        ...(value ? { value, time_precision: value.length === 10 ? 1 : 3 } : {}),
      });
    } else if (cue.kind === 'weekday' || cue.kind === 'relative-day') {
      const value = published
        ? cue.kind === 'weekday'
          ? lastWeekday(published, cue.weekday)
          : addDays(published, cue.days)
        : undefined;
      dates.push({ start: m.start, end: m.end, ...(value ? { value, time_precision: 1 } : {}) });
    }
  }
  for (const m of text.matchAll(NUMERIC_DMY)) {
    const value = toGregorianDay('gregorian', Number(m[3]), Number(m[2]), Number(m[1]));
    if (value) dates.push({ start: m.index, end: m.index + m[0].length, value, time_precision: 1 });
  }
  for (const m of text.matchAll(NUMERIC_YMD)) {
    const year = Number(m[1]);
    const calendar = year < 1500 ? 'solar_hijri' : 'gregorian';
    const value = toGregorianDay(calendar, year, Number(m[2]), Number(m[3]));
    if (value) dates.push({ start: m.index, end: m.index + m[0].length, value, time_precision: 1 });
  }
  return dates.sort((a, b) => a.start - b.start);
}
