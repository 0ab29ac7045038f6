import type { Readable, Writable } from 'node:stream';

/** The streams and environment a command runs with; tests pass their own. */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** One `tearline <name>` command: its help text and what it does (its summary: commands.ts). */
export interface CliCommand {
  /** Full `--help` text: usage line, arguments, options, examples. */
  help: string;
  /** Runs the command; resolves to the exit code (0 ok, 1 failure, 2 bad input or usage). */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  };
}
