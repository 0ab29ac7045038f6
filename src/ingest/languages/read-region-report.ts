import type { CountRange } from '../../core/stix/conflict-event-extension.js';
import { toAcledEventType } from '../classify/acled-types.js';
import type { Attribution, Entity, ExtractedEvent, ExtractOutput, Span } from '../extract-types.js';
import type { Place } from '../gazetteer/place-gazetteer.js';
import { findRegionDates, type RegionDate } from './find-region-dates.js';
import type { RegionLanguage } from './identify-language.js';
import type { ActorNames } from './lexicon-shape.js';
import { getCueMatcher, type Cue } from './load-lexicon.js';
import { normaliseForMatching, toOriginalSpan } from './normalise.js';
import type { PhraseMatch } from './phrase-matcher.js';
import { findRegionAttributions } from './find-region-attributions.js';
import { geoPrecisionOf, resolveRegionPlace } from './resolve-region-place.js';

type Match = PhraseMatch<Cue>;

// When a report names several kinds of violence, the most specific one is the incident's type:
// a suicide bombing is also an "explosion" and an "attack".
const TYPE_PRIORITY = [
  'Suicide bomb',
  'Air/drone strike',
  'Remote explosive/landmine/IED',
  'Abduction/forced disappearance',
  'Armed clash',
  'Attack',
  'Arrests',
];
const SENTENCE_END = /[.!?؟۔\n]+(?=\s|$)|\n/gu;
const DIGITS = /(?<![\p{L}\d])\d{1,3}(?:,\d{3})+(?!\d)|(?<![\p{L}\d])\d+(?![\d])/gu;
// Casualty figures sit close to their verb ("погибли 145 человек", "۱۲ نفر کشته").
const CASUALTY_WINDOW = 40;

interface NumberToken {
  start: number;
  end: number;
  range: CountRange;
}

/**
 * Extracts a report written in Russian, Persian, Pashto, Arabic or Urdu: the lexicon's cues are
 * found on a folded copy of the text (normalise.ts) and every span is mapped back to the
 * original, which is never changed. One incident per report, the document's main one.
 *
 * @example readRegionReport({ id: 'r', text: 'В Кабуле смертник подорвал себя, погибли 6 человек.', published: '2024-03-23' }, 'ru').events[0]?.sub_event_type // 'Suicide bomb'
 */
export function readRegionReport(
  input: { id: string; text: string; published?: string },
  language: RegionLanguage,
): ExtractOutput {
  const norm = normaliseForMatching(input.text);
  const text = norm.text;
  const matches = getCueMatcher(language).scan(text);
  const dates = findRegionDates(text, matches, input.published);
  const numbers = findNumbers(text, matches, dates);
  const sentences = splitSentences(text);
  const entities: Entity[] = [];
  const original = (s: Span) => toOriginalSpan(norm, s.start, s.end);
  const entityText = (s: Span) => input.text.slice(s.start, s.end);

  const places: Array<{ match: Match; place: Place }> = [];
  const actors: Array<{ match: Match; actor: ActorNames }> = [];
  for (const m of matches) {
    if (m.value.kind === 'actor') {
      actors.push({ match: m, actor: m.value.actor });
      const span = original(m);
      entities.push({
        type: 'actor',
        ...span,
        text: entityText(span),
        canonical: m.value.actor.canonical,
      });
    } else if (m.value.kind === 'place') {
      const place = resolveRegionPlace(m.value.place);
      if (!place) continue;
      places.push({ match: m, place });
      const span = original(m);
      entities.push({
        type: 'location',
        ...span,
        text: entityText(span),
        ...(place.country ? { country: place.country } : {}),
        ...(place.admin1 ? { admin1: place.admin1 } : {}),
        lat: place.lat,
        lon: place.lon,
        geo_precision: geoPrecisionOf(place),
      });
    }
  }
  for (const d of dates) {
    const span = original(d);
    entities.push({
      type: 'date',
      ...span,
      text: entityText(span),
      ...(d.value ? { value: d.value } : {}),
      ...(d.time_precision ? { time_precision: d.time_precision } : {}),
    });
  }

  const event = toEvent(language, matches, sentences, numbers, dates, places, actors);
  const events: ExtractedEvent[] = [];
  if (event) {
    const evidence = original(event.sentence);
    for (const q of [event.fatalities, event.injuries]) {
      if (!q) continue;
      const span = original(q);
      entities.push({
        type: 'quantity',
        ...span,
        text: entityText(span),
        min: q.range.min,
        ...(q.range.max !== undefined ? { max: q.range.max } : {}),
      });
    }
    events.push({ ...event.event, evidence: [evidence] });
  }
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  const attributions: Attribution[] = findRegionAttributions(input.text, norm, matches, sentences);
  return { id: input.id, entities, events, attributions };
}

function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

function sentenceOf(sentences: readonly Span[], at: number): Span {
  return sentences.find((s) => at >= s.start && at < s.end) ?? { start: 0, end: 0 };
}

/** Digits and number words, with their "at least" / "more than" bounds, outside dates. */
function findNumbers(
  text: string,
  matches: readonly Match[],
  dates: readonly RegionDate[],
): NumberToken[] {
  const inDate = (start: number) => dates.some((d) => start >= d.start && start < d.end);
  const raw: Array<{ start: number; end: number; range: CountRange; vague: boolean }> = [];
  for (const m of matches)
    if (m.value.kind === 'number' && !inDate(m.start))
      raw.push({
        start: m.start,
        end: m.end,
        range: { min: m.value.min, ...(m.value.max !== undefined ? { max: m.value.max } : {}) },
        vague: m.value.vague,
      });
  for (const m of text.matchAll(DIGITS)) {
    if (inDate(m.index)) continue;
    const n = Number(m[0].replace(/,/g, ''));
    raw.push({
      start: m.index,
      end: m.index + m[0].length,
      range: { min: n, max: n },
      vague: false,
    });
  }
  raw.sort((a, b) => a.start - b.start);
  return raw.map((t) => {
    const before = matches.find(
      (m) =>
        (m.value.kind === 'at-least' || m.value.kind === 'more-than') &&
        m.end <= t.start &&
        t.start - m.end <= 3,
    );
    const after = matches.find(
      (m) =>
        (m.value.kind === 'at-least-after' || m.value.kind === 'more-than-after') &&
        m.start >= t.end &&
        m.start - t.end <= 25 &&
        // "۱۳ … او له ۳۰ ډېر": the bound is the nearer figure's.
        !raw.some((o) => o.start >= t.end && o.end <= m.start),
    );
    const bound = before?.value.kind ?? after?.value.kind;
    if (!bound || t.vague) return t;
    const plus = bound === 'more-than' || bound === 'more-than-after' ? 1 : 0;
    return { ...t, range: { min: t.range.min + plus } };
  });
}

interface EventDraft {
  event: Omit<ExtractedEvent, 'evidence'>;
  sentence: Span;
  fatalities?: NumberToken;
  injuries?: NumberToken;
}

function toEvent(
  language: RegionLanguage,
  matches: readonly Match[],
  sentences: readonly Span[],
  numbers: readonly NumberToken[],
  dates: readonly RegionDate[],
  places: ReadonlyArray<{ match: Match; place: Place }>,
  actors: ReadonlyArray<{ match: Match; actor: ActorNames }>,
): EventDraft | undefined {
  const cues = matches.filter((m) => m.value.kind === 'event');
  const first = (kind: Cue['kind']) => matches.find((m) => m.value.kind === kind);
  const thwartedCue = first('thwarted');
  const killedCue = first('killed');
  if (cues.length === 0 && !thwartedCue) return undefined;
  const thwarted = !!thwartedCue && (!killedCue || thwartedCue.start < killedCue.start);
  const threatened = !thwarted && !!first('threatened') && !killedCue && !first('injured');
  const typeOf = (m: Match) => (m.value.kind === 'event' ? m.value.subEventType : '');
  let subEventType: string;
  let anchor: Match | undefined;
  if (thwarted) {
    anchor = cues.find((m) => typeOf(m) === 'Arrests');
    subEventType = anchor ? 'Arrests' : 'Disrupted weapons use';
    anchor ??= thwartedCue;
  } else {
    const best = [...cues].sort(
      (a, b) =>
        TYPE_PRIORITY.indexOf(typeOf(a)) - TYPE_PRIORITY.indexOf(typeOf(b)) || a.start - b.start,
    )[0]!;
    subEventType = typeOf(best);
    // The first cue of the report states the incident; the type comes from the most specific.
    anchor = cues[0]!;
  }
  const sentence = sentenceOf(sentences, anchor!.start);
  const eventType = toAcledEventType(subEventType) ?? 'Violence against civilians';

  const counts = bindCounts(matches, sentences, numbers, language);
  const fatalities = counts.killed;
  const injuries = counts.injured;

  const date =
    dates.find(
      (d) =>
        d.value && d.time_precision === 1 && d.start >= sentence.start && d.end <= sentence.end,
    ) ??
    dates.find((d) => d.value && d.time_precision === 1) ??
    dates.find((d) => d.value);
  const place = choosePlace(places, sentence);
  const group = choosePerpetrator(
    matches,
    sentences,
    actors,
    thwarted || subEventType === 'Arrests',
  );
  const eventActors: ExtractedEvent['actors'] = [];
  if (group) eventActors.push({ name: group.canonical, role: 'perpetrator' });
  const stateForce = actors.find(
    (a) => a.actor.state_force || (a.actor.governs && a.actor !== group),
  )?.actor;
  if (stateForce) {
    if (subEventType === 'Air/drone strike' && !group)
      eventActors.push({ name: stateForce.canonical, role: 'perpetrator' });
    else if (thwarted || subEventType === 'Arrests' || subEventType === 'Armed clash')
      eventActors.push({ name: stateForce.canonical, role: 'responder' });
  }
  const event: Omit<ExtractedEvent, 'evidence'> = {
    event_type: eventType,
    sub_event_type: subEventType,
    status: thwarted ? 'thwarted' : threatened ? 'threatened' : 'occurred',
    ...(date?.value ? { date: date.value, time_precision: date.time_precision ?? 1 } : {}),
    ...(place
      ? {
          location: {
            name: place.name,
            ...(place.country ? { country: place.country } : {}),
            ...(place.admin1 ? { admin1: place.admin1 } : {}),
            lat: place.lat,
            lon: place.lon,
            geo_precision: geoPrecisionOf(place),
          },
        }
      : {}),
    actors: eventActors,
    fatalities: fatalities?.range ?? null,
    injuries: injuries?.range ?? null,
  };
  return {
    event,
    sentence,
    ...(fatalities ? { fatalities } : {}),
    ...(injuries ? { injuries } : {}),
  };
}

// Persian, Pashto and Urdu put the figure before the verb ("۱۲ نفر کشته شدند"); a figure after
// a verb there usually belongs to the next one ("… کشته و ۲۰ نفر زخمی").
const VERB_FINAL = new Set<RegionLanguage>(['fa', 'ps', 'ur']);

/**
 * Each figure goes to the nearest casualty word of its sentence; the first figure of each kind
 * is the incident's count.
 */
function bindCounts(
  matches: readonly Match[],
  sentences: readonly Span[],
  numbers: readonly NumberToken[],
  language: RegionLanguage,
): { killed?: NumberToken; injured?: NumberToken } {
  const cues = matches.filter((m) => m.value.kind === 'killed' || m.value.kind === 'injured');
  const out: { killed?: NumberToken; injured?: NumberToken } = {};
  for (const n of numbers) {
    const s = sentenceOf(sentences, n.start);
    let best: Match | undefined;
    let bestGap = Infinity;
    for (const cue of cues) {
      if (cue.start < s.start || cue.end > s.end) continue;
      const after = n.start >= cue.end;
      const gap = after ? n.start - cue.end : cue.start - n.end;
      if (gap < 0 || gap > CASUALTY_WINDOW) continue;
      const weighted = gap + (after ? (VERB_FINAL.has(language) ? 12 : 0.5) : 0);
      if (weighted < bestGap) {
        best = cue;
        bestGap = weighted;
      }
    }
    const kind = best?.value.kind;
    if ((kind === 'killed' || kind === 'injured') && !out[kind]) out[kind] = n;
  }
  return out;
}

const KIND_RANK: Record<Place['kind'], number> = { city: 0, region: 1, admin1: 1, country: 2 };

/** The incident's place: the most precise one of its sentence, else of the report. */
function choosePlace(
  places: ReadonlyArray<{ match: Match; place: Place }>,
  sentence: Span,
): Place | undefined {
  const rank = (pool: typeof places) =>
    [...pool].sort(
      (a, b) => KIND_RANK[a.place.kind] - KIND_RANK[b.place.kind] || a.match.start - b.match.start,
    )[0]?.place;
  const inSentence = places.filter(
    (p) => p.match.start >= sentence.start && p.match.end <= sentence.end,
  );
  return rank(inSentence) ?? rank(places);
}

/** The group that claimed the attack, else the first armed group the report names. */
function choosePerpetrator(
  matches: readonly Match[],
  sentences: readonly Span[],
  actors: ReadonlyArray<{ match: Match; actor: ActorNames }>,
  arrests: boolean,
): ActorNames | undefined {
  let groups = actors.filter((a) => !a.actor.state_force);
  // The Taliban govern Afghanistan: when they arrest another group's members, they are the
  // authority, and the other group is the one suspected.
  if (arrests && groups.some((g) => !g.actor.governs))
    groups = groups.filter((g) => !g.actor.governs);
  const claim = matches.find((m) => m.value.kind === 'claim');
  if (claim) {
    const s = sentenceOf(sentences, claim.start);
    const claimant = groups.find((g) => g.match.start >= s.start && g.match.end <= s.end);
    if (claimant) return claimant.actor;
  }
  return groups[0]?.actor;
}
