import type { Database } from '../database.js';

/** One remote TAXII collection `tearline pull` reads from, and how far it got. */
export interface PullSource {
  /** Stable id of (url, collection id). */
  id: string;
  url: string;
  collectionId: string;
  /** The last `X-TAXII-Date-Added-Last` seen: the next pull asks for `added_after` this. */
  lastAdded?: string;
  lastPulled?: string;
}

/** Who sent an object version, from which collection, and when it arrived (provenance). */
export interface PullReceipt {
  sourceId: string;
  objectId: string;
  version: string;
  /** The remote collection's date_added for this version. */
  dateAdded: string;
  received: string;
  /** The identity the remote server authenticated us to, or the server's URL. */
  sender: string;
}

/** Resume points and provenance receipts of `tearline pull`. */
export interface PullStateRepository {
  getSource(id: string): Promise<PullSource | undefined>;
  /** Creates the source or moves its resume point. */
  saveSource(source: PullSource): Promise<void>;
  /** Records receipts; a version already received from the same source keeps its first receipt. */
  addReceipts(receipts: readonly PullReceipt[]): Promise<void>;
  listReceipts(objectId: string): Promise<PullReceipt[]>;
}

/**
 * Pull state on either engine.
 *
 * @example const pulls = createPullStateRepository(database); await pulls.getSource(id)
 */
export function createPullStateRepository(database: Database): PullStateRepository {
  const db = database.db;
  return {
    async getSource(id) {
      const r = await db
        .selectFrom('taxii_pull_sources')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!r) return undefined;
      return {
        id: r.id,
        url: r.url,
        collectionId: r.collection_id,
        ...(r.last_added === null ? {} : { lastAdded: r.last_added }),
        ...(r.last_pulled === null ? {} : { lastPulled: r.last_pulled }),
      };
    },
    async saveSource(s) {
      const values = {
        id: s.id,
        url: s.url,
        collection_id: s.collectionId,
        last_added: s.lastAdded ?? null,
        last_pulled: s.lastPulled ?? null,
      };
      await db
        .insertInto('taxii_pull_sources')
        .values(values)
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet({ last_added: values.last_added, last_pulled: values.last_pulled }),
        )
        .execute();
    },
    async addReceipts(receipts) {
      for (let i = 0; i < receipts.length; i += 400) {
        const rows = receipts.slice(i, i + 400).map((r) => ({
          source_id: r.sourceId,
          object_id: r.objectId,
          version: r.version,
          date_added: r.dateAdded,
          received: r.received,
          sender: r.sender,
        }));
        await db
          .insertInto('taxii_pull_receipts')
          .values(rows)
          .onConflict((oc) => oc.columns(['source_id', 'object_id', 'version']).doNothing())
          .execute();
      }
    },
    async listReceipts(objectId) {
      const rows = await db
        .selectFrom('taxii_pull_receipts')
        .selectAll()
        .where('object_id', '=', objectId)
        .orderBy('received')
        .orderBy('version')
        .execute();
      return rows.map((r) => ({
        sourceId: r.source_id,
        objectId: r.object_id,
        version: r.version,
        dateAdded: r.date_added,
        received: r.received,
        sender: r.sender,
      }));
    },
  };
}
