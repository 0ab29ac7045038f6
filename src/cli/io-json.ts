import type { CliIo } from './cli-io.js';

/** Prints a value for scripts (`--json`) or a human line otherwise. */
export function printResult(io: CliIo, json: boolean, value: unknown, human: string): void {
  io.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`);
}
