import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../server-fixture.js';
import { WEB_DIST } from '../../src/server/create-app.js';
import type { AppConfig } from '../../src/server/app-deps.js';

const ROOT = join(import.meta.dirname, '..', '..');
// The checkout's own folder even when the suite runs on its compiled mirror (ADR 0035), where
// package.json is a link: the web app's sources and build are judged where they live.
const CHECKOUT = dirname(realpathSync(join(ROOT, 'package.json')));
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

/**
 * Builds web/dist with Vite when it is missing or older than any source of the web application.
 *
 * @example ensureWebBuilt() // true when it had to build
 */
export function ensureWebBuilt(): boolean {
  const index = join(WEB_DIST, 'index.html');
  const sources = [
    join(CHECKOUT, 'web', 'src'),
    join(CHECKOUT, 'web', 'index.html'),
    join(CHECKOUT, 'web', 'vite.config.ts'),
  ];
  const fresh = () =>
    existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime));
  if (fresh()) return false;
  // Test files run in parallel processes: one builds, the others wait for it.
  const lock = join(CHECKOUT, 'web', '.build-lock');
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 5 * 60_000) {
        rmSync(lock, { recursive: true, force: true });
      } else if (Date.now() > deadline) {
        throw new Error(`web build lock ${lock} held for too long`);
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (fresh()) return false;
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const r = spawnSync(
      process.execPath,
      [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
      { cwd: CHECKOUT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    );
    if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr || r.stdout}`);
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The JavaScript a first visit loads (the entry script and its module preloads), gzipped, in bytes.
 *
 * @example measureInitialJs() // { files: ['assets/index-….js'], gzipBytes: 83000 }
 */
export function measureInitialJs(): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const f of files) {
    const bytes = readFileSync(join(WEB_DIST, f));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

/**
 * Launches Debian's Chromium through playwright-core with the flags the CI uses.
 *
 * @example const browser = await launchChromium()
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.TEARLINE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A running app serving the built web application on a loopback port. */
export interface WebServer {
  t: TestApp;
  url: string;
  close(): Promise<void>;
}

/**
 * The real application over a fresh SQLite store, serving web/dist, listening on port 0;
 * `config` adds to its configuration (e.g. an outbound allow list for a loopback feed).
 *
 * @example const server = await startWebServer(); … await server.close()
 */
export async function startWebServer(config: Partial<AppConfig> = {}): Promise<WebServer> {
  const t = await createTestApp('sqlite', { serveWeb: true, ...config }, {}, WEB_DIST);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { t, url: `http://127.0.0.1:${port}`, close: () => t.dispose() };
}

/**
 * Signs in through the sign-in form and waits for the dashboard.
 *
 * @example await signIn(page, url, 'ana')
 */
export async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(`${username}-password-123`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

/** A report typed into the inbox's submit form. */
export interface TypedReport {
  title: string;
  published: string;
  text: string;
  /** Source reliability and information credibility; without it the form's default, F6, is checked. */
  grade?: { reliability: string; credibility: string };
}

/**
 * Submits a report through the inbox form and waits until its own draft is open. The draft open
 * before stays on screen while the new one is extracted, so waiting for any draft would let the
 * next step act on the old one.
 *
 * @example await submitReport(page, { title: 'Kabul', published: '2024-05-13', text })
 */
export async function submitReport(page: Page, report: TypedReport): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('button', { name: 'Submit a report' }).click();
  await page.getByLabel('Title').fill(report.title);
  await page.getByLabel('Published').fill(report.published);
  const reliability = page.getByLabel('Source reliability');
  const credibility = page.getByLabel('Information credibility');
  if (report.grade) {
    await reliability.selectOption(report.grade.reliability);
    await credibility.selectOption(report.grade.credibility);
  } else if ((await reliability.inputValue()) + (await credibility.inputValue()) !== 'F6') {
    throw new Error(
      'The submit form does not default to F6 (reliability and credibility unknown).',
    );
  }
  await page.getByLabel('Report text').fill(report.text);
  await page.getByRole('button', { name: 'Extract and review' }).click();
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid=draft-text]')?.textContent === expected,
    report.text,
  );
}

/** One axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (injected from node_modules) and returns serious and critical violations.
 *
 * @example assert.deepEqual(await findSeriousAxeViolations(page), [])
 */
export async function findSeriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses a
  // script tag, and the check must not weaken the policy it runs under.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: unknown,
          ) => Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: string[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
  });
}
