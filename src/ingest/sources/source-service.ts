import { toStixTimestamp } from '../../core/clock.js';
import { notFound, TearlineError } from '../../core/errors.js';
import type { FeedRecord, SourceRecord } from '../../core/ports/ingest.js';
import {
  isAdmiraltyGrade,
  parseAdmiraltyGrade,
  type AdmiraltyGrade,
} from '../../core/vocab/admiralty.js';
import type { IngestDeps } from '../review/review-deps.js';

/** What a source is created or changed from (API body, CLI flags). */
export interface SourceInput {
  name?: unknown;
  /** `"B2"` or `{ reliability: 'B', credibility: 2 }`. */
  grade?: unknown;
  autoAccept?: unknown;
}

/** What a feed is created or changed from. */
export interface FeedInput {
  sourceId?: unknown;
  url?: unknown;
  pollMinutes?: unknown;
}

/**
 * An Admiralty grade from its written form ("B2") or object form, or an input error.
 *
 * @example parseGradeInput('b2') // { reliability: 'B', credibility: 2 }
 */
export function parseGradeInput(value: unknown): AdmiraltyGrade {
  const grade = typeof value === 'string' ? parseAdmiraltyGrade(value) : value;
  if (!isAdmiraltyGrade(grade)) {
    throw new TearlineError(
      'TEARLINE_E_INGEST_BAD_GRADE',
      'The grade must be an Admiralty code: a reliability letter A–F and a credibility digit 1–6, e.g. B2.',
    );
  }
  return { reliability: grade.reliability, credibility: grade.credibility };
}

const bad = (message: string) => new TearlineError('TEARLINE_E_INGEST_BAD_SOURCE', message);

/**
 * The source with this id or name, or a not-found error.
 *
 * @example const source = await getSourceOrThrow(deps, 'Reuters')
 */
export async function getSourceOrThrow(deps: IngestDeps, idOrName: string): Promise<SourceRecord> {
  const source =
    (await deps.repo.getSource(idOrName)) ?? (await deps.repo.findSourceByName(idOrName));
  if (!source) {
    throw notFound(
      'TEARLINE_E_INGEST_SOURCE_NOT_FOUND',
      `No source is named or numbered "${idOrName}"; list sources with GET /api/sources or create it.`,
    );
  }
  return source;
}

/**
 * Registers a source with its default grade; auto-accept is off unless asked for.
 *
 * @example await createSource(deps, { name: 'Reuters', grade: 'B2' })
 */
export async function createSource(deps: IngestDeps, input: SourceInput): Promise<SourceRecord> {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name || name.length > 200) throw bad('A source needs a name of 1 to 200 characters.');
  if (await deps.repo.findSourceByName(name)) {
    throw new TearlineError(
      'TEARLINE_E_INGEST_SOURCE_EXISTS',
      `A source named "${name}" already exists; use it or pick another name.`,
      {
        kind: 'conflict',
      },
    );
  }
  if (input.autoAccept !== undefined && typeof input.autoAccept !== 'boolean') {
    throw bad('autoAccept must be true or false.');
  }
  const now = toStixTimestamp(deps.clock.now());
  const source: SourceRecord = {
    id: deps.ids.uuid(),
    name,
    grade:
      input.grade === undefined
        ? { reliability: 'F', credibility: 6 }
        : parseGradeInput(input.grade),
    autoAccept: input.autoAccept === true,
    created: now,
    updated: now,
  };
  await deps.repo.saveSource(source);
  return source;
}

/**
 * Changes a source's name, default grade or auto-accept flag.
 *
 * @example await updateSource(deps, id, { autoAccept: true })
 */
export async function updateSource(
  deps: IngestDeps,
  id: string,
  input: SourceInput,
): Promise<SourceRecord> {
  const source = await getSourceOrThrow(deps, id);
  const next: SourceRecord = { ...source, updated: toStixTimestamp(deps.clock.now()) };
  if (input.name !== undefined) {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!name || name.length > 200) throw bad('A source needs a name of 1 to 200 characters.');
    const other = await deps.repo.findSourceByName(name);
    if (other && other.id !== source.id) {
      throw new TearlineError(
        'TEARLINE_E_INGEST_SOURCE_EXISTS',
        `A source named "${name}" already exists; pick another name.`,
        {
          kind: 'conflict',
        },
      );
    }
    next.name = name;
  }
  if (input.grade !== undefined) next.grade = parseGradeInput(input.grade);
  if (input.autoAccept !== undefined) {
    if (typeof input.autoAccept !== 'boolean') throw bad('autoAccept must be true or false.');
    next.autoAccept = input.autoAccept;
  }
  await deps.repo.saveSource(next);
  return next;
}

const badFeed = (message: string) => new TearlineError('TEARLINE_E_INGEST_BAD_FEED_INPUT', message);

function parseFeedUrl(value: unknown): string {
  if (typeof value !== 'string') throw badFeed('A feed needs a url.');
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // reported below
  }
  throw badFeed(
    `The feed url must be an http:// or https:// address (got "${String(value).slice(0, 100)}").`,
  );
}

function parsePollMinutes(value: unknown): number {
  if (value === undefined) return 60;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 10080) {
    throw badFeed('pollMinutes must be a whole number of minutes from 1 to 10080 (a week).');
  }
  return value as number;
}

/**
 * Adds a feed polled for a source every `pollMinutes` (60 by default).
 *
 * @example await createFeed(deps, { sourceId, url: 'https://example.org/rss', pollMinutes: 30 })
 */
export async function createFeed(deps: IngestDeps, input: FeedInput): Promise<FeedRecord> {
  if (typeof input.sourceId !== 'string') throw badFeed('A feed needs the sourceId of its source.');
  const source = await getSourceOrThrow(deps, input.sourceId);
  const feed: FeedRecord = {
    id: deps.ids.uuid(),
    sourceId: source.id,
    url: parseFeedUrl(input.url),
    pollMinutes: parsePollMinutes(input.pollMinutes),
    created: toStixTimestamp(deps.clock.now()),
  };
  await deps.repo.saveFeed(feed);
  return feed;
}

/**
 * The feed with this id, or a not-found error.
 *
 * @example const feed = await getFeedOrThrow(deps, id)
 */
export async function getFeedOrThrow(deps: IngestDeps, id: string): Promise<FeedRecord> {
  const feed = await deps.repo.getFeed(id);
  if (!feed) {
    throw notFound(
      'TEARLINE_E_INGEST_FEED_NOT_FOUND',
      `No feed has the id ${id}; list feeds with GET /api/feeds.`,
    );
  }
  return feed;
}

/**
 * Changes a feed's URL or poll interval.
 *
 * @example await updateFeed(deps, id, { pollMinutes: 15 })
 */
export async function updateFeed(
  deps: IngestDeps,
  id: string,
  input: FeedInput,
): Promise<FeedRecord> {
  const feed = await getFeedOrThrow(deps, id);
  const next: FeedRecord = { ...feed };
  if (input.url !== undefined) next.url = parseFeedUrl(input.url);
  if (input.pollMinutes !== undefined) next.pollMinutes = parsePollMinutes(input.pollMinutes);
  await deps.repo.saveFeed(next);
  return next;
}
