import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { main } from '../../src/cli/main.js';
import { openDatabase, type Database } from '../../src/store/database.js';

/** The `tearline` executable (through tsx), as a user runs it; `tearline serve` runs from it. */
export const TEARLINE_BIN = fileURLToPath(new URL('../../bin/tearline.js', import.meta.url));

/**
 * What the killed children run: the CLI compiled to JavaScript for this run when
 * run-reliability.mjs built one (compiled-cli.mjs; the same sources, started without tsx's 0.5
 * CPU-s per child), else the executable (also with TEARLINE_RELIABILITY_CLI=tsx).
 */
const KILLED_CLI =
  process.env.TEARLINE_RELIABILITY_CLI && process.env.TEARLINE_RELIABILITY_CLI !== 'tsx'
    ? process.env.TEARLINE_RELIABILITY_CLI
    : TEARLINE_BIN;

/**
 * The test's environment without the runner's `--import tsx` (scripts/run-tests.mjs adds it for
 * the test files): bin/tearline.js registers tsx itself, the compiled CLI needs none, and a second
 * loader would only slow each child's start.
 */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const options = (process.env.NODE_OPTIONS ?? '').replace(/--import[= ]tsx(?=\s|$)/g, '').trim();
  return { ...process.env, NODE_OPTIONS: options, ...extra };
}

export interface ChildRun {
  readonly code: number | null;
  /** When the first output arrived, in ms after the start (undefined: none). */
  readonly firstOutputMs?: number;
  /** When the last output arrived, in ms after the start (undefined: none). */
  readonly lastOutputMs?: number;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * Runs `tearline <args>`; with `killAfterMs` the child gets SIGKILL that long after it started
 * (unless it finished first); with `killAfterOutputMs`, that long after its first line of output,
 * so that a start-up slowed by a loaded machine does not eat the kill window.
 *
 * @example await runTearline(['import', file, '--database', url], { killAfterMs: 900 })
 */
export function runTearline(
  args: readonly string[],
  options: { killAfterMs?: number; killAfterOutputMs?: number; env?: Record<string, string> } = {},
): Promise<ChildRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KILLED_CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv(options.env),
    });
    let stdout = '';
    let stderr = '';
    let timer =
      options.killAfterMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    let firstOutputMs: number | undefined;
    let lastOutputMs: number | undefined;
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      lastOutputMs = performance.now() - started;
      firstOutputMs ??= lastOutputMs;
      if (!stdout && options.killAfterOutputMs !== undefined)
        timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterOutputMs);
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout,
        stderr,
        ms: performance.now() - started,
        ...(firstOutputMs === undefined ? {} : { firstOutputMs }),
        ...(lastOutputMs === undefined ? {} : { lastOutputMs }),
      });
    });
  });
}

/**
 * Runs `tearline <args>` inside the test process: the same code as the executable, without the
 * second or so a child spends starting, for the checks that follow every kill.
 *
 * @example const verify = await runTearlineHere(['ledger', 'verify', '--database', url])
 */
export async function runTearlineHere(
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = { out: '', err: '' };
  stdout.setEncoding('utf8').on('data', (c: string) => (text.out += c));
  stderr.setEncoding('utf8').on('data', (c: string) => (text.err += c));
  const stdin = new PassThrough();
  stdin.end();
  const code = await main([...args], {
    stdin,
    stdout,
    stderr,
    env: process.env,
    cwd: process.cwd(),
  });
  return { code, stdout: text.out, stderr: text.err };
}

/** What a store looks like after a kill: integrity verdict and the row counts the tests compare. */
export interface StoreState {
  readonly integrity: string;
  readonly counts: Record<string, number>;
}

/**
 * Opens the store as a fresh process would, runs the engine's integrity checks (SQLite:
 * `PRAGMA integrity_check` and `foreign_key_check`; PostgreSQL: amcheck's `bt_index_check` on
 * every B-tree index, which raises on a damaged one) and counts the rows of the named tables.
 *
 * @example const state = await inspectStore(url, ['stix_objects'])
 */
export async function inspectStore(
  url: string,
  tables: readonly string[],
  countMore?: (database: Database) => Promise<Record<string, number>>,
): Promise<StoreState> {
  const database = await openDatabase(url);
  try {
    let integrity = 'ok';
    if (database.engine === 'sqlite') {
      const raw = database.sqlite!;
      const check = raw.pragma('integrity_check', { simple: true }) as string;
      const fk = raw.pragma('foreign_key_check') as unknown[];
      integrity =
        check === 'ok' && fk.length === 0 ? 'ok' : `${check}; ${fk.length} foreign-key violations`;
    } else {
      // PostgreSQL enforces keys inside each transaction and recovers from its WAL; what a kill
      // could still break is an index, so every B-tree index is verified with amcheck.
      await sql`CREATE EXTENSION IF NOT EXISTS amcheck`.execute(database.db);
      const { rows } = await sql<{ name: string; checked: number }>`
        SELECT c.relname AS name, length(bt_index_check(c.oid, true)::text) AS checked
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
        WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace`.execute(database.db);
      if (rows.length === 0) integrity = 'no indexes found';
    }
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const { rows } = await sql<{
        n: number | string;
      }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(database.db);
      counts[table] = Number(rows[0]?.n ?? 0);
    }
    if (countMore) Object.assign(counts, await countMore(database));
    return { integrity, counts };
  } finally {
    await database.close();
  }
}

/**
 * A small seeded pseudo-random generator (mulberry32), so a failing kill point can be replayed
 * from the seed printed with it.
 *
 * @example const random = createRandom(42); random() // 0 ≤ x < 1
 */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
