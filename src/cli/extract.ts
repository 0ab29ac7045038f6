import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { TearlineError } from '../core/errors.js';
import { DEFAULT_MAX_CHARS } from '../ingest/extract.js';
import { extractJsonLines } from '../ingest/extract-jsonl.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand, CliIo } from './cli-io.js';

const HELP = `Usage: tearline extract [--input FILE] [--output FILE] [--max-chars N]

Extracts entities, events and attributions from news reports, offline, with no database.
Reads JSON Lines ({"id", "text", "published"?: "YYYY-MM-DD", "source"?} per line) and writes one
JSON line per input line, in the same order (see the extract contract).

Options:
  -i, --input FILE    read from FILE (default: standard input)
  -o, --output FILE   write to FILE, replaced only when the run ends (default: standard output)
      --max-chars N   refuse texts longer than N characters (default: ${DEFAULT_MAX_CHARS})
  -h, --help          show this help

A line that cannot be read gets {"id"?, "error"} and the others are still processed.
Text in another language than English gets no items and a "language" field.
Exit codes: 0 every line extracted, 1 some lines answered with "error", 2 bad usage or input file.

Examples:
  tearline extract --input docs.jsonl --output out.jsonl
  tearline extract < docs.jsonl > out.jsonl
`;

/** `tearline extract`: the pure extraction command of the extract contract. */
export const command: CliCommand = {
  help: HELP,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values } = parseCommandArgs(
      'extract',
      argv,
      {
        input: { type: 'string', short: 'i' },
        output: { type: 'string', short: 'o' },
        'max-chars': { type: 'string' },
      },
      false,
    );
    const maxChars = parseMaxChars(values['max-chars']);
    const input = await openInput(values.input, io);
    const target = values.output === undefined ? undefined : resolve(io.cwd, values.output);
    // Write beside the target and rename at the end, so that a failed run leaves no half file.
    const partial = target ? `${target}.partial-${process.pid}` : undefined;
    const output: Writable = partial ? createWriteStream(partial) : io.stdout;
    try {
      const summary = await extractJsonLines(input, output, { maxChars });
      if (partial && target) {
        output.end();
        await finished(output);
        await rename(partial, target);
      }
      if (summary.errors > 0) {
        io.stderr.write(
          `tearline extract: ${summary.errors} of ${summary.lines} lines could not be extracted; see their "error" fields.\n`,
        );
        return 1;
      }
      return 0;
    } catch (error) {
      if (partial) {
        output.destroy();
        await rm(partial, { force: true });
      }
      throw error;
    }
  },
};

function parseMaxChars(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_CHARS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new TearlineError(
      'TEARLINE_E_CLI_USAGE',
      `--max-chars must be a whole number above 0 (got "${value}"). Run "tearline extract --help".`,
    );
  }
  return n;
}

async function openInput(path: string | undefined, io: CliIo): Promise<Readable> {
  if (path === undefined || path === '-') {
    if (io.stdin.isTTY) {
      throw new TearlineError(
        'TEARLINE_E_CLI_USAGE',
        'No input: pass --input FILE or pipe JSON Lines into "tearline extract".',
      );
    }
    return io.stdin;
  }
  const full = resolve(io.cwd, path);
  const info = await stat(full).catch(() => undefined);
  if (!info || !info.isFile()) {
    throw new TearlineError(
      'TEARLINE_E_EXTRACT_INPUT_MISSING',
      `Cannot read the input file "${path}": it does not exist or is not a file; check the path.`,
    );
  }
  return createReadStream(full);
}
