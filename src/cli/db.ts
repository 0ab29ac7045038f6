import { TearlineError } from '../core/errors.js';
import { openDatabase } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './cli-io.js';
import { resolveDatabaseUrl } from './database-url.js';
import { runBackupCommand } from './db-backup.js';

const help = `Usage: tearline db <migrate|backup FILE|restore FILE> [--database URL]

Brings the database schema up to date. Safe to run at any time: applied migrations are skipped.
(\`tearline serve\` and \`tearline import\` migrate on their own.)

  tearline db backup FILE    writes a consistent copy of the store while it runs: a SQLite file
                             (online backup API) or a pg_dump custom-format archive; FILE must
                             not exist yet
  tearline db restore FILE   restores such a backup into an empty store of the same engine (a new
                             SQLite file, or a newly created PostgreSQL database)

Options:
  --database URL   sqlite:<path> or postgres://… (default: TEARLINE_DATABASE_URL, else
                   sqlite:./data/tearline.db)

Example:
  TEARLINE_DATABASE_URL=postgres://tearline@db/tearline tearline db migrate
  tearline db backup backups/tearline-2026-03-01.db
`;

export const command: CliCommand = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('db', argv, { database: { type: 'string' } });
    const url = resolveDatabaseUrl(io, values.database);
    if (positionals[0] === 'backup' || positionals[0] === 'restore') {
      return runBackupCommand(positionals, url, io);
    }
    if (positionals[0] !== 'migrate' || positionals.length > 1) {
      throw new TearlineError(
        'TEARLINE_E_CLI_USAGE',
        'The db command takes one subcommand: "migrate", "backup FILE" or "restore FILE". Run "tearline db --help".',
      );
    }
    const database = await openDatabase(url);
    try {
      const applied = await migrateToLatest(database);
      io.stdout.write(
        applied.length === 0
          ? 'The schema is up to date.\n'
          : `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}: ${applied.join(', ')}.\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
