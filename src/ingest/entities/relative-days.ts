import type { DateEntity } from '../extract-types.js';

const COUNT: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/**
 * Days told against the story's own last day, not against the publication: "the next day",
 * "the following morning", "two days later", "the day before", "the previous night".
 */
const RELATIVE_DAY =
  /\b(?:(?:the\s+)?(next|following|previous)\s+(?:day|morning|afternoon|evening|night)|(a|one|two|three|four|five|six|\d)\s+days?\s+(later|earlier|before)|the\s+(?:day|night)\s+(before|after))\b/gi;

/**
 * Finds relative days and resolves each against the last day-precise date written before it
 * (datelines excepted: the day of writing is not the story's day); one with no such date is kept
 * without a value. Returns the new entities; the caller drops any other date found over them.
 *
 * @example findRelativeDays('Gunmen struck on May 3. The next day, a bomb …', [may3], [])[0]?.value // next day
 */
export function findRelativeDays(
  text: string,
  dates: readonly DateEntity[],
  datelines: ReadonlyArray<readonly [number, number]>,
): DateEntity[] {
  const out: DateEntity[] = [];
  const matches = [...text.matchAll(RELATIVE_DAY)];
  if (matches.length === 0) return out;
  // A date read inside a relative day ("next day" read against publication) is no anchor.
  const inside = new Uint8Array(text.length + 1);
  for (const m of matches) inside.fill(1, m.index, m.index + m[0].length);
  const anchors = dates
    .filter(
      (d) =>
        d.value?.length === 10 &&
        d.time_precision === 1 &&
        inside[d.start] === 0 &&
        !datelines.some(([s, e]) => d.start >= s && d.end <= e),
    )
    .sort((a, b) => a.start - b.start);
  // One sweep in text order: the last day told before each relative day.
  let next = 0;
  let last: string | undefined;
  for (const m of matches) {
    const start = m.index;
    const end = start + m[0].length;
    while (next < anchors.length && anchors[next]!.end <= start) last = anchors[next++]!.value;
    const entity: DateEntity = { type: 'date', text: m[0], start, end };
    const direction = (m[1] ?? m[3] ?? m[4])!.toLowerCase();
    const back = direction === 'previous' || direction === 'earlier' || direction === 'before';
    const n = m[2] ? (COUNT[m[2].toLowerCase()] ?? Number(m[2])) : 1;
    if (last && n > 0) {
      const at = Date.parse(`${last}T00:00:00Z`) + (back ? -n : n) * 86_400_000;
      entity.value = new Date(at).toISOString().slice(0, 10);
      entity.time_precision = 1;
      // A resolved relative day is an anchor in turn ("the next day … two days later").
      last = entity.value;
    }
    out.push(entity);
  }
  return out;
}
