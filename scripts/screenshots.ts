// Regenerates docs/screenshots/*.png: the main pages of the web application in Chromium, on the
// demo exactly as a new user sees it after `npm start`.
//   npm run screenshots            starts `tearline serve` on a temporary SQLite store with the demo
//                                  and signs in as the first admin, reading its one-time password
//                                  from what serve prints (no dev-only password switch needed)
//   npm run screenshots -- --url http://127.0.0.1:8080 --user admin --password …   a running server
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { APIRequestContext, Page } from 'playwright-core';
import { ensureWebBuilt, launchChromium } from '../test/e2e/web-harness.js';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const { values } = parseArgs({
  options: { url: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' } },
});

/** A `tearline serve` of the demo on a fresh SQLite store, and the admin it created. */
interface DemoServer {
  url: string;
  /** The store's URL, for the CLI's brief. */
  database: string;
  user: string;
  password: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server the README's first command starts, on port 0 and a temporary store,
 * and reads the URL and the first admin's one-time password from its output.
 */
async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tearline-screens-'));
  const database = `sqlite:${join(dir, 'demo.db')}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'tearline.js'), 'serve', '--port', '0', '--database', database],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TEARLINE_LOG_LEVEL: 'warn' },
    },
  );
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  let printed = '';
  try {
    const found = await new Promise<DemoServer>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`serve did not start in 5 minutes; it printed:\n${printed}`)),
        5 * 60_000,
      );
      child.once('exit', (code) => reject(new Error(`serve exited (${code}):\n${printed}`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        printed += chunk.toString('utf8');
        const admin = /first admin: username "([^"]+)", password (\S+)/.exec(printed);
        const running = /running at (http:\/\/\S+?)\/? /.exec(printed);
        if (admin && running) {
          clearTimeout(timer);
          resolve({ url: running[1]!, database, user: admin[1]!, password: admin[2]!, stop });
        }
      });
    });
    if (!printed.includes('Loaded the demo')) throw new Error(`no demo loaded:\n${printed}`);
    return found;
  } catch (e) {
    await stop();
    throw e;
  }
}

async function shoot(page: Page, name: string, ready: () => Promise<unknown>) {
  await ready();
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
}

/** The API as the signed-in browser session calls it (cookie and CSRF token). */
async function sessionApi(request: APIRequestContext, url: string) {
  const session = (await (await request.get(`${url}/api/session/me`)).json()) as {
    csrfToken: string;
  };
  const call = async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const res = await request.fetch(`${url}${path}`, {
      method,
      headers: { 'x-csrf-token': session.csrfToken },
      ...(data === undefined ? {} : { data }),
    });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return call;
}

ensureWebBuilt();
mkdirSync(OUT, { recursive: true });
const demo = values.url ? undefined : await startDemoServer();
const url = values.url ?? demo!.url;
const user = values.user ?? demo?.user ?? 'admin';
const password = values.password ?? demo?.password ?? '';
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${url}/`);
  await shoot(page, 'sign-in', () => page.getByLabel('Username').waitFor());
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  const api = await sessionApi(page.request, url);
  const actor = (
    await api<{ objects: Array<{ id: string }> }>('GET', '/api/search?q=ISIS-K&type=threat-actor')
  ).objects[0];
  const actorPath = `/actors/${actor?.id ?? 'ISIS-K'}`;
  const incident = (
    await api<{ objects: Array<{ id: string }> }>('GET', '/api/search?q=Crocus&type=incident')
  ).objects[0];

  await shoot(page, 'dashboard', () => page.locator('canvas[data-points]').waitFor());

  // A new report, so that the inbox shows a draft with its extracted spans as a user finds it.
  await api('POST', '/api/reports', {
    title: 'Bombing at a Kabul mosque',
    published: '2024-06-14',
    grade: 'B2',
    text:
      'KABUL, 14 June 2024 — A suicide bomber attacked worshippers at a Shia mosque in western ' +
      'Kabul on Friday, killing at least 12 people, police said. Islamic State Khorasan Province ' +
      'claimed the attack in a statement.',
  });
  await page.goto(`${url}/inbox`);
  await shoot(page, 'inbox', () => page.locator('.report-text').waitFor());

  if (incident) {
    await page.goto(`${url}/objects/${incident.id}`);
    await shoot(page, 'incident', () =>
      page.getByRole('heading', { name: 'What happened' }).waitFor(),
    );
  }
  await page.goto(`${url}${actorPath}`);
  await shoot(page, 'actor', () => page.locator('figure.chart svg').first().waitFor());
  const history = page.getByRole('region', { name: 'Assessment history' });
  await history.waitFor();
  await history.screenshot({ path: join(OUT, 'assessment.png') });
  console.log('docs/screenshots/assessment.png');
  await page.goto(`${url}${actorPath}/graph`);
  await shoot(page, 'graph', () => page.locator('svg.graph').waitFor());
  await page.goto(`${url}/search?q=Kabul`);
  await shoot(page, 'search', () => page.locator('.results').waitFor());

  // A release drafted by the admin, previewed in the console: ours beside the partner's.
  const partners = (
    await api<{ partners: Array<{ id: string; name: string }> }>('GET', '/api/partners')
  ).partners;
  const partner = partners.find((p) => /authority/i.test(p.name)) ?? partners[0];
  if (partner && incident && actor) {
    await api('POST', '/api/releases', {
      partnerId: partner.id,
      objectIds: [incident.id, actor.id],
      transforms: [
        { kind: 'strip-sources' },
        { kind: 'coarsen-place', to: 'country' },
        { kind: 'coarsen-date', to: 'month' },
      ],
    });
  }
  // Each sharing view by its own URL.
  await page.goto(`${url}/sharing/releases`);
  const drafted = page.locator('li.release').filter({ hasText: /draft/ }).first();
  await page.locator('li.release').first().waitFor();
  if (await drafted.count()) {
    await drafted.getByRole('button', { name: 'Preview' }).click();
    await drafted.getByLabel('Release preview').waitFor();
  }
  await shoot(page, 'sharing', () => page.locator('li.release').first().waitFor());
  await page.goto(`${url}/sharing/agreements`);
  await page.locator('li.agreement-card').first().waitFor();
  await page.locator('li.agreement-card .history summary').first().click();
  await shoot(page, 'sharing-agreements', () =>
    page.locator('.history tbody tr').first().waitFor(),
  );
  await page.goto(`${url}/sharing/partners`);
  await shoot(page, 'sharing-partners', () =>
    page.getByRole('region', { name: 'Partners' }).locator('li').first().waitFor(),
  );
  const minimal = (
    await api<{ partners: Array<{ id: string; trustTier: string }> }>('GET', '/api/partners')
  ).partners.find((p) => p.trustTier === 'minimal');
  await page.goto(`${url}/sharing/releases/new${minimal ? `?partner=${minimal.id}` : ''}`);
  await page.getByLabel('Find objects', { exact: true }).fill('Kabul');
  await page.getByRole('button', { name: 'Find' }).click();
  await page
    .getByRole('list', { name: 'Objects found' })
    .getByRole('checkbox', { name: /incident/ })
    .first()
    .check();
  await shoot(page, 'sharing-new-release', () =>
    page.getByRole('group', { name: 'Tearline transforms' }).waitFor(),
  );
  const ledgerPartner = partners.find((p) => !/authority/i.test(p.name)) ?? partners[0];
  await page.goto(`${url}/sharing/ledger${ledgerPartner ? `?partner=${ledgerPartner.id}` : ''}`);
  await shoot(page, 'ledger', () => page.locator('table.ledger tbody tr').first().waitFor());

  // The brief on the demo's actor, as `tearline brief` writes it (self-contained HTML).
  if (demo) {
    const out = join(mkdtempSync(join(tmpdir(), 'tearline-brief-')), 'brief.html');
    execFileSync(process.execPath, [
      join(ROOT, 'bin', 'tearline.js'),
      'brief',
      '--actor',
      'ISIS-K',
      '--out',
      out,
      // The demo's reports end in spring 2024: the trend window is set there, not at today.
      '--as-of',
      '2024-04',
      '--database',
      demo.database,
    ]);
    const brief = await browser.newPage({ viewport: { width: 900, height: 1270 } });
    await brief.goto(`file://${out}`);
    await brief.screenshot({ path: join(OUT, 'brief.png'), fullPage: true });
    console.log('docs/screenshots/brief.png');
    await brief.close();
    rmSync(dirname(out), { recursive: true, force: true });
  }
} finally {
  await browser.close();
  await demo?.stop();
}
