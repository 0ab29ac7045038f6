import { notFound, TearlineError } from '../../core/errors.js';
import type { DraftItem, DraftRecord } from '../../core/ports/ingest.js';
import { getDraftOrThrow } from './draft-view.js';
import type { IngestDeps } from './review-deps.js';

/**
 * The draft, all its items and the one item to act on, or an error when the item is missing
 * (404) or already decided (409): only proposed items can be changed.
 *
 * @example const { draft, items, item } = await getProposedItemOrThrow(deps, draftId, itemId)
 */
export async function getProposedItemOrThrow(
  deps: IngestDeps,
  draftId: string,
  itemId: string,
): Promise<{ draft: DraftRecord; items: DraftItem[]; item: DraftItem }> {
  const draft = await getDraftOrThrow(deps, draftId);
  const items = await deps.repo.listDraftItems(draftId);
  const item = items.find((i) => i.itemId === itemId);
  if (!item) {
    throw notFound(
      'TEARLINE_E_INGEST_ITEM_NOT_FOUND',
      `Draft ${draftId} has no item ${itemId}; read the draft for its item ids.`,
    );
  }
  if (item.state !== 'proposed') {
    throw new TearlineError(
      'TEARLINE_E_INGEST_ITEM_DECIDED',
      `Item ${itemId} is already ${item.state}; only proposed items can be changed.`,
      { kind: 'conflict' },
    );
  }
  return { draft, items, item };
}
