import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { TearlineError } from '../../core/errors.js';
import type { Database } from '../database.js';

/** What a backup wrote: the engine, the file and its format. */
export interface BackupResult {
  readonly engine: Database['engine'];
  readonly file: string;
  /** `sqlite` (a plain SQLite database file) or `pg-custom` (`pg_dump --format=custom`). */
  readonly format: 'sqlite' | 'pg-custom';
}

/**
 * Writes a consistent copy of an open, possibly busy store to a file that does not yet exist:
 * SQLite through its online backup API, PostgreSQL through `pg_dump --format=custom` (one
 * snapshot, readable by `pg_restore`).
 *
 * @example await backupDatabase(database, '/backups/tearline-2026-03-01.db')
 */
export async function backupDatabase(database: Database, file: string): Promise<BackupResult> {
  if (existsSync(file)) {
    throw new TearlineError(
      'TEARLINE_E_STORE_BACKUP_EXISTS',
      `"${file}" already exists; give a new file name so no earlier backup is overwritten.`,
    );
  }
  if (database.engine === 'sqlite') {
    if (!database.sqlite) throw backupFailed('the SQLite connection is not open');
    // The online backup API copies pages while writers continue; the copy is one consistent
    // snapshot (https://www.sqlite.org/backup.html).
    await database.sqlite.backup(file);
    return { engine: 'sqlite', file, format: 'sqlite' };
  }
  await runTool(
    'pg_dump',
    [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${file}`,
      ...connectionArgs(database.url),
    ],
    database.url,
  );
  return { engine: 'postgres', file, format: 'pg-custom' };
}

/** Connection flags for pg_dump / pg_restore without the password (it travels in PGPASSWORD). */
export function connectionArgs(url: string): string[] {
  const parsed = new URL(url);
  const args = [`--host=${decodeURIComponent(parsed.hostname)}`];
  if (parsed.port) args.push(`--port=${parsed.port}`);
  if (parsed.username) args.push(`--username=${decodeURIComponent(parsed.username)}`);
  args.push(`--dbname=${decodeURIComponent(parsed.pathname.slice(1)) || 'postgres'}`);
  return args;
}

/** Runs a PostgreSQL client tool; its stderr becomes the error message when it fails. */
export function runTool(tool: string, args: string[], url: string): Promise<void> {
  const password = decodeURIComponent(new URL(url).password);
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('error', (error) =>
      reject(
        backupFailed(
          `${tool} could not be started (${error.message}); install the PostgreSQL client tools`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(backupFailed(`${tool} exited with ${code}: ${stderr.trim().split('\n')[0] ?? ''}`));
    });
  });
}

function backupFailed(reason: string): TearlineError {
  return new TearlineError(
    'TEARLINE_E_STORE_BACKUP_FAILED',
    `The backup or restore failed: ${reason}.`,
    {
      kind: 'failure',
    },
  );
}
