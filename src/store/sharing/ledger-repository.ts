import { sql, type Selectable } from 'kysely';
import type { LedgerEntry, LedgerRepository } from '../../core/ports/sharing.js';
import type { Database } from '../database.js';
import type { SharingLedgerTable } from '../schema/tearline-db.js';

type LedgerRow = Selectable<SharingLedgerTable>;

const COLUMNS = [
  'seq',
  'partner_id',
  'object_id',
  'object_version',
  'sha256',
  'release_id',
  'approver',
  'action',
  'at',
  'prev_hash',
  'hash',
  'acknowledgements',
] as const satisfies ReadonlyArray<keyof LedgerRow>;

// 12 columns × 500 rows stays far below both engines' bound-parameter limits.
const CHUNK = 500;

function toRow(e: LedgerEntry): LedgerRow {
  return {
    seq: e.seq,
    partner_id: e.partnerId,
    object_id: e.objectId,
    object_version: e.objectVersion,
    sha256: e.sha256,
    release_id: e.releaseId,
    approver: e.approver,
    action: e.action,
    at: e.at,
    prev_hash: e.prevHash,
    hash: e.hash,
    acknowledgements: e.acknowledgements ?? null,
  };
}

function fromRow(r: LedgerRow): LedgerEntry {
  return {
    seq: Number(r.seq),
    partnerId: r.partner_id,
    objectId: r.object_id,
    objectVersion: r.object_version,
    sha256: r.sha256,
    releaseId: r.release_id,
    approver: r.approver,
    action: r.action as LedgerEntry['action'],
    at: r.at,
    prevHash: r.prev_hash,
    hash: r.hash,
    ...(r.acknowledgements === null || r.acknowledgements === undefined
      ? {}
      : { acknowledgements: r.acknowledgements }),
  };
}

/**
 * The disclosure ledger on either engine. Appends run in one transaction that first locks the
 * table against other appenders (PostgreSQL; SQLite has a single writer), reads the head, and
 * inserts the entries the caller sealed after it.
 *
 * @example await createLedgerRepository(database).append((head) => sealLedgerEntries(head, drafts))
 */
export function createLedgerRepository(database: Database): LedgerRepository {
  const db = database.db;
  return {
    async append(seal, options = {}) {
      const once = options.once;
      const raw = database.sqlite;
      if (database.engine === 'sqlite' && raw) {
        // One prepared statement in one raw transaction (SQLite's single writer serialises
        // appenders); holding Kysely's connection keeps its other queries out meanwhile.
        return db.connection().execute(async () =>
          raw.transaction(() => {
            const head = raw
              .prepare('select seq, hash from sharing_ledger order by seq desc limit 1')
              .get() as { seq: number; hash: string } | undefined;
            if (
              once &&
              raw
                .prepare('select 1 from sharing_ledger where release_id = ? and action = ? limit 1')
                .get(once.releaseId, once.action) !== undefined
            )
              return [];
            const entries = seal(head && { seq: Number(head.seq), hash: head.hash });
            const insert = raw.prepare(
              `insert into sharing_ledger (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
            );
            for (const e of entries) {
              const row = toRow(e);
              insert.run(COLUMNS.map((c) => row[c]));
            }
            return entries;
          })(),
        );
      }
      return db.transaction().execute(async (trx) => {
        if (database.engine === 'postgres') {
          // Readers are not blocked; a second appender waits instead of forking the chain.
          await sql`LOCK TABLE sharing_ledger IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
        }
        const head = await trx
          .selectFrom('sharing_ledger')
          .select(['seq', 'hash'])
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (once) {
          const done = await trx
            .selectFrom('sharing_ledger')
            .select('seq')
            .where('release_id', '=', once.releaseId)
            .where('action', '=', once.action)
            .limit(1)
            .executeTakeFirst();
          if (done !== undefined) return [];
        }
        const entries = seal(head && { seq: Number(head.seq), hash: head.hash });
        for (let i = 0; i < entries.length; i += CHUNK) {
          await trx
            .insertInto('sharing_ledger')
            .values(entries.slice(i, i + CHUNK).map(toRow))
            .execute();
        }
        return entries;
      });
    },
    async listEntries(filter = {}) {
      let q = db.selectFrom('sharing_ledger').selectAll();
      if (filter.partnerId !== undefined) q = q.where('partner_id', '=', filter.partnerId);
      if (filter.releaseId !== undefined) q = q.where('release_id', '=', filter.releaseId);
      const rows = await q.orderBy('seq').execute();
      return rows.map(fromRow);
    },
  };
}
