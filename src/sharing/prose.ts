// The tearline's rules for free text, in one room. Every free-text string of a released object
// (values and, inside extensions and custom properties, keys) is normalised, its sensitive spans
// are found ONCE (the extractor's recognisers through the ProseRecognisers port, plus the finders
// of prose-finders.ts, cached per distinct text), and then each transform decides what to do with
// the spans of its kind: remove-person-names the persons, strip-sources the attributions,
// datelines and contacts, coarsen-place the places finer than its target and coordinates,
// coarsen-date the dates finer than its target, redact-text (and the deployment's protected
// terms) its phrases. Overlapping spans are removed together. The residual scan
// (residual-scan.ts) reads the served bytes with the same spans and a looser net for names.

import type { ProseRecognisers, ProseSpan } from '../core/ports/prose-recognisers.js';
import { MONTH_NAMES } from '../core/vocab/calendar.js';
import { countryName } from './country-name.js';
import {
  claimsAnActAfter,
  TITLE_WORDS,
  findAttributionPhrases,
  findContacts,
  findCoordinates,
  findDateExpressions,
  findDatelines,
  findLocativeGuesses,
  findShapedPlaces,
  findTitledNames,
  opensDateline,
  type FoundSpan,
} from './prose-finders.js';
import type { Transform } from './transform.js';
import { findCapitalisedRuns, isPlainWord, opensSentence } from './name-runs.js';
import { CAPITALISED_NON_NAMES, isPeopleOrFaith } from './non-names.js';

export const NAME_MARK = '[name withheld]';
export const PLACE_MARK = '[place withheld]';
export const DATE_MARK = '[date withheld]';
export const SOURCE_MARK = '[source withheld]';
export const CONTACT_MARK = '[contact withheld]';
export const COORDINATES_MARK = '[coordinates withheld]';
export const REDACTION_MARK = '[redacted]';

/** A sensitive span of a (normalised) text, whoever found it. */
export type SensitiveSpan = ProseSpan | FoundSpan | { kind: 'phrase'; start: number; end: number };
export type SensitiveKind = SensitiveSpan['kind'];

/** What the release's transforms ask of free text (built once per release by {@link planProse}). */
export interface ProsePlan {
  persons: boolean;
  sources: boolean;
  place?: 'admin1' | 'country';
  date?: 'month' | 'year';
  /** Names, places and phrases known by name: matched whatever the case and spacing. */
  known: KnownPhrases;
  recognisers?: ProseRecognisers;
}

interface KnownPhrases {
  pattern?: RegExp;
  kinds: Map<string, 'person' | 'place' | 'phrase'>;
}

const PLACE_RANK = { city: 0, admin1: 1, country: 2, region: 3 } as const;

/**
 * Normalises free text before it is read and released: Unicode NFKC, invisible characters out,
 * any run of spaces (non-breaking ones included) as one space, a single line break as a space (a
 * name broken over two lines is one name) unless a dateline opens the next line; paragraph breaks
 * stay.
 *
 * @example normaliseProse('Gul\u00a0\u00a0Ahmad\nZazai') // 'Gul Ahmad Zazai'
 */
export function normaliseProse(text: string): string {
  // Most strings of a release are plain ASCII with single spaces: left as they are, quickly.
  if (/^[\x21-\x7e]*(?: [\x21-\x7e]+)*$/.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/([^\n])\n(?!\n)/g, (_line, last: string, at: number, all: string) =>
      opensDateline(all, at + 2) ? `${last}\n` : `${last} `,
    )
    .replace(/\n{3,}/g, '\n\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a pattern robust to case, spacing and normalisation. */
function phrasePattern(phrase: string): string {
  return normaliseProse(phrase).trim().split(/\s+/).map(escapeRegExp).join('\\s+');
}

function buildKnown(entries: ReadonlyArray<[string, 'person' | 'place' | 'phrase']>): KnownPhrases {
  const kinds = new Map<string, 'person' | 'place' | 'phrase'>();
  for (const [text, kind] of entries) {
    const key = normaliseProse(text).trim().toLowerCase().replace(/\s+/g, ' ');
    if (key.length >= 2 && !kinds.has(key)) kinds.set(key, kind);
  }
  if (kinds.size === 0) return { kinds };
  const sorted = [...kinds.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${sorted.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return { pattern, kinds };
}

/**
 * The plan of a release's transforms for free text. `persons` are the names of person identities
 * in the selection, `places` the selection's place names finer than the coarsen-place target,
 * `protectedTerms` the deployment's list (always redacted).
 *
 * @example planProse(transforms, { persons: ['Gul Ahmad'], places: [], protectedTerms: [] })
 */
export function planProse(
  transforms: readonly Transform[],
  known: {
    persons: readonly string[];
    places: readonly string[];
    protectedTerms: readonly string[];
  },
  recognisers?: ProseRecognisers,
): ProsePlan {
  const persons = transforms.some((t) => t.kind === 'remove-person-names');
  const places = transforms.flatMap((t) => (t.kind === 'coarsen-place' ? [t.to] : []));
  const dates = transforms.flatMap((t) => (t.kind === 'coarsen-date' ? [t.to] : []));
  const entries: Array<[string, 'person' | 'place' | 'phrase']> = [];
  for (const p of known.protectedTerms) entries.push([p, 'phrase']);
  for (const t of transforms) {
    if (t.kind === 'redact-text') for (const p of t.phrases) entries.push([p, 'phrase']);
    if (t.kind === 'remove-person-names')
      for (const n of t.names ?? []) entries.push([n, 'person']);
  }
  if (persons) for (const n of known.persons) entries.push([n, 'person']);
  if (places.length > 0) for (const n of known.places) entries.push([n, 'place']);
  return {
    persons,
    sources: transforms.some((t) => t.kind === 'strip-sources'),
    ...(places.length > 0 ? { place: places.includes('country') ? 'country' : 'admin1' } : {}),
    ...(dates.length > 0 ? { date: dates.includes('year') ? 'year' : 'month' } : {}),
    known: buildKnown(entries),
    ...(recognisers === undefined ? {} : { recognisers }),
  };
}

/** Whether a plan changes free text at all (a release with none leaves text as written). */
export function planTouchesProse(plan: ProsePlan): boolean {
  return (
    plan.persons ||
    plan.sources ||
    plan.place !== undefined ||
    plan.date !== undefined ||
    plan.known.kinds.size > 0
  );
}

// --- Finding -----------------------------------------------------------------------------------

const CACHE_LIMIT = 50_000;
const spanCache = new Map<string, SensitiveSpan[]>();
let cachedRecognisers: ProseRecognisers | undefined;

/**
 * Every sensitive span of a normalised text, found once per distinct text (and recogniser set):
 * the extractor's recognisers, then this area's finders. Known phrases are matched separately
 * ({@link findKnownPhrases}), since they differ per release.
 *
 * @example findSensitiveSpans('KABUL — Ten died, an official said.', recognisers)
 */
export function findSensitiveSpans(text: string, recognisers?: ProseRecognisers): SensitiveSpan[] {
  if (recognisers !== cachedRecognisers) {
    spanCache.clear();
    cachedRecognisers = recognisers;
  }
  const hit = spanCache.get(text);
  if (hit !== undefined) return hit;
  const spans: SensitiveSpan[] = [];
  // Names, places and dated words need a capital or a dated number; other text skips the
  // extractor (its own finders below still read attribution wording and dates).
  if (recognisers !== undefined && mayHoldNames(text, recognisers)) {
    for (const s of recognisers.find(text)) {
      // "Jan" or "Mar" alone is a name as often as a month: only a date with more to it counts.
      if (s.kind === 'date' && /^\p{Lu}\p{Ll}{2}$/u.test(text.slice(s.start, s.end))) continue;
      // The extractor reads "IS claimed responsibility" as IS's statement: it is the claimant.
      if (s.kind === 'attribution' && claimsAnActAfter(text, s.end)) continue;
      spans.push(s.kind === 'person' ? trimTitle(text, s) : s);
    }
  }
  const found: FoundSpan[] = [];
  findAttributionPhrases(text, found);
  if (/[\p{Lu}\d]/u.test(text)) {
    findDatelines(text, found);
    findTitledNames(text, found);
    findShapedPlaces(text, found);
    findLocativeGuesses(text, found);
  }
  if (/\d|@|\.[a-z]{2,6}\b/.test(text)) {
    findContacts(text, found);
    findCoordinates(text, found);
  }
  findDateExpressions(text, found);
  spans.push(...keepGuessesNobodyExplains(found, spans, text, recognisers));
  spans.push(...findNameRuns(text, spans, recognisers));
  if (text.includes('--')) dropInsideIds(text, spans);
  if (spanCache.size >= CACHE_LIMIT) spanCache.clear();
  spanCache.set(text, spans);
  return spans;
}

/**
 * Whether a text may hold what only the extractor's recognisers find: a capitalised word that
 * does not open a sentence, an opening word no dictionary knows, or a number written as a day.
 * "Attack 1203" and "Gunmen opened fire." hold none, and a release of thousands of such names
 * skips the extractor for each.
 */
function mayHoldNames(text: string, recognisers: ProseRecognisers): boolean {
  if (/\d(?:st|nd|rd|th)\b|\d[/.:-]\d/.test(text)) return true;
  for (const m of text.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*/gu)) {
    if (!opensSentence(text, m.index)) return true;
    if (!CAPITALISED_NON_NAMES.has(m[0]) && !recognisers.isCommonWord(m[0])) return true;
  }
  return false;
}

let countryNames: Set<string> | undefined;
let countryPattern: RegExp | undefined;

/** Country names written out in a text ("Burkina Faso", "Türkiye"): named, never too fine. */
export function findCountryNames(text: string): SensitiveSpan[] {
  countryPattern ??= new RegExp(
    `(?<![\\p{L}])(?:${[...getCountryNames()]
      .sort((a, b) => b.length - a.length)
      .map((n) => escapeRegExp(n).replace(/\\s+/g, '\\s+'))
      .join('|')})(?![\\p{L}])`,
    'giu',
  );
  const out: SensitiveSpan[] = [];
  for (const m of text.matchAll(countryPattern)) {
    if (/^\p{Lu}/u.test(m[0]))
      out.push({ kind: 'named', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Whether a word is a common English word or a country's name (either names nobody). */
export function isCommonOrCountry(word: string, recognisers?: ProseRecognisers): boolean {
  return getCountryNames().has(word.toLowerCase()) || (recognisers?.isCommonWord(word) ?? false);
}

// Words before a run that make it a place rather than a person ("in Maidan Shahr").
const PLACE_BEFORE =
  /\b(?:in|near|outside|at|from|toward|towards|into|around|across|through|off|between|outskirts of)\s+$/;

/**
 * Runs of capitalised words that can only be names: two or more words no recogniser explains
 * and no dictionary knows ("Shabnam Rahimi", "Abdullahi Hashi Abib"), or a place a recogniser
 * read from part of a longer name ("Maidan" of "Maidan Shahr", which alone is a town elsewhere).
 * After a word of place they are a place (unresolved, so withheld); otherwise a person.
 */
function findNameRuns(
  text: string,
  spans: readonly SensitiveSpan[],
  recognisers?: ProseRecognisers,
): SensitiveSpan[] {
  if (recognisers === undefined) return [];
  const runs = findCapitalisedRuns(text);
  if (runs.length === 0) return [];
  const cover = [...spans, ...findCountryNames(text)];
  const isCommon = (w: string) => isCommonOrCountry(w, recognisers);
  const out: SensitiveSpan[] = [];
  for (const run of runs) {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    if (cover.some((s) => s.start <= first.start && s.end >= last.end)) continue;
    let names = 0;
    let places = 0;
    let from: number | undefined;
    let to = 0;
    let afterName = false;
    for (const w of run) {
      // A people's name after a given name is a family name, whatever a recogniser made of it.
      const surname: boolean = afterName && isPeopleOrFaith(w.word);
      const by: SensitiveSpan | undefined = surname
        ? undefined
        : cover.find((s) => s.start <= w.start && s.end >= w.end);
      const partOfPlace =
        by?.kind === 'place' &&
        (by.level === undefined || PLACE_RANK[by.level] < PLACE_RANK.country);
      afterName = by === undefined && !isPlainWord(w.word, isCommon, afterName);
      if (partOfPlace) places += 1;
      else if (afterName) names += 1;
      else continue;
      from ??= w.start;
      to = w.end;
    }
    if (from === undefined || names === 0 || names + places < 2) continue;
    out.push(
      PLACE_BEFORE.test(text.slice(Math.max(0, from - 14), from))
        ? { kind: 'place', start: from, end: to, level: 'city' }
        : { kind: 'person', start: from, end: to },
    );
  }
  return out;
}

/** English names of every ISO 3166-1 country (from the runtime's CLDR data), lower case. */
export function getCountryNames(): Set<string> {
  if (countryNames !== undefined) return countryNames;
  countryNames = new Set();
  const A = 65;
  for (let i = 0; i < 26; i += 1) {
    for (let j = 0; j < 26; j += 1) {
      const name = countryName(String.fromCharCode(A + i, A + j));
      if (name !== undefined && !/^[A-Z]{2}$/.test(name)) countryNames.add(name.toLowerCase());
    }
  }
  // Names in common use beside the runtime's own.
  for (const name of ['turkey', 'burma', 'ivory coast', 'gaza', 'west bank', 'dr congo'])
    countryNames.add(name);
  return countryNames;
}

const NOT_PLACES = new RegExp(
  `^(?:${MONTH_NAMES.join('|')}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January)\\b`,
);

// A guessed place ("in Chaghcharan") stands only where nothing else explains the name.
function keepGuessesNobodyExplains(
  found: FoundSpan[],
  recognised: readonly SensitiveSpan[],
  text: string,
  recognisers?: ProseRecognisers,
): FoundSpan[] {
  const others = [...recognised, ...found.filter((f) => !(f.kind === 'place' && f.guess))];
  const named = [...recognised.filter((r) => r.kind === 'named'), ...findCountryNames(text)];
  return found.filter((f) => {
    // A name the recognisers know as a group's ("Tahrir al-Sham") or a country's is nobody's.
    if (f.kind === 'person') return !named.some((n) => n.start < f.end && n.end > f.start);
    // A country is never finer than a country, whatever shape its sentence gives it.
    if (f.kind === 'place' && getCountryNames().has(text.slice(f.start, f.end).toLowerCase()))
      return false;
    if (f.kind !== 'place' || f.guess !== true) return true;
    // A place closing an organisation's name ("Spiritual Board of Tatarstan") is still a place.
    const closesName = (o: SensitiveSpan) =>
      o.kind === 'named' && o.end === f.end && /\bof\s+$/.test(text.slice(o.start, f.start));
    if (others.some((o) => o.start < f.end && o.end > f.start && !closesName(o))) return false;
    const name = text.slice(f.start, f.end);
    if (NOT_PLACES.test(name) || getCountryNames().has(name.toLowerCase())) return false;
    const words = name.split(/[\s-]+/);
    return !(recognisers !== undefined && words.every((w) => recognisers.isCommonWord(w)));
  });
}

const STIX_ID =
  /\b[a-z][a-z0-9-]*--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g;

// STIX ids in text are decided by the policy's reference rules, never read as phone numbers.
function dropInsideIds(text: string, spans: SensitiveSpan[]): void {
  const ids: Array<[number, number]> = [];
  for (const m of text.matchAll(STIX_ID)) ids.push([m.index, m.index + m[0].length]);
  if (ids.length === 0) return;
  const kept = spans.filter((s) => !ids.some(([a, b]) => s.start < b && s.end > a));
  spans.length = 0;
  spans.push(...kept);
}

function trimTitle(text: string, span: ProseSpan): ProseSpan {
  let start = span.start;
  const words = /[\p{L}.'’-]+\s*/uy;
  for (;;) {
    words.lastIndex = start;
    const m = words.exec(text);
    if (m === null || start + m[0].length >= span.end) break;
    if (!TITLE_WORDS.has(m[0].trim().replace(/\.$/, '').toLowerCase())) break;
    start += m[0].length;
  }
  return start === span.start ? span : { ...span, start };
}

/** The plan's known names, places and phrases in a normalised text. */
export function findKnownPhrases(text: string, known: KnownPhrases): SensitiveSpan[] {
  if (known.pattern === undefined) return [];
  const out: SensitiveSpan[] = [];
  known.pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = known.pattern.exec(text)) !== null) {
    const kind = known.kinds.get(m[0].toLowerCase().replace(/\s+/g, ' ')) ?? 'phrase';
    out.push(
      kind === 'place'
        ? { kind: 'place', start: m.index, end: m.index + m[0].length, level: 'city' }
        : { kind, start: m.index, end: m.index + m[0].length },
    );
  }
  return out;
}

// --- Deciding ----------------------------------------------------------------------------------

function placeRank(span: SensitiveSpan): number {
  return span.kind === 'place' && span.level !== undefined ? PLACE_RANK[span.level] : 0;
}

/** Whether a place is finer than a coarsen-place target. Unresolved places count as finer. */
export function isPlaceTooFine(span: SensitiveSpan, to: 'admin1' | 'country'): boolean {
  return placeRank(span) < PLACE_RANK[to];
}

function placeReplacement(
  span: SensitiveSpan,
  to: 'admin1' | 'country',
  homes: readonly string[],
): string {
  if (span.kind !== 'place' || !('country' in span)) return PLACE_MARK;
  // A small place resolved to a country the object is not in was most likely resolved wrongly
  // ("Moura", Mali, is also a town in Portugal): withheld, never named as another country.
  if (homes.length > 0 && span.country !== undefined && !homes.includes(span.country))
    return PLACE_MARK;
  if (to === 'country' && span.country !== undefined)
    return countryName(span.country) ?? PLACE_MARK;
  if (to === 'admin1' && span.admin1 !== undefined && /^\p{L}[\p{L} '-]+$/u.test(span.admin1)) {
    return span.admin1;
  }
  return PLACE_MARK;
}

/**
 * The date text at a target precision, or undefined when the span is no finer than it.
 * Values: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `?-MM-DD` (no year), `YYYY-??`, `day`.
 */
export function coarserDate(
  value: string | undefined,
  spanText: string,
  to: 'month' | 'year',
): string | undefined {
  if (value === undefined) {
    return /\b\d{1,2}\b|day\b/i.test(spanText) ? DATE_MARK : undefined;
  }
  if (value === 'day') return DATE_MARK;
  const [year, month, day] = value.split('-');
  const monthName =
    month !== undefined && month !== '??' ? MONTH_NAMES[Number(month) - 1] : undefined;
  if (year === '?') return to === 'month' && monthName !== undefined ? monthName : DATE_MARK;
  if (month === '??') return year;
  if (day !== undefined)
    return to === 'year' ? year : monthName === undefined ? year : `${monthName} ${year}`;
  if (month !== undefined && to === 'year') return year;
  return undefined;
}

function dateValue(span: SensitiveSpan): string | undefined {
  return span.kind === 'date' ? span.value : undefined;
}

const PRIORITY: Record<string, number> = {
  dateline: 9,
  phrase: 8,
  contact: 7,
  coordinates: 7,
  attribution: 6,
  person: 5,
  place: 4,
  date: 3,
};

/** What a plan does with one span: its replacement, or undefined to keep it. */
function decide(
  span: SensitiveSpan,
  text: string,
  plan: ProsePlan,
  homes: readonly string[],
): string | undefined {
  switch (span.kind) {
    case 'phrase':
      return REDACTION_MARK;
    case 'person':
      return plan.persons ? NAME_MARK : undefined;
    case 'attribution':
      if (!plan.sources) return undefined;
      return text[span.start] === ',' ? '' : SOURCE_MARK;
    case 'dateline':
      return plan.sources ? '' : undefined;
    case 'contact':
      return plan.sources ? CONTACT_MARK : undefined;
    case 'coordinates':
      return plan.place !== undefined ? COORDINATES_MARK : undefined;
    case 'place':
      return plan.place !== undefined && isPlaceTooFine(span, plan.place)
        ? placeReplacement(span, plan.place, homes)
        : undefined;
    case 'date':
      return plan.date === undefined
        ? undefined
        : coarserDate(dateValue(span), text.slice(span.start, span.end), plan.date);
    default:
      return undefined;
  }
}

interface Action {
  start: number;
  end: number;
  replacement: string;
  priority: number;
  kind: SensitiveKind;
}

/** What rewriting a text did: how many spans of each kind were rewritten. */
export type ProseCounts = Partial<Record<SensitiveKind, number>>;

/**
 * Rewrites one text by a plan: normalises it, finds its spans once, lets each transform decide,
 * and replaces overlapping decisions together (the highest-priority replacement wins).
 *
 * @example rewriteProse('Gov. Ali Khan said so.', plan).text // 'Gov. [name withheld] said so.'
 */
export function rewriteProse(
  raw: string,
  plan: ProsePlan,
  counts: ProseCounts = {},
  onlyKnown = false,
  homes: readonly string[] = [],
): { text: string; counts: ProseCounts } {
  // A release repeats the same texts across thousands of objects: each is rewritten once per plan.
  let memo = rewriteMemo.get(plan);
  if (memo === undefined) {
    memo = new Map();
    rewriteMemo.set(plan, memo);
  }
  const key = `${onlyKnown ? '1' : '0'}${homes.join(',')}\n${raw}`;
  let done = memo.get(key);
  if (done === undefined) {
    done = rewriteOnce(raw, plan, onlyKnown, homes);
    if (memo.size >= CACHE_LIMIT) memo.clear();
    memo.set(key, done);
  }
  for (const [kind, n] of Object.entries(done.counts) as Array<[SensitiveKind, number]>) {
    counts[kind] = (counts[kind] ?? 0) + n;
  }
  return { text: done.text, counts };
}

const rewriteMemo = new WeakMap<ProsePlan, Map<string, { text: string; counts: ProseCounts }>>();

function rewriteOnce(
  raw: string,
  plan: ProsePlan,
  onlyKnown: boolean,
  homes: readonly string[],
): { text: string; counts: ProseCounts } {
  const counts: ProseCounts = {};
  const text = normaliseProse(raw);
  const found = findKnownPhrases(text, plan.known);
  // A group's own name keeps place words ("Krasnogorsk cell") but loses persons and phrases.
  const known = onlyKnown ? found.filter((k) => k.kind !== 'place') : found;
  const spans = onlyKnown ? known : [...findSensitiveSpans(text, plan.recognisers), ...known];
  const actions: Action[] = [];
  for (const span of spans) {
    const replacement = decide(span, text, plan, homes);
    if (replacement !== undefined && span.end > span.start) {
      // A date whose day and month order is unknowable ("04/05/2024") keeps only its year,
      // whatever a recogniser guessed.
      const unsure = span.kind === 'date' && span.value?.includes('?') === true ? 0.5 : 0;
      actions.push({
        start: span.start,
        end: span.end,
        replacement,
        priority: (PRIORITY[span.kind] ?? 0) + unsure,
        kind: span.kind,
      });
    }
  }
  if (actions.length === 0) return { text, counts };
  actions.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Action[] = [];
  let i = 0;
  while (i < actions.length) {
    const first = actions[i] as Action;
    let end = first.end;
    let best = first;
    i += 1;
    while (i < actions.length && (actions[i] as Action).start < end) {
      const next = actions[i] as Action;
      end = Math.max(end, next.end);
      if (next.priority > best.priority) best = next;
      i += 1;
    }
    counts[best.kind] = (counts[best.kind] ?? 0) + 1;
    chosen.push({ ...best, start: first.start, end });
  }
  let out = '';
  let at = 0;
  for (const action of joinCoarsePlaces(text, chosen)) {
    out += text.slice(at, action.start) + action.replacement;
    at = action.end;
  }
  out += text.slice(at);
  // Removing a clause can leave ", ." or doubled spaces behind.
  out = out
    .replace(/ {2,}/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,([.;!?])/g, '$1')
    .replace(/^[\s,;:]+/, '');
  return { text: out, counts };
}

/** Where in a place a town lies: "northern", "the western edge of", "the outskirts of". */
const WHERE_IN =
  '(?:(?:far\\s+)?(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|' +
  'outskirts|edges?|parts?|heart|borderlands?|side|fringes?|interior)';
/** ", on the outskirts of ", ", in northern ": a town's apposition naming a wider place. */
const WHERE_IN_GLUE = `\\s*,?\\s+(?:in|on|near|at|outside|of)\\s+(?:the\\s+)?(?:${WHERE_IN}\\s+){0,3}(?:of\\s+)?(?:the\\s+)?`;
/**
 * What joins the places of a list ("X, Y and Z", "X or Y"), a town to its province ("X in Y"), or
 * a town to the place it lies in ("X, on the outskirts of Y").
 */
const LIST_GLUE = new RegExp(
  `^(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|in)\\s+(?:the\\s+)?|${WHERE_IN_GLUE})$`,
);
/**
 * A description of a town before its name: "the southern city of ", "the Uzbek border town of ".
 * Before a country it reads wrong ("the southern city of Afghanistan"): it goes, and only its
 * direction stays ("southern Afghanistan").
 */
const TOWN_DESCRIPTION =
  /\b(?:the|a)\s+(?:((?:(?:north|south)(?:-?(?:east|west))?ern|eastern|western|central))\s+)?(?:[\p{L}’'-]+\s+){0,3}?(?:city|town|village|port|settlement|hamlet|border\s+crossing)\s+of\s+$/iu;
/** An apposition that describes a town: ", the capital of Khyber Pakhtunkhwa province". */
const TOWN_APPOSITION =
  /^,\s+(?:the\s+)?(?:(?:provincial|regional|district|state|national|country's|country’s)\s+)?(?:capital|largest\s+city|main\s+city|second\s+city|chief\s+town|main\s+town|hometown|home\s+town)\s+of\s+[^,.;:!?]*/;

/**
 * Coarsened places read as one mention, not as the same name repeated: "Peshawar, Quetta and
 * Lahore" becomes "Pakistan", not "Pakistan, Pakistan and Pakistan"; "Bannu in Pakistan" and "the
 * Bajaur and Mohmand districts of Pakistan" become "Pakistan"; a town's apposition (", the capital
 * of …") goes with the town.
 */
function joinCoarsePlaces(text: string, chosen: readonly Action[]): Action[] {
  const out: Action[] = [];
  for (const action of chosen) {
    const last = out[out.length - 1];
    if (
      last !== undefined &&
      action.kind === 'place' &&
      last.kind === 'place' &&
      action.replacement === last.replacement &&
      LIST_GLUE.test(text.slice(last.end, action.start))
    ) {
      out[out.length - 1] = { ...last, end: action.end };
      continue;
    }
    out.push({ ...action });
  }
  for (const action of out) {
    if (action.kind !== 'place') continue;
    const coarse = action.replacement;
    if (!coarse.startsWith('[')) {
      const described = TOWN_DESCRIPTION.exec(
        text.slice(Math.max(0, action.start - 80), action.start),
      );
      if (described) {
        action.start -= described[0].length;
        const direction = described[1]?.toLowerCase();
        if (direction !== undefined) action.replacement = `${direction} ${coarse}`;
      }
    }
    const after = text.slice(action.end);
    const apposition = TOWN_APPOSITION.exec(after);
    if (apposition) {
      action.end += apposition[0].length;
      continue;
    }
    if (coarse.startsWith('[')) continue;
    const within = withinPattern(coarse).exec(after);
    if (!within) continue;
    action.end += within[0].length;
    if (/^\s+(?:districts?|provinces?|regions?|areas?|towns?|villages?|cities)/.test(within[0])) {
      const the = /\bthe\s+$/i.exec(text.slice(Math.max(0, action.start - 4), action.start));
      if (the) action.start -= the[0].length;
    }
  }
  // An extended place may now reach into the next action: it takes that one in, so that no part
  // of a span it rewrote goes out as written.
  const joined: Action[] = [];
  for (const action of out) {
    const last = joined[joined.length - 1];
    if (last !== undefined && action.start < last.end) last.end = Math.max(last.end, action.end);
    else joined.push(action);
  }
  return joined;
}

/**
 * "in Pakistan", "in northern Pakistan", "on the edge of Pakistan", "the X and Y districts of
 * Pakistan": what folds into a place coarsened to it.
 */
const withinPatterns = new Map<string, RegExp>();
function withinPattern(country: string): RegExp {
  let pattern = withinPatterns.get(country);
  if (pattern === undefined) {
    pattern = new RegExp(
      `^(?:\\s+(?:districts?|provinces?|regions?|areas?|towns?|villages?|cities|governorates?|counties|states)\\s+of\\s+(?:the\\s+)?|${WHERE_IN_GLUE})${escapeRegExp(country)}\\b`,
    );
    withinPatterns.set(country, pattern);
  }
  return pattern;
}

// --- Objects -------------------------------------------------------------------------------------

/** Properties that are identifiers, vocabulary or structure, never free text. */
const NOT_TEXT = new Set([
  'id',
  'type',
  'spec_version',
  'created',
  'modified',
  'lang',
  'pattern',
  'pattern_type',
  'pattern_version',
  'hashes',
  'country',
  'region',
  'event_type',
  'sub_event_type',
  'status',
  'identity_class',
  'relationship_type',
  'extension_type',
  'geo_precision',
  'time_precision',
  'confidence',
  'revoked',
  'valid_from',
  'valid_until',
  'first_seen',
  'last_seen',
  'first_observed',
  'last_observed',
  'published',
  'start_time',
  'stop_time',
  'event_date',
  'definition_type',
  'kill_chain_phases',
  'encoding',
  // Structured place fields: coarse-place keeps or removes them as values, whole.
  'admin1',
  'administrative_area',
]);
const STIX_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DATE_VALUE = /^\d{4}(-\d{2}){0,2}$/;
/** An armed group's own names are who it is, not where or when something happened. */
const ACTOR_TYPES = new Set(['threat-actor', 'intrusion-set']);

/** Whether a property's string value is free text to be read. */
export function isTextProperty(key: string, value: string): boolean {
  if (NOT_TEXT.has(key) || key.endsWith('_ref') || key.endsWith('_refs')) return false;
  return !(STIX_TIMESTAMP.test(value) || DATE_VALUE.test(value));
}

/**
 * Visits every free-text string of an object (deeply) and, below its top-level properties and
 * extension ids, every key; `rewrite` returns the new text. Keys a rewrite makes equal get a
 * number so that no value is lost.
 */
export function visitProse(
  object: Record<string, unknown>,
  rewrite: (text: string, path: string, ownName?: boolean) => string,
): void {
  const actor = ACTOR_TYPES.has(String(object.type));
  const visit = (value: unknown, key: string, path: string, depth: number): unknown => {
    if (typeof value === 'string') return isTextProperty(key, value) ? rewrite(value, path) : value;
    if (Array.isArray(value)) {
      if (key.endsWith('_refs')) return value;
      return value.map((v, i) => visit(v, key, `${path}[${i}]`, depth + 1));
    }
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    const rewriteKeys = depth >= 1 && !(depth === 1 && key === 'extensions');
    const entries = Object.entries(record);
    let renamed = false;
    const next: Array<[string, unknown]> = [];
    for (const [k, v] of entries) {
      if (depth === 0 && actor && (k === 'name' || k === 'aliases')) {
        // A group's own names stay as they are, but for the names and phrases known by name.
        const own = (text: unknown) => (typeof text === 'string' ? rewrite(text, k, true) : text);
        next.push([k, Array.isArray(v) ? v.map(own) : own(v)]);
        continue;
      }
      const childPath = path === '' ? k : `${path}.${k}`;
      let newKey = k;
      if (rewriteKeys && !k.endsWith('_ref') && !k.endsWith('_refs') && !NOT_TEXT.has(k)) {
        newKey = rewrite(k, `${childPath} (key)`);
        if (newKey !== k) renamed = true;
      }
      next.push([newKey, visit(v, k, childPath, depth + 1)]);
    }
    if (!renamed) {
      for (const [k, v] of next) record[k] = v;
      return record;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of next) {
      let key = k;
      for (let n = 2; key in out; n += 1) key = `${k} (${n})`;
      out[key] = v;
    }
    return out;
  };
  const result = visit(object, '', '', 0) as Record<string, unknown>;
  if (result !== object) Object.assign(object, result);
}

/** The countries an object says it is in (its own `country`, its extensions'), ISO codes. */
function homeCountries(object: Record<string, unknown>): string[] {
  const out = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && /^[A-Z]{2}$/.test(v)) out.add(v);
  };
  add(object.country);
  const extensions = object.extensions;
  if (extensions !== null && typeof extensions === 'object') {
    for (const e of Object.values(extensions as Record<string, unknown>)) {
      if (e !== null && typeof e === 'object') add((e as Record<string, unknown>).country);
    }
  }
  return [...out];
}

const NOTES: Record<string, string> = {
  person: 'removed person names in text',
  attribution: 'removed source wording in text',
  dateline: 'removed datelines',
  contact: 'withheld contact details in text',
  coordinates: 'withheld coordinates in text',
  place: 'withheld or coarsened place names in text',
  date: 'coarsened dates in text',
  phrase: 'redacted phrases',
};

/**
 * Rewrites every free-text value (and extension key) of an object in place by the plan; returns
 * one note per kind of change for the preview.
 *
 * @example rewriteObjectProse(incident, plan) // ['removed person names in text (2)']
 */
export function rewriteObjectProse(object: Record<string, unknown>, plan: ProsePlan): string[] {
  const counts: ProseCounts = {};
  const homes = homeCountries(object);
  visitProse(
    object,
    (text, _path, ownName) => rewriteProse(text, plan, counts, ownName, homes).text,
  );
  return Object.entries(counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([kind, n]) => `${NOTES[kind] ?? kind} (${n})`)
    .sort();
}
