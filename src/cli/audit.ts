import { TearlineError } from '../core/errors.js';
import { verifyAuditTrail } from '../core/audit.js';
import { pruneAuditTrail } from '../core/audit-retention.js';
import { systemClock } from '../core/clock.js';
import { DEFAULT_DATABASE_URL } from '../store/database.js';
import { openStore } from '../store/create-store.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand, CliIo } from './cli-io.js';
import { resolveDatabaseUrl } from './database-url.js';
import { printResult } from './io-json.js';

const help = `Usage: tearline audit <verify|list|prune> …

  tearline audit verify    checks the audit trail's hash chain; exits 1 naming the first record
                           that was altered, removed or reordered, 0 when it is intact
  tearline audit list [--user U] [--object ID] [--since ISO]
                           who did what, oldest first: time, who, action, ids, from where, status
                           (--object answers "who read or exported this object")
                           a page read or search repeated within 100 ms is one record: "×N"
  tearline audit prune --days N
                           deletes records older than N days, keeping the chain verifiable

Options:
  --database URL   store URL (default TEARLINE_DATABASE_URL or ${DEFAULT_DATABASE_URL})
  --json           machine-readable output
`;

const usage = (message: string) => new TearlineError('TEARLINE_E_CLI_USAGE', message);

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('audit', argv, {
    user: { type: 'string' },
    object: { type: 'string' },
    since: { type: 'string' },
    days: { type: 'string' },
    json: { type: 'boolean', default: false },
    database: { type: 'string' },
  });
  const [action, ...extra] = positionals;
  const json = values.json ?? false;
  if ((action !== 'verify' && action !== 'list' && action !== 'prune') || extra.length > 0) {
    throw usage(
      'The audit command takes "verify", "list" or "prune". Run "tearline audit --help".',
    );
  }
  if (values.since !== undefined && Number.isNaN(Date.parse(values.since))) {
    throw new TearlineError(
      'TEARLINE_E_AUDIT_BAD_SINCE',
      `--since must be an ISO 8601 timestamp such as 2026-01-31T00:00:00Z, not "${values.since}".`,
    );
  }
  const days = values.days === undefined ? undefined : Number(values.days);
  if (action === 'prune' && (days === undefined || !Number.isInteger(days) || days < 1)) {
    throw usage('"audit prune" needs --days N, a positive whole number.');
  }
  const store = await openStore(resolveDatabaseUrl(io, values.database));
  try {
    if (action === 'list') {
      const entries = await store.audit.list({
        ...(values.user !== undefined ? { user: values.user } : {}),
        ...(values.object !== undefined ? { object: values.object } : {}),
        ...(values.since !== undefined ? { since: new Date(values.since).toISOString() } : {}),
      });
      const lines = entries.map(
        (e) =>
          `${String(e.seq).padStart(6)} ${e.at} ${(e.actorName || e.actorId || '-').padEnd(16)} ${withCount(e.action, e.count).padEnd(22)} ${e.targets || '-'} from ${e.origin}${e.status ? ` (${e.status})` : ''}`,
      );
      printResult(
        io,
        json,
        entries,
        entries.length === 0 ? 'No audit records match.' : lines.join('\n'),
      );
      return 0;
    }
    if (action === 'prune') {
      const pruned = await pruneAuditTrail(store.audit, systemClock, days as number, 'cli');
      printResult(io, json, { pruned }, `Pruned ${pruned} audit records older than ${days} days.`);
      return 0;
    }
    const verdict = verifyAuditTrail(await store.audit.listAll(), await store.audit.checkpoint());
    if (verdict.ok) {
      printResult(
        io,
        json,
        verdict,
        `The audit trail is intact: ${verdict.entries} records${verdict.from ? ` from ${verdict.from}` : ''}${verdict.head ? `, head ${verdict.head}` : ''}.`,
      );
      return 0;
    }
    if (json) printResult(io, true, verdict, '');
    throw new TearlineError(
      'TEARLINE_E_AUDIT_BROKEN',
      `The audit trail is broken at record ${verdict.badSeq}: ${verdict.reason}.`,
      {
        kind: 'failure',
        details: [{ subject: `record ${verdict.badSeq}`, message: verdict.reason }],
      },
    );
  } finally {
    await store.close();
  }
}

/** `tearline audit`. */
export const command: CliCommand = {
  help,
  run,
};

/** The action, and how many times it happened when the record stands for repeats (×12). */
function withCount(action: string, count: number): string {
  return count > 1 ? `${action} ×${count}` : action;
}
