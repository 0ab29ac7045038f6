import type { Database } from '../database.js';
import { withDynamicTables } from '../schema/dynamic-tables.js';
import type {
  DraftItem,
  DraftRecord,
  FeedRecord,
  IngestRepository,
  SourceRecord,
} from '../../core/ports/ingest.js';

const parse = <T>(row: { body: string } | undefined): T | undefined =>
  row ? (JSON.parse(row.body) as T) : undefined;

/**
 * Sources, feeds, feed items seen, drafts and their items on either engine. Records are kept as
 * JSON text beside the few columns queries filter and sort on.
 *
 * @example const ingest = createIngestRepository(database); await ingest.listSources()
 */
export function createIngestRepository(database: Database): IngestRepository {
  const db = database.db;
  const upsert = async (
    table: string,
    values: Record<string, unknown>,
    update: Record<string, unknown>,
  ) => {
    await withDynamicTables(db)
      .insertInto(table)
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet(update))
      .execute();
  };
  return {
    async saveSource(s: SourceRecord) {
      const body = JSON.stringify(s);
      await upsert('ingest_sources', { id: s.id, name: s.name, body }, { name: s.name, body });
    },
    async getSource(id) {
      return parse<SourceRecord>(
        await db
          .selectFrom('ingest_sources')
          .select('body')
          .where('id', '=', id)
          .executeTakeFirst(),
      );
    },
    async findSourceByName(name) {
      return parse<SourceRecord>(
        await db
          .selectFrom('ingest_sources')
          .select('body')
          .where('name', '=', name)
          .executeTakeFirst(),
      );
    },
    async listSources() {
      const rows = await db.selectFrom('ingest_sources').select('body').orderBy('name').execute();
      return rows.map((r) => JSON.parse(r.body) as SourceRecord);
    },
    async deleteSource(id) {
      const r = await db.deleteFrom('ingest_sources').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async saveFeed(f: FeedRecord) {
      const body = JSON.stringify(f);
      await upsert('ingest_feeds', { id: f.id, source_id: f.sourceId, body }, { body });
    },
    async getFeed(id) {
      return parse<FeedRecord>(
        await db.selectFrom('ingest_feeds').select('body').where('id', '=', id).executeTakeFirst(),
      );
    },
    async listFeeds() {
      const rows = await db.selectFrom('ingest_feeds').select('body').orderBy('id').execute();
      return rows.map((r) => JSON.parse(r.body) as FeedRecord);
    },
    async deleteFeed(id) {
      const r = await db.deleteFrom('ingest_feeds').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async findSeenFeedItems(feedId, keys) {
      if (keys.length === 0) return [];
      const seen: string[] = [];
      for (let i = 0; i < keys.length; i += 400) {
        const rows = await db
          .selectFrom('ingest_feed_items')
          .select('item_key')
          .where('feed_id', '=', feedId)
          .where('item_key', 'in', keys.slice(i, i + 400))
          .execute();
        seen.push(...rows.map((r) => r.item_key));
      }
      return seen;
    },
    async markFeedItemsSeen(feedId, keys, seen) {
      const fresh: string[] = [];
      for (const key of keys) {
        const r = await db
          .insertInto('ingest_feed_items')
          .values({ feed_id: feedId, item_key: key, seen })
          .onConflict((oc) => oc.columns(['feed_id', 'item_key']).doNothing())
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0n) > 0) fresh.push(key);
      }
      return fresh;
    },
    async saveDraft(draft: DraftRecord, items) {
      const body = JSON.stringify(draft);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('ingest_drafts')
          .values({ id: draft.id, state: draft.state, created: draft.created, body })
          .onConflict((oc) => oc.column('id').doUpdateSet({ state: draft.state, body }))
          .execute();
        if (items) {
          await trx.deleteFrom('ingest_draft_items').where('draft_id', '=', draft.id).execute();
          for (let i = 0; i < items.length; i += 200) {
            await trx
              .insertInto('ingest_draft_items')
              .values(
                items.slice(i, i + 200).map((item, k) => ({
                  draft_id: item.draftId,
                  item_id: item.itemId,
                  ord: i + k,
                  body: JSON.stringify(item),
                })),
              )
              .execute();
          }
        }
      });
    },
    async getDraft(id) {
      return parse<DraftRecord>(
        await db.selectFrom('ingest_drafts').select('body').where('id', '=', id).executeTakeFirst(),
      );
    },
    async listDrafts(filter = {}) {
      let q = db.selectFrom('ingest_drafts').select('body');
      if (filter.state) q = q.where('state', '=', filter.state);
      const rows = await q
        .orderBy('created', 'desc')
        .orderBy('id')
        .limit(filter.limit ?? 100)
        .offset(filter.offset ?? 0)
        .execute();
      return rows.map((r) => JSON.parse(r.body) as DraftRecord);
    },
    async listDraftItems(draftId) {
      const rows = await db
        .selectFrom('ingest_draft_items')
        .select('body')
        .where('draft_id', '=', draftId)
        .orderBy('ord')
        .execute();
      return rows.map((r) => JSON.parse(r.body) as DraftItem);
    },
    async saveDraftItems(items) {
      await db.transaction().execute(async (trx) => {
        for (const item of items) {
          await trx
            .updateTable('ingest_draft_items')
            .set({ body: JSON.stringify(item) })
            .where('draft_id', '=', item.draftId)
            .where('item_id', '=', item.itemId)
            .execute();
        }
      });
    },
  };
}
