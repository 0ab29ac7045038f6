import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_DATABASE_URL } from '../store/database.js';
import type { CliIo } from './cli-io.js';

/**
 * The database URL a command uses: `--database`, else TEARLINE_DATABASE_URL, else the default
 * embedded store; a relative SQLite path is taken from the command's working directory.
 *
 * @example resolveDatabaseUrl(io) // 'sqlite:/home/me/data/tearline.db'
 */
export function resolveDatabaseUrl(io: CliIo, flag?: string): string {
  const url = flag ?? io.env.TEARLINE_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (!url.startsWith('sqlite:')) return url;
  const path = url.slice('sqlite:'.length);
  if (path === '' || path === ':memory:' || isAbsolute(path)) return url;
  return `sqlite:${resolve(io.cwd, path)}`;
}
