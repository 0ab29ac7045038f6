import { isTearlineError, toExitCode } from '../core/errors.js';
import { commands } from './commands.js';
import { TEARLINE_VERSION } from '../core/version.js';
import { processIo, type CliIo } from './cli-io.js';

/**
 * Entry point of the `tearline` command: dispatches to a command and turns any error into one line
 * on stderr and an exit code (0 ok, 1 failure, 2 bad input or usage). Never prints a stack trace
 * unless TEARLINE_DEBUG=1.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout.write(`tearline ${TEARLINE_VERSION}\n`);
    return 0;
  }
  const entry = commands[name];
  if (!entry) {
    io.stderr.write(`tearline: unknown command "${name}". Run "tearline --help" for the list.\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, name, io);
  }
}

/** Writes one line (plus the listed details) for an error and returns its exit code. */
export function reportError(error: unknown, commandName: string, io: CliIo): number {
  if (io.env.TEARLINE_DEBUG === '1') io.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  if (isTearlineError(error)) {
    io.stderr.write(`tearline ${commandName}: ${error.message} [${error.code}]\n`);
    for (const d of error.details.slice(0, 50)) {
      const where = [d.subject, d.path].filter(Boolean).join(' ');
      io.stderr.write(`  ${where ? `${where}: ` : ''}${d.message}\n`);
    }
    if (error.details.length > 50) io.stderr.write(`  … and ${error.details.length - 50} more\n`);
    return toExitCode(error.kind);
  }
  if (
    error instanceof Error &&
    /usage|unknown option|unexpected argument|argument missing/i.test(error.message)
  ) {
    io.stderr.write(
      `tearline ${commandName}: ${error.message}. Run "tearline ${commandName} --help".\n`,
    );
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`tearline ${commandName}: failed: ${message}\n`);
  return 1;
}

function usage(): string {
  const lines = ['Usage: tearline <command> [options]', '', 'Commands:'];
  for (const [name, { summary }] of Object.entries(commands)) {
    lines.push(`  ${name.padEnd(12)} ${summary}`);
  }
  lines.push('', 'Run "tearline <command> --help" for a command\'s options.', '');
  return lines.join('\n');
}
