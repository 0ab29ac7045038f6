import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { TearlineError } from '../../core/errors.js';
import { openDatabase, type Database } from '../database.js';
import { connectionArgs, runTool } from './backup-database.js';

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const PG_CUSTOM_MAGIC = 'PGDMP';

/**
 * Restores a backup written by `backupDatabase` into an empty store of the same engine, named by
 * its URL (a SQLite file that does not exist yet or holds no tables, or a PostgreSQL database
 * with no tables), refusing a non-empty target so nothing is overwritten.
 *
 * @example await restoreDatabase('sqlite:/data/restored.db', '/backups/tearline-2026-03-01.db')
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  const magic = readMagic(file);
  const target = await openDatabase(url);
  try {
    if (target.engine === 'sqlite') {
      if (magic !== SQLITE_MAGIC) throw wrongFormat(file, 'SQLite');
    } else if (!magic.startsWith(PG_CUSTOM_MAGIC)) {
      throw wrongFormat(file, 'pg_dump custom-format');
    }
    await assertEmpty(target);
  } finally {
    await target.close();
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    const source = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      if (source.pragma('integrity_check', { simple: true }) !== 'ok') {
        throw wrongFormat(file, 'an intact SQLite');
      }
      // The online backup API, run from the backup towards the target, copies every page while
      // holding SQLite's locks (https://www.sqlite.org/backup.html); the empty target is replaced.
      await source.backup(path);
    } finally {
      source.close();
    }
    return;
  }
  // One transaction: a restore that fails part-way leaves the target as empty as it was.
  await runTool(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      ...connectionArgs(url),
      file,
    ],
    url,
  );
}

function readMagic(file: string): string {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new TearlineError(
      'TEARLINE_E_STORE_BACKUP_NO_FILE',
      `Cannot read "${file}"; check the path.`,
    );
  }
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const n = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

async function assertEmpty(database: Database): Promise<void> {
  const query =
    database.engine === 'sqlite'
      ? sql<{
          n: number;
        }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
      : sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`;
  const { rows } = await query.execute(database.db);
  if (Number(rows[0]?.n ?? 0) > 0) throw notEmpty('the target database already has tables');
}

function notEmpty(reason: string): TearlineError {
  return new TearlineError(
    'TEARLINE_E_STORE_RESTORE_NOT_EMPTY',
    `Restore needs an empty database and ${reason}; restore into a new file or a newly created database.`,
  );
}

function wrongFormat(file: string, expected: string): TearlineError {
  return new TearlineError(
    'TEARLINE_E_STORE_BACKUP_BAD_FILE',
    `"${file}" is not ${expected === 'an intact SQLite' ? 'an intact SQLite' : `a ${expected}`} backup for this database's engine; give a file written by "tearline db backup" on the same engine.`,
  );
}
