import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TearlineError } from '../core/errors.js';

/**
 * `util.parseArgs` with strict checking, whose mistakes become a usage error (exit 2) that names
 * the command's `--help`.
 *
 * @example const { values, positionals } = parseCommandArgs('export', argv, { out: { type: 'string' } })
 */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  commandName: string,
  argv: string[],
  options: O,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new TearlineError(
      'TEARLINE_E_CLI_USAGE',
      `${(error as Error).message.replace(/\.$/, '')}. Run "tearline ${commandName} --help".`,
    );
  }
}
