import { resolve } from 'node:path';
import { TearlineError } from '../core/errors.js';
import { openDatabase } from '../store/database.js';
import { backupDatabase } from '../store/backup/backup-database.js';
import { restoreDatabase } from '../store/backup/restore-database.js';
import type { CliIo } from './cli-io.js';

/**
 * `tearline db backup FILE` and `tearline db restore FILE`, given the positionals after `db`.
 *
 * @example await runBackupCommand(['backup', 'tearline.bak'], 'sqlite:/data/tearline.db', io)
 */
export async function runBackupCommand(
  positionals: readonly string[],
  url: string,
  io: CliIo,
): Promise<number> {
  const [action, file, ...extra] = positionals;
  if (file === undefined || file === '' || extra.length > 0) {
    throw new TearlineError(
      'TEARLINE_E_CLI_USAGE',
      `"tearline db ${action}" takes one file name. Run "tearline db --help".`,
    );
  }
  const path = resolve(io.cwd, file);
  if (action === 'backup') {
    const database = await openDatabase(url);
    try {
      const result = await backupDatabase(database, path);
      io.stdout.write(`Backed up the ${result.engine} store to ${path} (${result.format}).\n`);
    } finally {
      await database.close();
    }
    return 0;
  }
  await restoreDatabase(url, path);
  io.stdout.write(`Restored ${path} into the store; run "tearline ledger verify" to check it.\n`);
  return 0;
}
