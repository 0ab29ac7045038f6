import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import {
  ensureWebBuilt,
  launchChromium,
  signIn,
  startWebServer,
  type WebServer,
  submitReport,
} from './web-harness.js';
import { seedThroughApi } from './web-seed.js';

const REPORT =
  'JALALABAD, 4 March 2022 — A suicide bomber attacked worshippers at a mosque in Jalalabad on Friday, ' +
  'killing at least 12 people and wounding 30, police said. Islamic State Khorasan Province claimed the bombing.';

describe('the inbox shows what a decision made and undoes it, in Chromium', () => {
  let server: WebServer;
  let browser: Browser;

  before(async () => {
    ensureWebBuilt();
    server = await startWebServer();
    await seedThroughApi(server.t, server.url);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('after Accept all the draft stays open with links to what was created; Undo reopens its items', async () => {
    const page = await browser.newPage();
    // The machine runs several browsers at once; waits of 30 s time out under that load.
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server.url, 'ana');
    await submitReport(page, {
      title: 'Mosque bombing in Jalalabad',
      published: '2022-03-05',
      text: REPORT,
    });

    await page.getByRole('button', { name: 'Accept all' }).click();
    await page.getByText('Accepted every proposed item.').waitFor();
    const summary = page.getByTestId('last-decision');
    await summary.waitFor();
    assert.match((await summary.textContent()) ?? '', /Accepted all \d+ items/);
    // The draft left the list of drafts to review but stays open on what it made.
    assert.equal(await page.getByTestId('draft-text').count(), 1);
    const incidentLink = summary.locator('a[href^="/objects/incident--"]');
    assert.equal(await incidentLink.count(), 1);
    const incidentHref = (await incidentLink.getAttribute('href'))!;
    assert.ok((await summary.locator('a[href^="/objects/location--"]').count()) >= 1);
    assert.equal(await page.locator('ol.items').getByRole('button', { name: 'Accept' }).count(), 0);

    await summary.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undid the last decision.').waitFor();
    await summary.waitFor({ state: 'detached' });
    await page.locator('ol.items').getByRole('button', { name: 'Accept' }).first().waitFor();

    // The undone incident is revoked in the store.
    const res = await fetch(`${server.url}/api/objects/${incidentHref.split('/').pop()}`, {
      headers: { authorization: `Bearer ${await server.t.mintToken('ana')}` },
    });
    const body = (await res.json()) as { revoked?: boolean; object?: { revoked?: boolean } };
    assert.equal(body.object?.revoked ?? body.revoked, true, JSON.stringify(body).slice(0, 300));

    // Accepting again makes a new incident, and the summary links to its page.
    await page.getByRole('button', { name: 'Accept all' }).click();
    await summary.waitFor();
    const again = (await summary.locator('a[href^="/objects/incident--"]').getAttribute('href'))!;
    assert.notEqual(again, incidentHref);
    await summary.locator('a[href^="/objects/incident--"]').click();
    await page.waitForURL(`**${again}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
