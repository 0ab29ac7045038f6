import { runTearline } from './support/cli.js';

/**
 * Runs `tearline` in this process as the OS user "ops" over a database (the same `main` the
 * installed command runs, without paying a process start per call); resolves with its standard
 * output, rejects with its standard error when it exits non-zero.
 *
 * @example const { out } = await runCliAsOps(url, 'partner', 'add', 'North', '--tier', 'close')
 */
export async function runCliAsOps(
  databaseUrl: string,
  ...argv: string[]
): Promise<{ code: number; out: string }> {
  const { code, out, err } = await runTearline(argv, {
    env: { TEARLINE_DATABASE_URL: databaseUrl, USER: 'ops' },
  });
  if (code !== 0) throw new Error(`tearline ${argv.join(' ')} exited ${code}: ${err}`);
  return { code, out };
}
