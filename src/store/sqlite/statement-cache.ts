import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

const MAX_CACHED = 500;

/**
 * The connection as Kysely sees it, with prepared statements reused by SQL text. Kysely's SQLite
 * driver prepares every query anew; preparing costs more than running most of our indexed reads,
 * so the TAXII and API read paths pay it on every request. Reuse is safe because Kysely runs one
 * query at a time per connection (its driver holds a mutex, also for streamed queries).
 *
 * @example new SqliteDialect({ database: withStatementCache(connection) })
 */
export function withStatementCache(connection: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => connection.close(),
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached) {
        // Map keeps insertion order: re-inserting marks the statement as recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = connection.prepare(sql) as unknown as SqliteStatement;
      cache.set(sql, statement);
      if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}
