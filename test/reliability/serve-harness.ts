import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { TEARLINE_BIN, runTearlineHere } from './crash-harness.js';
import { createBundleText } from './stix-generator.js';

/** How long a server may take to stop after SIGTERM before it is killed. */
const STOP_GRACE_MS = 15_000;

/** Engines whose server had to be killed because it did not exit on SIGTERM (see stop()). */
export const stopLapses: string[] = [];

/** A `tearline serve` child process on a free loopback port, with everything it logged. */
export interface ServedInstance {
  readonly url: string;
  readonly pid: number;
  /** Everything the server wrote to stdout and stderr so far (its logs). */
  logs(): string;
  /** Resident memory of the server process, in bytes (from /proc). */
  rssBytes(): number;
  stop(): Promise<void>;
}

/**
 * Starts `tearline serve --port 0` on a store URL and waits for its "running at" line.
 *
 * @example const server = await startServer(url, { TEARLINE_RATE_LIMIT: '20' })
 */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServedInstance> {
  const child: ChildProcess = spawn(
    process.execPath,
    [TEARLINE_BIN, 'serve', '--port', '0', '--no-demo', '--database', databaseUrl],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TEARLINE_SERVE_WEB: 'false', ...env },
    },
  );
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (output += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
    const look = () => {
      const match = /running at (http:\/\/[^/\s]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.on('exit', () => reject(new Error(`serve exited:\n${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    logs: () => output,
    rssBytes() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      const [, signal] = (await exited) as [number | null, NodeJS.Signals | null];
      clearTimeout(timer);
      // A server that ignores SIGTERM would hang the suite; it is killed and the lapse reported.
      if (signal === 'SIGKILL') {
        process.stderr.write(
          `serve-harness: tearline serve (${databaseUrl.split(':')[0]}) did not exit within ${STOP_GRACE_MS / 1000} s of SIGTERM; killed\n`,
        );
        stopLapses.push(databaseUrl.split(':')[0]!);
      }
    },
  };
}

/**
 * Adds a user with the roles through the CLI and mints an API token for it; returns the token.
 *
 * @example const token = await addUserWithToken(url, 'ana', ['analyst'])
 */
export async function addUserWithToken(
  databaseUrl: string,
  username: string,
  roles: readonly string[],
): Promise<string> {
  const add = await runTearlineHere([
    'user',
    'add',
    username,
    ...roles.flatMap((r) => ['--role', r]),
    '--database',
    databaseUrl,
  ]);
  if (add.code !== 0) throw new Error(add.stderr);
  const token = await runTearlineHere(['user', 'token', username, '--database', databaseUrl]);
  const match = /\b(tl_[A-Za-z0-9_-]+)/.exec(token.stdout);
  if (!match) throw new Error(`no token in: ${token.stdout}${token.stderr}`);
  return match[1]!;
}

/**
 * `tearline serve` over a store holding `objects` generated objects, imported through the CLI,
 * with an analyst's API token: the served store the load suites measure. The rate limit is
 * raised, so that they measure the server, not the limiter.
 *
 * @example const { server, token } = await serveImportedStore(t.url, { objects: 2000, seed: 7 })
 */
export async function serveImportedStore(
  databaseUrl: string,
  options: { objects: number; seed: number; env?: Record<string, string> },
): Promise<{ server: ServedInstance; token: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tearline-served-'));
  try {
    const bundle = join(dir, 'bundle.json');
    writeFileSync(bundle, createBundleText(options.objects, options.seed));
    const imported = await runTearlineHere(['import', bundle, '--database', databaseUrl]);
    if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const token = await addUserWithToken(databaseUrl, 'loadtester', ['analyst']);
  const server = await startServer(databaseUrl, {
    TEARLINE_RATE_LIMIT: '100000000',
    TEARLINE_LOG_LEVEL: 'warn',
    ...options.env,
  });
  return { server, token };
}
