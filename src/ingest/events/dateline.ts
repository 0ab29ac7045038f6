import type { Entity, LocationEntity } from '../extract-types.js';
import { getCountries } from '../gazetteer/countries.js';

let countryNames: Set<string> | undefined;

function isCountryName(name: string): boolean {
  countryNames ??= new Set(getCountries().flatMap((c) => c.names));
  return countryNames.has(name);
}

/**
 * A wire dateline: the place (and often the day) of writing at the head of a report or of a
 * paragraph — "KABUL, 3 March —", "ISLAMABAD, Oct 16 (Reuters) -", "Peshawar, Pakistan —",
 * "Kabul, Afghanistan (AP) —", "KABUL, Afghanistan, Monday (AP) —", and the colon of the South
 * Asian press ("PESHAWAR:").
 * It says where the reporter was, not where the event happened.
 */
const DATELINE =
  /(?:^|\n)[ \t]*((?:[A-Z][A-Za-z.'-]+)(?:[ -][A-Z][A-Za-z.'-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)?(?:,?\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?(?:,?\s+(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?)?\s*(?:\([^)\n]{1,40}\)\s*)?)(?:—|–|--|-|:)\s/g;

/**
 * Entities that stand inside a dateline: neither the event's place nor its date. The entities
 * themselves stay (they are mentions); only the event arguments leave them out.
 *
 * @example datelineEntities('KABUL, 3 March — A bomb exploded in Kandahar.', entities)
 */
export function withoutDatelines(text: string, entities: readonly Entity[]): Entity[] {
  const spans = datelineSpans(text);
  if (spans.length === 0) return [...entities];
  return entities.filter(
    (e) =>
      !(
        (e.type === 'location' || e.type === 'date') &&
        spans.some(([s, t]) => e.start >= s && e.end <= t)
      ),
  );
}

/**
 * Where the datelines of a text stand, as `[start, end)` pairs.
 *
 * @example datelineSpans('KABUL, 3 March — A bomb exploded.') // [[0, 15]]
 */
export function datelineSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(DATELINE)) {
    const head = m[1]!;
    // A dateline is short and opens with an all-caps place or a place and a date.
    const start = m.index + m[0].indexOf(head);
    const place = /^[A-Z][A-Za-z.'-]+/.exec(head)?.[0] ?? '';
    const upper = place.length >= 3 && place === place.toUpperCase();
    // A weekday dates a dateline only after its place ("KABUL, Afghanistan, Monday (AP) —").
    const dated =
      /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(head) ||
      /,.*\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/.test(head);
    // "Kabul, Afghanistan (AP) —", "Peshawar, Pakistan —": a news agency, or a town and its country.
    const agency = /\([^)]+\)\s*$/.test(head);
    const qualified = isCountryName(/^[^,]+,\s*([^,(]+?)\s*(?:\(|$)/.exec(head)?.[1] ?? '');
    if (head.length > 60 || (!upper && !dated && !agency && !qualified)) continue;
    spans.push([start, start + head.length]);
  }
  return spans;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DATELINE_DAY =
  /(?:(\d{1,2})\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+(\d{1,2})(?!\d))?(?:,?\s+(\d{4}))?/;
/** How far into a report its opening dateline may stand (after a headline). */
const DATELINE_REACH = 300;

/**
 * The day a report's opening dateline gives ("KABUL, March 3 —"), as `YYYY-MM-DD`: the day the
 * reporter wrote, against which "on Friday" is read. The year is the dateline's, else that of
 * `published` (the year before when the month would fall after publication).
 *
 * @example datelineDay('KABUL, March 3 — A bomb …', '2023-03-10') // '2023-03-03'
 */
export function datelineDay(text: string, published?: string): string | undefined {
  DATELINE.lastIndex = 0;
  const m = DATELINE.exec(text.slice(0, DATELINE_REACH));
  DATELINE.lastIndex = 0;
  if (!m) return undefined;
  const d = DATELINE_DAY.exec(m[1]!);
  const dayText = d?.[1] ?? d?.[3];
  if (!d || !dayText) return undefined;
  const month = MONTHS.indexOf(d[2]!.toLowerCase()) + 1;
  const day = Number(dayText);
  let year = d[4] ? Number(d[4]) : published ? Number(published.slice(0, 4)) : undefined;
  if (year === undefined || day < 1 || day > 31) return undefined;
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (!d[4] && published && `${year}-${pad(month)}-${pad(day)}` > published.slice(0, 10)) year--;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** "in the west of the city", "the Somali capital": the city of the dateline, named again. */
const CITY_AGAIN =
  /(?:\b(?:in|near|outside|across|around|on|into|at)|\bthe\s+(?:[\w-]+\s+)?(?:west|east|north|south|north-?west|north-?east|south-?west|south-?east|centre|center|heart|outskirts|part|parts|streets|suburbs?|districts?|neighbou?rhoods?|areas?)\s+of)\s+the\s+(?:(\p{Lu}[\p{L}-]+)\s+)?(?:city|capital)\b(?!\s+of\b)|\bthe\s+(?:city|capital)['’]s\b/gu;

/**
 * The town of the report's opening dateline when the text names it again as "the city" or "the
 * capital" ("KABUL, May 12 — A bomb exploded in the west of the city"): a dateline is no place
 * of its own, but the city it names is the one "the city" means. `span` is where to look.
 *
 * @example datelineCityAgain(text, entities, unit) // the Kabul entity of the dateline
 */
export function datelineCityAgain(
  text: string,
  entities: readonly Entity[],
  span: { start: number; end: number },
): LocationEntity | undefined {
  const [first] = datelineSpans(text.slice(0, DATELINE_REACH));
  if (!first) return undefined;
  const city = entities.find(
    (e): e is LocationEntity =>
      e.type === 'location' && e.geo_precision === 1 && e.start >= first[0] && e.end <= first[1],
  );
  if (!city) return undefined;
  for (const m of text.slice(span.start, span.end).matchAll(CITY_AGAIN)) {
    // "the Somali capital" is the dateline's only when the dateline is in Somalia.
    const people = m[1];
    if (!people) return city;
    const country = getCountries().find((c) => c.demonyms.includes(people));
    if (country && country.code === city.country) return city;
  }
  return undefined;
}
