import { toStixTimestamp } from '../../core/clock.js';
import { TearlineError, isTearlineError } from '../../core/errors.js';
import type { DraftRecord, SourceRecord } from '../../core/ports/ingest.js';
import type { AdmiraltyGrade } from '../../core/vocab/admiralty.js';
import { DEFAULT_MAX_CHARS, extractDocument } from '../extract.js';
import type { ActorRecord } from '../gazetteer/actor-record.js';
import { isRegionLanguage } from '../languages/extract-region-language.js';
import type { ReadDocument } from '../readers/document.js';
import { getDraftOrThrow, loadMergeContext, proposedActorNames } from '../review/draft-view.js';
import { findMergeCandidates } from '../review/merge-candidates.js';
import type { IngestDeps } from '../review/review-deps.js';
import { acceptAll } from '../review/review-service.js';
import { createDraftItems, createDraftRecord } from './create-draft.js';

/** How a report is taken in: its source, grade, publication day, and whether to accept at once. */
export interface IngestOptions {
  source?: SourceRecord;
  grade?: AdmiraltyGrade;
  /** `YYYY-MM-DD`; overrides the date the document states. */
  published?: string;
  url?: string;
  title?: string;
  /** Accept every item (merging matches) without review, as a source's auto-accept does. */
  accept?: boolean;
}

/**
 * Saves a read document as a draft in state `queued`, for an extraction job to fill.
 *
 * @example const draft = await queueReport(deps, doc, { source })
 */
export async function queueReport(
  deps: IngestDeps,
  doc: ReadDocument,
  options: IngestOptions = {},
): Promise<DraftRecord> {
  const draft = toQueuedDraft(deps, doc, options);
  await deps.repo.saveDraft(draft, []);
  return draft;
}

function toQueuedDraft(deps: IngestDeps, doc: ReadDocument, options: IngestOptions): DraftRecord {
  if (doc.text.length > DEFAULT_MAX_CHARS) {
    // Refused before anything is saved: a draft that can never be extracted is not kept.
    throw new TearlineError(
      'TEARLINE_E_INGEST_TOO_LARGE',
      `The report's text has ${doc.text.length.toLocaleString('en')} characters, over the limit of ${DEFAULT_MAX_CHARS.toLocaleString('en')}; split it into separate reports.`,
      { kind: 'too-large' },
    );
  }
  const title = options.title ?? doc.title;
  const published = options.published ?? doc.published;
  const url = options.url ?? (/^https?:\/\//.test(doc.origin) ? doc.origin : undefined);
  return createDraftRecord(
    {
      text: doc.text,
      origin: doc.origin,
      language: doc.language,
      ...(title ? { title } : {}),
      ...(published ? { published } : {}),
      ...(url ? { url } : {}),
      ...(options.source ? { source: options.source } : {}),
      ...(options.grade ? { grade: options.grade } : {}),
    },
    deps,
  );
}

/**
 * Extracts a queued draft: proposes its items (or records why there are none) and, when asked or
 * when its source auto-accepts, accepts them all, merging incidents that match existing ones.
 * Items and state are written in one transaction; a failure leaves the draft `failed` with the
 * reason, never half-filled.
 *
 * @example await extractDraft(deps, draft.id)
 */
export async function extractDraft(
  deps: IngestDeps,
  draftId: string,
  options: { accept?: boolean } = {},
): Promise<DraftRecord> {
  const draft = await getDraftOrThrow(deps, draftId);
  // A second job for one draft (a retry after a crash, the start-up sweep) finds it extracted
  // and leaves it, with whatever review it has had, as it is.
  if (draft.state !== 'queued') return draft;
  return extractQueued(deps, draft, options);
}

async function extractQueued(
  deps: IngestDeps,
  draft: DraftRecord,
  options: { accept?: boolean },
): Promise<DraftRecord> {
  const now = toStixTimestamp(deps.clock.now());
  let result;
  const extract = deps.extract ?? (async (i, o) => extractDocument(i, o));
  try {
    result = await extract(
      {
        id: draft.id,
        text: draft.text,
        ...(draft.published ? { published: draft.published } : {}),
      },
      { knownActors: await loadKnownActors(deps) },
    );
  } catch (error) {
    if (!isTearlineError(error)) throw error;
    const failed: DraftRecord = { ...draft, state: 'failed', error: error.message, updated: now };
    await deps.repo.saveDraft(failed, []);
    return failed;
  }
  const language = result.language === 'und' || !result.language ? 'en' : result.language;
  if (language !== 'en' && !isRegionLanguage(language)) {
    // No rules read this language: the text is kept intact, nothing proposed.
    const open: DraftRecord = {
      ...draft,
      state: 'open',
      language,
      error: `The report is in another language (${language}); no items were extracted. Translate it or add items by hand.`,
      updated: now,
    };
    await deps.repo.saveDraft(open, []);
    return open;
  }
  const [actors, locations] = await Promise.all([
    deps.objects.findLatest({ types: ['threat-actor'] }),
    deps.objects.findLatest({ types: ['location'] }),
  ]);
  const items = createDraftItems(draft, result, { actors, locations }, deps);
  const open: DraftRecord = {
    ...draft,
    state: items.length > 0 ? 'open' : 'reviewed',
    language,
    ...(items.length === 0
      ? { error: 'No incident, actor or place was found in the report.' }
      : {}),
    updated: now,
  };
  await deps.repo.saveDraft(open, items);
  const source = draft.sourceId ? await deps.repo.getSource(draft.sourceId) : undefined;
  if ((options.accept || source?.autoAccept) && items.length > 0) {
    const context = await loadMergeContext(deps);
    const mergeInto: Record<string, string> = {};
    for (const item of items) {
      if (item.kind !== 'incident') continue;
      const [best] = findMergeCandidates(
        item.object,
        proposedActorNames(items, item.object.id),
        context.incidents,
        context.actorNamesOf,
      );
      if (best) mergeInto[item.itemId] = best.incident.id;
    }
    return (await acceptAll(deps, draft.id, { mergeInto })).draft;
  }
  return open;
}

/**
 * Reads, drafts and extracts one document at once (paste, upload, CLI).
 *
 * @example const draft = await ingestReport(deps, await readDocument(bytes, { origin: 'paste' }))
 */
export async function ingestReport(
  deps: IngestDeps,
  doc: ReadDocument,
  options: IngestOptions = {},
): Promise<DraftRecord> {
  if (!doc.text.trim()) {
    throw new TearlineError(
      'TEARLINE_E_INGEST_EMPTY',
      'The report has no text; paste or upload a report with text.',
    );
  }
  // Not saved while queued: a process killed during extraction would leave a queued draft that no
  // job will ever pick up. The draft is first written extracted (or failed), with its items.
  const draft = toQueuedDraft(deps, doc, options);
  return extractQueued(deps, draft, options.accept ? { accept: true } : {});
}

/** The store's threat actors in the extractor's gazetteer shape. */
async function loadKnownActors(deps: IngestDeps): Promise<ActorRecord[]> {
  const actors = await deps.objects.findLatest({ types: ['threat-actor'] });
  return actors
    .filter((a) => typeof a.name === 'string')
    .map((a) => ({
      canonical: a.name as string,
      aliases: Array.isArray(a.aliases) ? (a.aliases as string[]) : [],
      kind: 'armed-group' as const,
    }));
}
