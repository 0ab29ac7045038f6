import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/cli-io.js';

/** How an in-process `tearline` call is set up: its environment, folder, piped input. */
export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** What the command reads from stdin (ended at once; empty by default). */
  stdin?: string;
  /** Whether stderr claims to be a terminal (progress output is only written to one). */
  stderrIsTty?: boolean;
}

/** A command's streams, and what it has written to stdout and stderr so far. */
export interface CapturedIo {
  cli: CliIo;
  text: { out: string; err: string };
}

/**
 * Streams for one in-process call of `main`, recording what the command writes.
 *
 * @example const { cli, text } = captureIo({ env: { TEARLINE_DATABASE_URL: url } }); await main(['export'], cli); text.out
 */
export function captureIo(options: CliOptions = {}): CapturedIo {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: options.stderrIsTty ?? false });
  const text = { out: '', err: '' };
  stdout.on('data', (d) => (text.out += String(d)));
  stderr.on('data', (d) => (text.err += String(d)));
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const cli: CliIo = {
    stdin,
    stdout,
    stderr,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  return { cli, text };
}

/** What one `tearline` call answered. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
  /** stdout parsed as JSON (for `--json` output); the caller names the shape it expects. */
  json<T = Record<string, unknown>>(): T;
}

/**
 * Runs `tearline <argv>` in this process (no child process, no build needed).
 *
 * @example const r = await runTearline(['audit', 'list'], { env: { TEARLINE_DATABASE_URL: url } }); assert.equal(r.code, 0)
 */
export async function runTearline(argv: string[], options: CliOptions = {}): Promise<CliResult> {
  const { cli, text } = captureIo(options);
  const code = await main(argv, cli);
  const { out, err } = text;
  return { code, out, err, json: <T>() => JSON.parse(out) as T };
}
