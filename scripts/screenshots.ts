// Regenerates docs/screenshots/*.png: the main pages of the web application in Chromium.
//   npm run screenshots                                   a temporary seeded server on SQLite
//   npm run screenshots -- --url http://127.0.0.1:8080 --user admin --password …   a running (demo) server
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { ensureWebBuilt, launchChromium, startWebServer } from '../test/e2e/web-harness.js';
import { seedThroughApi } from '../test/e2e/web-seed.js';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
const { values } = parseArgs({
  options: { url: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' } },
});

async function shoot(page: Page, name: string, ready: () => Promise<unknown>) {
  await ready();
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
}

ensureWebBuilt();
mkdirSync(OUT, { recursive: true });
const server = values.url ? undefined : await startWebServer();
const url = values.url ?? server!.url;
const user = values.user ?? 'root';
const password = values.password ?? `${user}-password-123`;
let actorId = 'ISIS-K';
let incidentId: string | undefined;
if (server) {
  const seeded = await seedThroughApi(server.t, server.url);
  actorId = seeded.actorId;
  incidentId = seeded.incidentIds[5];
  // A draft to review and a release to preview, made through the API like a user would.
  const token = await server.t.mintToken('ana');
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await post('/api/reports', {
    title: 'Bombing at Kabul airport',
    published: '2021-08-27',
    grade: 'B2',
    text:
      'KABUL, 26 August 2021 — A suicide bomber attacked crowds outside Kabul airport on Thursday, ' +
      'killing at least 170 people, officials said. Islamic State Khorasan Province claimed the bombing.',
  });
  // A change of judgment, before and after Crocus City Hall, for the assessment timeline.
  const first = (await (
    await post('/api/assessments', {
      subjectRef: seeded.actorId,
      capability: 'likely',
      intent: 'unlikely',
      analyticConfidence: 'low',
      targetDescription: 'operations in Europe',
      rationale: 'Capable of operations abroad, but no sign of the will to mount them.',
      evidenceRefs: [seeded.incidentIds[4]],
      validFrom: '2024-01-10T00:00:00.000Z',
    })
  ).json()) as { id: string };
  await post('/api/assessments', {
    subjectRef: seeded.actorId,
    capability: 'very-likely',
    intent: 'very-likely',
    analyticConfidence: 'moderate',
    targetDescription: 'operations in Europe',
    rationale: 'The Crocus City Hall attack shows both the means and the will to strike abroad.',
    evidenceRefs: [seeded.incidentIds[4], seeded.incidentIds[5]],
    validFrom: '2024-03-25T00:00:00.000Z',
    supersedes: first.id,
  });
  await post('/api/releases', {
    partnerId: seeded.partnerId,
    objectIds: [seeded.incidentIds[5], seeded.actorId],
    transforms: [{ kind: 'strip-sources' }, { kind: 'coarsen-date', to: 'month' }],
  });
}
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${url}/`);
  await shoot(page, 'sign-in', () => page.getByLabel('Username').waitFor());
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await shoot(page, 'dashboard', () => page.locator('canvas[data-points]').waitFor());
  await page.goto(`${url}/actors/${actorId}`);
  await shoot(page, 'actor', () => page.locator('figure.chart svg').first().waitFor());
  await page.goto(`${url}/actors/${actorId}/graph`);
  await shoot(page, 'graph', () => page.locator('svg.graph').waitFor());
  if (incidentId) {
    await page.goto(`${url}/objects/${incidentId}`);
    await shoot(page, 'incident', () =>
      page.getByRole('heading', { name: 'What happened' }).waitFor(),
    );
  }
  await page.goto(`${url}/search?q=bombing`);
  await shoot(page, 'search', () => page.locator('.results').waitFor());
  await page.goto(`${url}/inbox`);
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  await shoot(page, 'inbox', () =>
    page.locator('.report-text, .notice, .draft-list').first().waitFor(),
  );
  await page.goto(`${url}/sharing`);
  await page.getByTestId('ledger-verdict').waitFor();
  if (server) {
    await page.locator('li.release').first().waitFor();
    await page.getByRole('button', { name: 'Preview' }).first().click();
    await shoot(page, 'sharing', () => page.locator('.preview').waitFor());
  } else {
    await shoot(page, 'sharing', () => page.getByRole('heading', { name: 'Releases' }).waitFor());
  }
} finally {
  await browser.close();
  await server?.close();
}
