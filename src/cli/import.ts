import { recordCliAudit } from './cli-audit.js';
import { toCountWords } from '../core/count-words.js';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { TearlineError } from '../core/errors.js';
import {
  checkStixBundle,
  importStixObjects,
  toDryRunSummary,
  type ImportSummary,
} from '../core/stix/import-bundle.js';
import { openStore } from '../store/create-store.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand, CliIo } from './cli-io.js';
import { resolveDatabaseUrl } from './database-url.js';

/** Default largest bundle accepted: 512 MB (JavaScript strings stop a little above this). */
export const DEFAULT_IMPORT_MAX_BYTES = 512_000_000;

const help = `Usage: tearline import <file|-> [--dry-run] [--max-bytes N] [--database URL] [--json]

Imports a STIX 2.1 bundle into the knowledge base, all or nothing: if any object is invalid,
nothing is written and every offending id and JSON path is listed. Every version is kept;
versions already stored are left as they are. References to objects that are neither in the
bundle nor stored are kept and reported as dangling.

Arguments:
  <file|->          the bundle file, or - to read standard input

Options:
  --dry-run         validate only; write nothing
  --max-bytes N     refuse larger input before reading it (default ${DEFAULT_IMPORT_MAX_BYTES},
                    or TEARLINE_IMPORT_MAX_BYTES)
  --database URL    sqlite:<path> or postgres://… (default: TEARLINE_DATABASE_URL)
  --json            print the summary as JSON

Exit codes: 0 imported, 2 refused (bad input; nothing written), 1 failure.

Example:
  tearline import partner-feed.json --dry-run
`;

function parseLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_IMPORT_MAX_BYTES;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new TearlineError(
      'TEARLINE_E_CLI_USAGE',
      `--max-bytes must be a positive whole number of bytes, not "${text}".`,
    );
  }
  return n;
}

function tooLarge(size: number | string, limit: number): TearlineError {
  return new TearlineError(
    'TEARLINE_E_IMPORT_TOO_LARGE',
    `The input is ${size} bytes, over the ${limit}-byte limit; split the bundle or raise --max-bytes.`,
    { kind: 'too-large' },
  );
}

async function readLimited(stream: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += buffer.length;
    if (total > limit) {
      stream.destroy();
      throw tooLarge(`more than ${limit}`, limit);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/** Reads the bundle text; a file over the limit is refused by its size, unread. */
async function readInput(source: string, io: CliIo, limit: number): Promise<string> {
  if (source === '-') return readLimited(io.stdin, limit);
  const path = resolve(io.cwd, source);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new TearlineError(
      'TEARLINE_E_IMPORT_NO_FILE',
      `Cannot read "${source}"; check the path.`,
    );
  }
  if (size > limit) throw tooLarge(size, limit);
  return readLimited(createReadStream(path), limit);
}

function progressBar(io: CliIo): ((done: number, total: number) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr.write(
      `\rimporting [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
    );
    if (done === total) io.stderr.write('\n');
  };
}

function summarize(s: ImportSummary): string {
  const types = Object.entries(s.types)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');
  if (s.dryRun)
    return `Dry run: the bundle is valid, ${toCountWords(s.objects, 'object')} (${types || 'none'}); nothing was written.`;
  const dangling =
    s.dangling.length === 0
      ? ''
      : ` ${s.dangling.length} dangling reference${s.dangling.length === 1 ? '' : 's'} kept: ${s.dangling.slice(0, 10).join(', ')}${s.dangling.length > 10 ? ', …' : ''}.`;
  return `Imported ${toCountWords(s.objects, 'object')}: ${s.inserted} new versions, ${s.unchanged} already stored (${types || 'none'}).${dangling}`;
}

/** The bundle's own id (no object inside a bundle is a bundle), found without parsing again. */
function bundleIdOf(text: string): string {
  return /"id"\s*:\s*"(bundle--[0-9a-f-]{36})"/.exec(text)?.[1] ?? '';
}

export const command: CliCommand = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('import', argv, {
      'dry-run': { type: 'boolean' },
      'max-bytes': { type: 'string' },
      database: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) {
      throw new TearlineError(
        'TEARLINE_E_CLI_USAGE',
        'Give one bundle file (or - for standard input). Run "tearline import --help".',
      );
    }
    const limit = parseLimit(values['max-bytes'] ?? io.env.TEARLINE_IMPORT_MAX_BYTES);
    const text = await readInput(positionals[0]!, io, limit);
    const dryRun = values['dry-run'] ?? false;
    // Validate before opening the store, so that a refused bundle never touches the database.
    const objects = checkStixBundle(text);
    if (dryRun) {
      const summary = toDryRunSummary(objects);
      io.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${summarize(summary)}\n`);
      return 0;
    }
    const store = await openStore(resolveDatabaseUrl(io, values.database));
    try {
      const summary = await importStixObjects(store.objects, objects, {
        onProgress: progressBar(io),
      });
      // The bundle's id says what was imported; its objects are in the store's history.
      await recordCliAudit(store, io, 'object.import', [bundleIdOf(text)]);
      io.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${summarize(summary)}\n`);
      if (summary.dangling.length > 0 && !values.json) {
        io.stderr.write(
          `tearline import: ${summary.dangling.length} referenced objects are not in the store (kept as dangling).\n`,
        );
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
