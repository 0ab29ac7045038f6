import { sql, type CompiledQuery, type Kysely, type Selectable } from 'kysely';
import { TearlineError } from '../../core/errors.js';
import type {
  Collection,
  CollectionEntry,
  CollectionPage,
  CollectionQuery,
  CollectionRepository,
  PageRoom,
} from '../../core/ports/collection-repository.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import type { Database } from '../database.js';
import type { TaxiiCollectionsTable, TearlineDb } from '../schema/tearline-db.js';
import { prepareRead, type SlotOf } from '../prepared-read.js';
import { normalizeQuery, toWhereConditions } from './collection-query-sql.js';
import { parsePageCursor, toPageCursor } from './page-cursor.js';
import { createSqliteRowReader } from './sqlite-row-reader.js';
import type { WorkerPage } from '../page-read/page-read-thread.js';
import { toTimestampKey } from '../../core/stix/timestamp-key.js';
import { specVersionOf } from '../../core/stix/spec-version.js';
import { versionsToDelete } from './versions-to-delete.js';
import { holdsAuditedMarkingId } from '../../core/audit.js';

type CollectionRow = Selectable<TaxiiCollectionsTable>;

const DIRECTIONS: ReadonlySet<string> = new Set<Collection['direction']>([
  'outbound',
  'inbound',
  'internal',
]);

/** The stored direction, checked: the column is free text to the database. */
function directionOf(row: CollectionRow): Collection['direction'] {
  if (DIRECTIONS.has(row.direction)) return row.direction as Collection['direction'];
  throw new TypeError(`Collection ${row.id} has an unknown direction: ${row.direction}`);
}

/** A page row: object_id, version, date_added, object, may_hold_audited (the SELECT's order). */
type EntryTuple = [string, string, string, string, number];

/**
 * The page query is raw SQL (built once, run on the raw driver for speed), so its rows come back
 * untyped: each is checked rather than cast, which costs four `typeof` a row.
 */
function checkedTuples(rows: unknown[][]): EntryTuple[] {
  const checked: EntryTuple[] = [];
  for (const row of rows) {
    if (!isEntryTuple(row)) throw new TypeError('A page row is not four strings and a number.');
    checked.push(row);
  }
  return checked;
}

function isEntryTuple(row: unknown[]): row is EntryTuple {
  return (
    row.length === 5 &&
    typeof row[0] === 'string' &&
    typeof row[1] === 'string' &&
    typeof row[2] === 'string' &&
    typeof row[3] === 'string' &&
    typeof row[4] === 'number'
  );
}

const fromCollectionRow = (r: CollectionRow): Collection => ({
  id: r.id,
  title: r.title,
  ...(r.description === null ? {} : { description: r.description }),
  ...(r.alias === null ? {} : { alias: r.alias }),
  canRead: Number(r.can_read) === 1,
  canWrite: Number(r.can_write) === 1,
  mediaTypes: JSON.parse(r.media_types) as string[],
  ...(r.partner_id === null ? {} : { partnerId: r.partner_id }),
  direction: directionOf(r),
});

/**
 * The version key of an object in a collection: `modified`, else `created`, else (SCOs) its
 * `date_added` (TAXII 2.1 §3.4.2 match[version]).
 */
export function versionKeyOf(object: StixObject, dateAddedKey: string): string {
  const raw = object.modified ?? object.created;
  if (raw === undefined) return dateAddedKey;
  const key = typeof raw === 'string' ? toTimestampKey(raw) : undefined;
  if (!key) {
    throw new TearlineError(
      'TEARLINE_E_TAXII_BAD_OBJECT',
      `Object ${String(object.id)} has a modified/created that is not a UTC timestamp; fix the object and send it again.`,
      {
        kind: 'input',
        details: [
          { subject: String(object.id), path: '.modified', message: 'not a UTC timestamp' },
        ],
      },
    );
  }
  return key;
}

const CHUNK = 400;

/** Byte order of keys, the order of the page index (binary on SQLite, "C" on PostgreSQL). */
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Recomputes `newer_added` (migration 0051) for the objects of a collection that now have more
 * than one version, and sets it to null for those left with one. After an insert the second step
 * is skipped (`afterInsert`): an insert only adds versions, so an object with one version now had
 * none or that one before, and its `newer_added` is null already.
 */
async function refreshNewerAdded(
  db: Kysely<TearlineDb>,
  collectionId: string,
  objectIds: string[],
  afterInsert = false,
) {
  if (objectIds.length === 0) return;
  const ids = sql.join(objectIds.map((id) => sql`${id}`));
  const multi = await sql<{ object_id: string }>`select object_id from taxii_collection_objects
    where collection_id = ${collectionId} and object_id in (${ids})
    group by object_id having count(*) > 1`.execute(db);
  const several = multi.rows.map((r) => r.object_id);
  const reset = afterInsert ? [] : objectIds.filter((id) => !several.includes(id));
  if (reset.length > 0)
    await sql`update taxii_collection_objects set newer_added = null
      where collection_id = ${collectionId} and newer_added is not null
        and object_id in (${sql.join(reset.map((id) => sql`${id}`))})`.execute(db);
  if (several.length === 0) return;
  await sql`update taxii_collection_objects set newer_added = (
      select max(s.date_added) from taxii_collection_objects s
      where s.collection_id = taxii_collection_objects.collection_id
        and s.object_id = taxii_collection_objects.object_id
        and (s.spec_version, s.version) >
            (taxii_collection_objects.spec_version, taxii_collection_objects.version))
    where collection_id = ${collectionId}
      and object_id in (${sql.join(several.map((id) => sql`${id}`))})`.execute(db);
}

/**
 * An entry whose object is parsed only when read: the TAXII objects endpoint sends `json` as it
 * is, so a page of a hundred objects costs no parse and no re-serialisation. A class, so that the
 * getter lives once on the prototype instead of being defined on each of a page's entries.
 */
class LazyEntry implements CollectionEntry {
  #parsed: StixObject | undefined;
  constructor(
    readonly json: string,
    readonly dateAdded: string,
  ) {}
  get object(): StixObject {
    this.#parsed ??= JSON.parse(this.json) as StixObject;
    return this.#parsed;
  }
}

/** A page read in this thread, in the shape the page-read worker answers. */
function toWorkerPage(rows: EntryTuple[], limit: number, room: PageRoom): WorkerPage {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const key = (r: EntryTuple | undefined) => r && ([r[2], r[0], r[1]] as [string, string, string]);
  const first = key(page[0]);
  const last = key(page[page.length - 1]);
  const text = page.map((r) => r[3]).join(',');
  const length = Buffer.byteLength(text);
  const bytes = Buffer.allocUnsafe(room.before + length + room.after);
  bytes.write(text, room.before);
  return {
    bytes,
    jsonStart: room.before,
    jsonEnd: room.before + length,
    count: page.length,
    more,
    mayHoldAudited: page.some((r) => r[4] !== 0),
    ...(first ? { first } : {}),
    ...(last ? { last } : {}),
  };
}

/**
 * TAXII collections and their own copies of object versions, on either engine. Pages are read
 * in (date_added, object id, version) order through one index (status resources:
 * taxii-status-repository.ts).
 *
 * @example const collections = createCollectionRepository(database)
 */
export function createCollectionRepository(database: Database): CollectionRepository {
  const db = database.db;
  const readTuples = createSqliteRowReader(database);
  // Every TAXII request reads its collection: compiled once (prepared-read.ts).
  /** The page query of `query`: its rows are EntryTuples. */
  const compilePageQuery = (collectionId: string, query: CollectionQuery) => {
    const n = normalizeQuery(query);
    const after =
      query.next === undefined ? undefined : parsePageCursor(collectionId, query, query.next);
    const limit = Math.max(1, Math.floor(query.limit));
    const where = toWhereConditions(collectionId, n, after);
    const compiled = sql`select o.object_id, o.version, o.date_added, o.object, o.may_hold_audited
        from taxii_collection_objects o
        where ${sql.join(where, sql` and `)}
        order by o.date_added, o.object_id, o.version
        limit ${limit + 1}`.compile(db);
    return { compiled, limit };
  };
  // Kysely plugins (tests install them to watch queries) see only queries Kysely runs.
  const postgres =
    database.db.getExecutor().plugins.length === 0 ? database.postgresReader : undefined;
  const readRows = async (compiled: CompiledQuery): Promise<EntryTuple[]> =>
    checkedTuples(
      readTuples
        ? await readTuples(compiled)
        : postgres
          ? await postgres.arrays(compiled.sql, compiled.parameters)
          : (await db.executeQuery<Record<string, unknown>>(compiled)).rows.map((r) => [
              r.object_id,
              r.version,
              r.date_added,
              r.object,
              r.may_hold_audited,
            ]),
    );
  const collectionById = prepareRead(database, (slot: SlotOf<{ id: string }>) =>
    db.selectFrom('taxii_collections').selectAll().where('id', '=', slot('id')),
  );
  return {
    async createCollection(c) {
      await db
        .insertInto('taxii_collections')
        .values({
          id: c.id,
          title: c.title,
          description: c.description ?? null,
          alias: c.alias ?? null,
          can_read: c.canRead ? 1 : 0,
          can_write: c.canWrite ? 1 : 0,
          media_types: JSON.stringify(c.mediaTypes),
          partner_id: c.partnerId ?? null,
          direction: c.direction,
        })
        .execute();
    },

    async getCollection(id) {
      const row = (await collectionById({ id }))[0];
      return row && fromCollectionRow(row);
    },

    async listCollections(filter = {}) {
      let q = db.selectFrom('taxii_collections').selectAll();
      if (filter.partnerId !== undefined) q = q.where('partner_id', '=', filter.partnerId);
      const rows = await q.orderBy('title').orderBy('id').execute();
      return rows.map(fromCollectionRow);
    },

    async addObjects(collectionId, objects, dateAdded, texts) {
      if (texts !== undefined && texts.length !== objects.length)
        throw new TypeError('addObjects: one text per object, or none.');
      const dateKey = toTimestampKey(dateAdded);
      if (!dateKey)
        throw new TearlineError(
          'TEARLINE_E_TAXII_BAD_FILTER',
          'date_added must be a UTC timestamp.',
          { kind: 'input' },
        );
      const rows = objects.map((object, i) => {
        const text = texts?.[i] ?? JSON.stringify(object);
        return {
          collection_id: collectionId,
          object_id: object.id,
          version: versionKeyOf(object, dateKey),
          date_added: dateKey,
          type: object.type,
          spec_version: specVersionOf(object),
          revoked: object.revoked === true ? 1 : 0,
          object: text,
          // Searched once here, so that a TAXII page of these rows is not searched each time.
          may_hold_audited: holdsAuditedMarkingId(text) ? 1 : 0,
        };
      });
      if (rows.length === 0) return;
      // Inserted in page order (one date_added, then object id and version), the rows of a page
      // sit side by side in the table (SQLite's rowid order is insertion order), so reading a page
      // of a hundred objects touches a few table pages instead of a hundred scattered ones.
      rows.sort(
        (a, b) => compareKeys(a.object_id, b.object_id) || compareKeys(a.version, b.version),
      );
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += CHUNK) {
          const chunk = rows.slice(i, i + CHUNK);
          await trx
            .insertInto('taxii_collection_objects')
            .values(chunk)
            .onConflict((oc) => oc.columns(['collection_id', 'object_id', 'version']).doNothing())
            .execute();
          await refreshNewerAdded(
            trx,
            collectionId,
            [...new Set(chunk.map((r) => r.object_id))],
            true,
          );
        }
      });
    },

    async queryObjects(collectionId: string, query: CollectionQuery): Promise<CollectionPage> {
      const { compiled, limit } = compilePageQuery(collectionId, query);
      const rows = await readRows(compiled);
      const more = rows.length > limit;
      const page = more ? rows.slice(0, limit) : rows;
      const entries = page.map((r) => new LazyEntry(r[3], r[2]));
      const last = page[page.length - 1];
      return more && last
        ? {
            entries,
            more,
            next: toPageCursor(collectionId, query, {
              dateAdded: last[2],
              objectId: last[0],
              version: last[1],
            }),
          }
        : { entries, more: false };
    },

    async queryObjectsJson(collectionId, query, room = { before: 0, after: 0 }) {
      const { compiled, limit } = compilePageQuery(collectionId, query);
      const read =
        (await database.pageReadWorker?.readPage(compiled.sql, compiled.parameters, limit, room)) ??
        toWorkerPage(await readRows(compiled), limit, room);
      let next: string | undefined;
      try {
        next =
          read.more && read.last
            ? toPageCursor(collectionId, query, {
                dateAdded: read.last[0],
                objectId: read.last[1],
                version: read.last[2],
              })
            : undefined;
      } catch (error) {
        read.release?.();
        throw error;
      }
      return {
        bytes: read.bytes,
        jsonStart: read.jsonStart,
        jsonEnd: read.jsonEnd,
        count: read.count,
        ...(read.first ? { firstAdded: read.first[0] } : {}),
        ...(read.last ? { lastAdded: read.last[0] } : {}),
        more: read.more,
        mayHoldAudited: read.mayHoldAudited,
        ...(next === undefined ? {} : { next }),
        ...(read.release ? { release: read.release } : {}),
      };
    },

    async deleteObject(collectionId, objectId, filter = {}) {
      const rows = await db
        .selectFrom('taxii_collection_objects')
        .select(['version', 'spec_version'])
        .where('collection_id', '=', collectionId)
        .where('object_id', '=', objectId)
        .orderBy('version')
        .execute();
      const chosen = versionsToDelete(rows, filter);
      if (chosen.size === 0) return 0;
      return db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('taxii_collection_objects')
          .where('collection_id', '=', collectionId)
          .where('object_id', '=', objectId)
          .where('version', 'in', [...chosen])
          .executeTakeFirst();
        await refreshNewerAdded(trx, collectionId, [objectId]);
        return Number(deleted.numDeletedRows);
      });
    },
  };
}
