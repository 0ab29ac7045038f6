import { TearlineError } from '../core/errors.js';
import { findAttributions } from './attribution/find-attributions.js';
import { classifyEvent } from './classify/classify-event.js';
import { findEntities } from './entities/find-entities.js';
import { datelineDay } from './events/dateline.js';
import { detectEvents, type ClassifyEvent } from './events/detect-events.js';
import { extractInSections } from './extract-sections.js';
import type { Entity, ExtractInput, ExtractOutput, Span } from './extract-types.js';
import type { ActorRecord } from './gazetteer/actor-record.js';
import { extractRegionLanguage } from './languages/extract-region-language.js';
import { splitSentences } from './text/split-sentences.js';

/** The stages of the pipeline, replaceable one by one (tests, benchmarks, other languages). */
export interface ExtractStages {
  splitSentences(text: string): Span[];
  findEntities(
    text: string,
    options: { published?: string; knownActors?: readonly ActorRecord[] },
  ): Entity[];
  classifyEvent: ClassifyEvent;
}

export interface ExtractOptions {
  /** Groups the store already knows, found by name and alias on top of the built-in gazetteer. */
  knownActors?: readonly ActorRecord[];
  /** Longest text accepted, in UTF-16 code units (default {@link DEFAULT_MAX_CHARS}). */
  maxChars?: number;
  /** Texts longer than this are extracted section by section (default {@link DEFAULT_SECTION_CHARS}). */
  sectionChars?: number;
  stages?: Partial<ExtractStages>;
}

/** What `extractDocument` returns: the contract's output line with the report's language. */
export interface ExtractResult extends ExtractOutput {
  /** ISO 639-1 code of the report's language ('en', 'ru', 'fa', 'ps', 'ar', 'ur', …; 'und'). */
  language?: string;
}

/** 2 million code units, about 1,000 pages: beyond it a "document" is a corpus to split. */
export const DEFAULT_MAX_CHARS = 2_000_000;
/** About 50 pages: a longer text is extracted in sections cut at paragraphs (ADR 0025). */
export const DEFAULT_SECTION_CHARS = 100_000;

const defaultStages: ExtractStages = {
  splitSentences,
  findEntities: (text, options) => findEntities(text, options),
  classifyEvent,
};

/**
 * Extracts one report: entities, events (one per distinct incident, the main one first) and
 * attributions, with UTF-16 offsets into `input.text`, and the report's `language`. Pure: no I/O,
 * no clock. Russian, Persian, Pashto, Arabic and Urdu are read by the region's rules; another
 * language yields no items and its `language`; text over `maxChars` is refused.
 *
 * @example extractDocument({ id: 'r1', text: 'A car bomb killed 12 people in Kabul on Monday.', published: '2024-06-10' }).events[0]?.fatalities // { min: 12, max: 12 }
 */
export function extractDocument(input: ExtractInput, options: ExtractOptions = {}): ExtractResult {
  const stages = { ...defaultStages, ...options.stages };
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const text = input.text;
  if (text.length > maxChars) {
    throw new TearlineError(
      'TEARLINE_E_EXTRACT_TOO_LARGE',
      `The text of "${input.id}" has ${text.length.toLocaleString('en')} characters, over the limit of ${maxChars.toLocaleString('en')}; split it into separate reports or raise --max-chars.`,
      { kind: 'too-large' },
    );
  }
  const empty: ExtractResult = { id: input.id, entities: [], events: [], attributions: [] };
  if (text.trim() === '') return empty;
  const sectionChars = options.sectionChars ?? DEFAULT_SECTION_CHARS;
  if (text.length > sectionChars) {
    // Each section costs a bounded time: a long text costs time in proportion to its length.
    return extractInSections(input, sectionChars, (part) =>
      extractDocument({ ...input, text: part }, { ...options, sectionChars: Infinity }),
    );
  }
  // The region's languages are read by their own rules (src/ingest/languages, ADR 0021); other
  // languages get their code and no items.
  const region = extractRegionLanguage(input);
  if (region.output) return { ...region.output, language: region.language };
  const sentences = stages.splitSentences(text);
  // "On Friday" is read against the day the reporter wrote, when the dateline gives it.
  const reference = datelineDay(text, input.published) ?? input.published;
  const entities = stages.findEntities(text, {
    ...(reference ? { published: reference } : {}),
    ...(options.knownActors ? { knownActors: options.knownActors } : {}),
  });
  const events = detectEvents(text, sentences, entities, stages.classifyEvent);
  const attributions = findAttributions(text, sentences, entities);
  return { id: input.id, entities, events, attributions, language: region.language };
}
