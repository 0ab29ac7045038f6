import { Kysely } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { TearlineDb } from './schema/tearline-db.js';
import { TearlineError } from '../core/errors.js';
import { createSqliteDialect } from './sqlite/sqlite-dialect.js';
import { createPostgresDialect } from './postgres/postgres-dialect.js';
import { createPostgresReader, type PostgresReader } from './postgres/postgres-reader.js';
import { createPageReadWorker } from './sqlite/page-read-worker.js';
import { createPostgresPageReadWorker } from './postgres/page-read-worker.js';
import type { PageReadWorker } from './page-read/page-read-thread.js';

/** Which engine a store runs on. Repositories branch on it only where SQL differs (FTS, upserts). */
export type Engine = 'sqlite' | 'postgres';

/**
 * An open database: the Kysely instance every repository shares, the engine, and `close()`.
 * Its tables are typed by `TearlineDb`, generated from the migrations (`npm run db:types`).
 */
export interface Database {
  readonly db: Kysely<TearlineDb>;
  readonly engine: Engine;
  readonly url: string;
  /**
   * The raw better-sqlite3 connection (SQLite only), for bulk writes that use one prepared
   * statement; run them inside `db.connection().execute(…)` so Kysely's connection lock is held.
   */
  readonly sqlite?: SqliteDatabase.Database;
  /** SQLite files and PostgreSQL: a thread of its own that reads TAXII pages (started on first use). */
  readonly pageReadWorker?: PageReadWorker;
  /** PostgreSQL only: hot reads as named prepared statements, on Kysely's pool. */
  readonly postgresReader?: PostgresReader;
  close(): Promise<void>;
}

/** The store used when TEARLINE_DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/tearline.db';

/**
 * Opens the database named by a URL: `sqlite:<path>` (or `sqlite::memory:`) or `postgres://…`.
 *
 * @example const database = await openDatabase('sqlite:./data/tearline.db')
 */
export async function openDatabase(url: string = DEFAULT_DATABASE_URL): Promise<Database> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    const { dialect, connection, close } = createSqliteDialect(path);
    const db = new Kysely<TearlineDb>({ dialect });
    const inMemory = path === '' || path === ':memory:';
    const pageReadWorker = inMemory ? undefined : createPageReadWorker(path);
    return {
      db,
      engine: 'sqlite',
      url,
      sqlite: connection,
      ...(pageReadWorker ? { pageReadWorker } : {}),
      async close() {
        await pageReadWorker?.close();
        await db.destroy();
        close();
      },
    };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const { dialect, pool } = createPostgresDialect(url);
    const db = new Kysely<TearlineDb>({ dialect });
    const pageReadWorker = createPostgresPageReadWorker(url);
    return {
      db,
      engine: 'postgres',
      url,
      postgresReader: createPostgresReader(pool),
      pageReadWorker,
      async close() {
        await pageReadWorker.close();
        await db.destroy();
      },
    };
  }
  throw new TearlineError(
    'TEARLINE_E_STORE_BAD_URL',
    `TEARLINE_DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:").`,
  );
}
