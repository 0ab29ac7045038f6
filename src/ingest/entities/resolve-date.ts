import * as chrono from 'chrono-node';
import type { TimePrecision } from '../../core/stix/conflict-event-extension.js';

/** A date phrase read against the publication date. */
export interface ResolvedDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  value: string;
  time_precision: TimePrecision;
}

interface ChronoResult {
  index: number;
  text: string;
  start: { isCertain(c: string): boolean; get(c: string): number | null };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Turns one chrono result into a value: a news report speaks of the past, so a day or month
 * without a year that would fall after `published` is last year's, and a weekday that would
 * fall after it is last week's. Without `published`, only dates that carry their year resolve.
 */
export function toResolvedDate(
  result: ChronoResult,
  published: string | undefined,
): ResolvedDate | undefined {
  const s = result.start;
  const text = result.text;
  const explicitYear =
    /\b\d{4}\b/.test(text) || (s.isCertain('year') && /\b(?:\d{4})\b/.test(text));
  if (!published && !explicitYear) return undefined;
  let year = s.get('year');
  let month = s.get('month');
  let day = s.get('day');
  if (year === null || month === null || day === null) return undefined;
  const hasDay =
    s.isCertain('day') ||
    s.isCertain('weekday') ||
    /\b(?:yesterday|today|tonight|hours?|ago)\b/i.test(text);
  const hasMonth = s.isCertain('month') || hasDay;
  if (published) {
    const ref = Date.parse(`${published}T23:59:59Z`);
    let at = Date.UTC(year, month - 1, hasDay ? day : 1);
    if (at > ref && !s.isCertain('year')) {
      if (s.isCertain('weekday') && !s.isCertain('day')) at -= 7 * 86_400_000;
      else if (hasMonth && !/\bnext\b/i.test(text))
        at = Date.UTC(year - 1, month - 1, hasDay ? day : 1);
      const d = new Date(at);
      [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    }
  }
  if (hasDay && !/\bweek\b/i.test(text))
    return { value: `${year}-${pad(month)}-${pad(day)}`, time_precision: 1 };
  if (/\bweek\b/i.test(text))
    return { value: `${year}-${pad(month)}-${pad(day)}`, time_precision: 2 };
  if (hasMonth) return { value: `${year}-${pad(month)}`, time_precision: 3 };
  return { value: String(year), time_precision: 3 };
}

/**
 * Resolves a date phrase against a publication date (`YYYY-MM-DD`), as a news report means it.
 *
 * @example resolveDate('March 22', '2024-06-10') // { value: '2024-03-22', time_precision: 1 }
 */
export function resolveDate(phrase: string, published?: string): ResolvedDate | undefined {
  const year = /^(?:in\s+|since\s+)?((?:1[89]|20)\d\d)$/i.exec(phrase.trim());
  if (year) return { value: year[1]!, time_precision: 3 };
  const [result] = parseChrono(phrase, published);
  return result ? toResolvedDate(result, published) : undefined;
}

/** Runs chrono with the publication date (noon UTC) as the reference, never looking forward. */
export function parseChrono(text: string, published?: string): ChronoResult[] {
  const instant = published ? new Date(`${published}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  return chrono.parse(
    text,
    { instant, timezone: 'UTC' },
    { forwardDate: false },
  ) as unknown as ChronoResult[];
}
