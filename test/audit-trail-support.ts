import { spawn } from 'node:child_process';

/**
 * Runs the built CLI (dist, as installed) as the OS user "ops" over a database; resolves with
 * its standard output, rejects with its standard error when it exits non-zero.
 *
 * @example const { out } = await runBuiltCli(url, 'partner', 'add', 'North', '--tier', 'close')
 */
export function runBuiltCli(
  databaseUrl: string,
  ...argv: string[]
): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/tearline.js', ...argv], {
      env: { ...process.env, TEARLINE_DATABASE_URL: databaseUrl, USER: 'ops' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdin.end();
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve({ code, out })
        : reject(new Error(`tearline ${argv.join(' ')} exited ${code}: ${err}`)),
    );
  });
}
