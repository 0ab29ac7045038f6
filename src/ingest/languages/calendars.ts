import { toGregorian, toJalaali } from 'jalaali-js';
import type { CalendarName } from './lexicon-shape.js';

/** `YYYY-MM-DD` of a Gregorian day. */
export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function validGregorian(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const hijriParts = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Umm al-Qura Hijri date of a Gregorian day, from the ICU calendar Node ships. */
function toHijri(date: Date): { y: number; m: number; d: number } {
  const parts = Object.fromEntries(
    hijriParts.formatToParts(date).map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return {
    y: parseInt(parts.year!, 10),
    m: parseInt(parts.month!, 10),
    d: parseInt(parts.day!, 10),
  };
}

/**
 * The Gregorian day of a Hijri (Umm al-Qura) date: ICU converts only the other way, so the day
 * is found from an estimate and a walk of at most a few days.
 */
function hijriToGregorian(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 30) return undefined;
  const estimate = Date.UTC(622, 6, 16) + ((y - 1) * 354.367 + (m - 1) * 29.53 + (d - 1)) * 864e5;
  for (let delta = -5; delta <= 5; delta++) {
    const day = new Date(estimate + delta * 864e5);
    const h = toHijri(day);
    if (h.y === y && h.m === m && h.d === d)
      return isoDay(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  }
  return undefined;
}

/**
 * A date written in one of the region's calendars, as a Gregorian `YYYY-MM-DD` (or `YYYY-MM`
 * without a day). A missing year is the year of publication, or the one before when that would
 * put the day after publication.
 *
 * @example toGregorianDay('solar_hijri', 1403, 1, 2) // '2024-03-21'
 */
export function toGregorianDay(
  calendar: CalendarName,
  year: number | undefined,
  month: number,
  day: number | undefined,
  published?: string,
): string | undefined {
  // A month of another calendar straddles two Gregorian months: without a day it says too little.
  if (day === undefined && calendar !== 'gregorian') return undefined;
  if (year === undefined) {
    if (!published) return undefined;
    const pub = new Date(`${published}T00:00:00Z`);
    const yearNow =
      calendar === 'gregorian'
        ? pub.getUTCFullYear()
        : calendar === 'solar_hijri'
          ? toJalaali(pub).jy
          : toHijri(pub).y;
    for (const y of [yearNow, yearNow - 1]) {
      const value = toGregorianDay(calendar, y, month, day ?? 1);
      if (value && value <= published) return day === undefined ? value.slice(0, 7) : value;
    }
    return undefined;
  }
  const d = day ?? 1;
  let value: string | undefined;
  if (calendar === 'gregorian') {
    value = validGregorian(year, month, d) ? isoDay(year, month, d) : undefined;
  } else if (calendar === 'solar_hijri') {
    if (month < 1 || month > 12 || d < 1 || d > 31) return undefined;
    const g = toGregorian(year, month, d);
    value = isoDay(g.gy, g.gm, g.gd);
  } else {
    value = hijriToGregorian(year, month, d);
  }
  return value && day === undefined ? value.slice(0, 7) : value;
}

/**
 * The most recent given weekday on or before the publication day ("on Friday" in a report
 * published on Saturday is the day before).
 *
 * @example lastWeekday('2024-03-23', 5) // '2024-03-22'
 */
export function lastWeekday(published: string, weekday: number): string {
  const pub = new Date(`${published}T00:00:00Z`);
  const back = (pub.getUTCDay() - weekday + 7) % 7;
  return addDays(published, -back);
}

export function addDays(day: string, days: number): string {
  const d = new Date(Date.parse(`${day}T00:00:00Z`) + days * 864e5);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
