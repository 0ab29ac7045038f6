import { TearlineError } from '../core/errors.js';
import { DEFAULT_DATABASE_URL } from '../store/database.js';
import { verifyLedger } from '../sharing/ledger.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand, CliIo } from './cli-io.js';
import { printResult } from './io-json.js';
import { withSharing } from './partner.js';

const help = `Usage: tearline ledger <verify|list> …

  tearline ledger verify     checks the disclosure ledger's hash chain; exits 1 naming the first
                             entry that was altered, removed or reordered, 0 when it is intact
  tearline ledger list [--partner ID] [--release ID]
                             every disclosure: partner, released object id and version, SHA-256
                             of the bytes delivered, release, approver, time

Options:
  --database URL   store URL (default TEARLINE_DATABASE_URL or ${DEFAULT_DATABASE_URL})
  --json           machine-readable output
`;

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('ledger', argv, {
    partner: { type: 'string' },
    release: { type: 'string' },
    json: { type: 'boolean', default: false },
    database: { type: 'string' },
  });
  const [action, ...extra] = positionals;
  const json = values.json ?? false;
  if ((action !== 'verify' && action !== 'list') || extra.length > 0) {
    throw new TearlineError(
      'TEARLINE_E_CLI_USAGE',
      'The ledger command takes "verify" or "list". Run "tearline ledger --help".',
    );
  }
  return withSharing(io, values.database, async (deps) => {
    if (action === 'list') {
      const entries = await deps.sharing.ledger.listEntries({
        ...(values.partner !== undefined ? { partnerId: values.partner } : {}),
        ...(values.release !== undefined ? { releaseId: values.release } : {}),
      });
      const lines = entries.map(
        (e) =>
          `${String(e.seq).padStart(6)} ${e.at} ${e.action.padEnd(7)} ${e.objectId} ${e.objectVersion} by ${e.approver} sha256=${e.sha256.slice(0, 16)}…`,
      );
      printResult(
        io,
        json,
        entries,
        entries.length === 0 ? 'The ledger is empty.' : lines.join('\n'),
      );
      return 0;
    }
    const verdict = verifyLedger(await deps.sharing.ledger.listEntries());
    if (verdict.ok) {
      printResult(
        io,
        json,
        verdict,
        `The ledger is intact: ${verdict.entries} entries${verdict.head ? `, head ${verdict.head}` : ''}.`,
      );
      return 0;
    }
    if (json) printResult(io, true, verdict, '');
    throw new TearlineError(
      'TEARLINE_E_SHARING_LEDGER_BROKEN',
      `The ledger is broken at entry ${verdict.badSeq} (position ${verdict.position} of ${verdict.entries}): ${verdict.reason}.`,
      {
        kind: 'failure',
        details: [{ subject: `entry ${verdict.badSeq}`, message: verdict.reason }],
      },
    );
  });
}

/** `tearline ledger`. */
export const command: CliCommand = {
  help,
  run,
};
