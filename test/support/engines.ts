import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Engine, Database } from '../../src/store/database.js';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { allMigrations } from '../../src/store/migrations/index.js';

/** The PostgreSQL server tests create their throwaway databases on. */
export const TEST_PG_URL =
  process.env.TEARLINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly engine: Engine;
  /** URL of the fresh database, for code that opens its own connection (CLI, server). */
  readonly url: string;
  readonly database: Database;
  /** Closes the connection and deletes the file or drops the database. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated, empty database of the given engine: a temporary SQLite file, or a new
 * PostgreSQL database named `tearline_test_<uuid>` dropped on dispose.
 *
 * @example const t = await createTestDatabase('postgres'); … ; await t.dispose()
 */
export async function createTestDatabase(
  engine: Engine,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tearline-test-'));
    const file = join(dir, 'tearline.db');
    // A copy of a file migrated once per process: the same bytes a migration run writes.
    if (migrate) copyFileSync(await migratedSqliteFile(), file);
    const url = `sqlite:${file}`;
    const database = await openDatabase(url);
    return {
      engine,
      url,
      database,
      async dispose() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = migrate ? await takeMigratedDatabase() : await createPgDatabase(undefined);
  const database = await openDatabase(pgUrlOf(name));
  return {
    engine,
    url: pgUrlOf(name),
    database,
    async dispose() {
      await database.close();
      dropLater(name);
    },
  };
}

// Creating and dropping a PostgreSQL database each wait on the disk (seconds on a shared
// machine) while the test process has nothing else to do. So one migrated database is made
// ahead, while the test that will want it is still running, and drops run behind the tests.
// The process does not end before they finish: an open client keeps it alive, and the spare
// nobody took is dropped when the process would otherwise exit.
let spare: Promise<string> | undefined;
let sqliteTemplate: Promise<string> | undefined;

function migratedSqliteFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tearline-test-template-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'template.db');
    const database = await openDatabase(`sqlite:${file}`);
    try {
      await migrateToLatest(database);
    } finally {
      // Closing folds the write-ahead log into the file, so the file alone is the database.
      await database.close();
    }
    return file;
  })();
  return sqliteTemplate;
}

async function takeMigratedDatabase(): Promise<string> {
  const next = spare ?? createPgDatabase(await migratedTemplate());
  spare = createPgDatabase(await migratedTemplate());
  // A spare that fails to be made is reported to the test that takes it, not as an unhandled
  // rejection now.
  spare.catch(() => undefined);
  return next;
}

function dropLater(name: string): void {
  // Not awaited: the open admin client keeps the process alive until the drop is done.
  void adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((error) => {
    process.stderr.write(`test database ${name} was not dropped: ${String(error)}\n`);
  });
}

process.on('beforeExit', () => {
  const left = spare;
  spare = undefined;
  if (left) void left.then(dropLater, () => undefined);
});

let template: Promise<string> | undefined;

function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    try {
      return await ensureMigratedTemplate(admin);
    } finally {
      await admin.end();
    }
  })();
  return template;
}

async function createPgDatabase(templateName: string | undefined): Promise<string> {
  const name = `tearline_test_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(`CREATE DATABASE ${name}${templateName ? ` TEMPLATE ${templateName}` : ''}`);
  return name;
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

function pgUrlOf(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The name of a PostgreSQL database migrated to the current schema, created once and shared by
 * every test process (an advisory lock keeps two processes from building it at once). Its name
 * carries a hash of the migration files and of the migrations this process loaded, so a changed
 * migration gets a new template.
 */
async function ensureMigratedTemplate(admin: pg.Client): Promise<string> {
  const name = `tearline_tpl_${migrationsFingerprint()}`;
  await admin.query('SELECT pg_advisory_lock(727274)');
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const url = new URL(TEST_PG_URL);
      url.pathname = `/${building}`;
      const database = await openDatabase(url.toString());
      try {
        await migrateToLatest(database);
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(727274)');
  }
  return name;
}

let fingerprint: string | undefined;

function migrationsFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const root = fileURLToPath(new URL('../../src/store/migrations/', import.meta.url));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts'))
        hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(root);
  // The migrations this process loaded, too: a test process started before a migration was
  // added reads the new files but runs the old list, and must not build the new template.
  for (const [name, migration] of Object.entries(allMigrations))
    hash.update(name).update(migration.up.toString());
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}

let pgReachable: Promise<boolean> | undefined;

/** Whether the test PostgreSQL answers. Asked once per test process. */
export function isPostgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    // Three tries over ~15 s: on a loaded machine a first connection can take seconds, and a
    // PostgreSQL half quietly skipped is worse than a slow start.
    for (let attempt = 0; attempt < 3; attempt++) {
      const client = new pg.Client({
        connectionString: TEST_PG_URL,
        connectionTimeoutMillis: 5000,
      });
      try {
        await client.connect();
        await client.end();
        return true;
      } catch {
        await client.end().catch(() => undefined);
      }
    }
    return false;
  })();
  return pgReachable;
}

/**
 * The engines a suite must run on. Both, always, in CI (CI=true) and when
 * TEARLINE_TEST_REQUIRE_PG=1: an unreachable PostgreSQL then fails the suite. On a laptop without
 * PostgreSQL the PostgreSQL half is skipped, with that reason printed.
 */
export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

/** The skip reason for an engine, or false when the engine is available (or required). */
export async function skipReasonFor(engine: Engine): Promise<string | false> {
  if (engine === 'sqlite') return false;
  const required = process.env.CI === 'true' || process.env.TEARLINE_TEST_REQUIRE_PG === '1';
  if (required || (await isPostgresReachable())) return false;
  return `PostgreSQL not reachable at ${TEST_PG_URL} (set TEARLINE_TEST_PG_URL, or CI=true to require it)`;
}
