import { sql, type Selectable } from 'kysely';
import {
  sealAuditEntries,
  type AuditAction,
  type AuditCheckpoint,
  type AuditEntry,
} from '../../core/audit.js';
import type { AuditTrail } from '../../core/ports/audit.js';
import type { Database } from '../database.js';
import type SqliteDatabase from 'better-sqlite3';

type SqliteStatement = SqliteDatabase.Statement;
import type { AuditTrailTable } from '../schema/tearline-db.js';

type AuditRow = Selectable<AuditTrailTable>;

const COLUMNS = [
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'targets',
  'origin',
  'status',
  'count',
  'prev_hash',
  'hash',
] as const satisfies ReadonlyArray<keyof AuditRow>;

// 11 columns × 500 rows stays far below both engines' bound-parameter limits.
const CHUNK = 500;

function toRow(e: AuditEntry): AuditRow {
  return {
    seq: e.seq,
    at: e.at,
    actor_id: e.actorId,
    actor_name: e.actorName,
    action: e.action,
    targets: e.targets,
    origin: e.origin,
    status: e.status,
    count: e.count,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

function fromRow(r: AuditRow): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action as AuditAction,
    targets: r.targets,
    origin: r.origin,
    status: Number(r.status),
    count: Number(r.count),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * The audit trail on either engine. An append locks the table against other appenders
 * (PostgreSQL; SQLite has one writer), reads the head — or the prune checkpoint when every row
 * was pruned — and inserts the batch chained after it.
 *
 * @example await createAuditRepository(database).append(drafts)
 */
export function createAuditRepository(database: Database): AuditTrail {
  const db = database.db;
  const readCheckpoint = async (q = db): Promise<AuditCheckpoint | undefined> => {
    const row = await q
      .selectFrom('audit_checkpoint')
      .select(['seq', 'hash', 'at'])
      .where('id', '=', 1)
      .executeTakeFirst();
    return row && { seq: Number(row.seq), hash: row.hash, at: row.at };
  };
  let sqliteStatements:
    { top: SqliteStatement; checkpoint: SqliteStatement; insert: SqliteStatement } | undefined;
  return {
    async append(drafts) {
      if (drafts.length === 0) return [];
      const raw = database.sqlite;
      if (raw) {
        // One prepared statement in one raw transaction, as the ledger does: a batch costs the
        // searches waiting on the single connection far less than Kysely's per-row round trips.
        // The statements are prepared once: preparing three cost about a fifth of a batch.
        const st = (sqliteStatements ??= {
          top: raw.prepare('select seq, hash from audit_trail order by seq desc limit 1'),
          checkpoint: raw.prepare('select seq, hash from audit_checkpoint where id = 1'),
          insert: raw.prepare(
            `insert into audit_trail (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
          ),
        });
        return db.connection().execute(async () =>
          raw.transaction(() => {
            const top = st.top.get() as { seq: number; hash: string } | undefined;
            const cp = st.checkpoint.get() as { seq: number; hash: string } | undefined;
            const head = top ?? cp;
            const entries = sealAuditEntries(
              head && { seq: Number(head.seq), hash: head.hash },
              drafts,
            );
            for (const e of entries) {
              // In COLUMNS' order.
              st.insert.run(
                e.seq,
                e.at,
                e.actorId,
                e.actorName,
                e.action,
                e.targets,
                e.origin,
                e.status,
                e.count,
                e.prevHash,
                e.hash,
              );
            }
            return entries;
          })(),
        );
      }
      return db.transaction().execute(async (trx) => {
        if (database.engine === 'postgres') {
          await sql`LOCK TABLE audit_trail IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
        }
        const top = await trx
          .selectFrom('audit_trail')
          .select(['seq', 'hash'])
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
        const head = top ? { seq: Number(top.seq), hash: top.hash } : await readCheckpoint(trx);
        const entries = sealAuditEntries(head, drafts);
        for (let i = 0; i < entries.length; i += CHUNK) {
          await trx
            .insertInto('audit_trail')
            .values(entries.slice(i, i + CHUNK).map(toRow))
            .execute();
        }
        return entries;
      });
    },
    async list(filter = {}) {
      let q = db.selectFrom('audit_trail').selectAll();
      if (filter.user !== undefined) {
        const user = filter.user;
        q = q.where((eb) => eb.or([eb('actor_id', '=', user), eb('actor_name', '=', user)]));
      }
      if (filter.object !== undefined) {
        // Targets are space-separated ids; pad both sides so one id never matches inside another.
        q = q.where(
          sql<boolean>`(' ' || targets || ' ') like ${`% ${escapeLike(filter.object)} %`} escape '\\'`,
        );
      }
      if (filter.since !== undefined) q = q.where('at', '>=', filter.since);
      q = q.orderBy('seq');
      if (filter.limit !== undefined) q = q.limit(filter.limit);
      return (await q.execute()).map(fromRow);
    },
    async listAll() {
      const rows = await db.selectFrom('audit_trail').selectAll().orderBy('seq').execute();
      return rows.map(fromRow);
    },
    checkpoint: () => readCheckpoint(),
    async prune(before) {
      return db.transaction().execute(async (trx) => {
        if (database.engine === 'postgres') {
          await sql`LOCK TABLE audit_trail IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
        }
        const last = await trx
          .selectFrom('audit_trail')
          .select(['seq', 'hash', 'at'])
          .where('at', '<', before)
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (!last) return 0;
        const seq = Number(last.seq);
        await trx.deleteFrom('audit_checkpoint').where('id', '=', 1).execute();
        await trx
          .insertInto('audit_checkpoint')
          .values({ id: 1, seq, hash: last.hash, at: last.at })
          .execute();
        const result = await trx
          .deleteFrom('audit_trail')
          .where('seq', '<=', seq)
          .executeTakeFirst();
        return Number(result.numDeletedRows);
      });
    },
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
