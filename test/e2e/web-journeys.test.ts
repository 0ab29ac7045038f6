import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { geoEqualEarth } from 'd3-geo';
import type { Browser, Page } from 'playwright-core';
import {
  ensureWebBuilt,
  findSeriousAxeViolations,
  launchChromium,
  measureInitialJs,
  signIn,
  startWebServer,
  type WebServer,
  submitReport,
} from './web-harness.js';
import { HOSTILE_TEXT, seedThroughApi, type Seeded } from './web-seed.js';

/** Records dialogs and page errors; a page that runs a report's markup would trip one of them. */
function watch(page: Page) {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return seen;
}

describe('web application in Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  let seeded: Seeded;

  before(async () => {
    ensureWebBuilt();
    server = await startWebServer();
    seeded = await seedThroughApi(server.t, server.url);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps the JavaScript of a first visit under 300 KB gzipped', () => {
    const initial = measureInitialJs();
    console.log(
      `web: initial JavaScript ${(initial.gzipBytes / 1024).toFixed(1)} KB gzipped ` +
        `(${(initial.rawBytes / 1024).toFixed(1)} KB raw) in ${initial.files.length} file(s)`,
    );
    assert.ok(initial.files.length >= 1);
    assert.ok(initial.gzipBytes <= 300 * 1024, `initial JS is ${initial.gzipBytes} bytes gzipped`);
  });

  it('signs in by keyboard, refuses a wrong password with a sentence, and shows the role’s navigation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('Username').waitFor();
    assert.deepEqual(await findSeriousAxeViolations(page), []);
    // Every control of the form is reached with Tab, in order.
    await page.getByLabel('Username').focus();
    await page.keyboard.type('ana');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Sign in');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /\w+.*\./);
    await page.getByLabel('Password').fill('ana-password-123');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.deepEqual(await nav.getByRole('link').allTextContents(), [
      'Dashboard',
      'Inbox',
      'Actors',
      'Search',
      'Sharing',
    ]);
    await context.close();

    const approver = await browser.newPage();
    await signIn(approver, server.url, 'bea');
    const links = await approver
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link')
      .allTextContents();
    assert.ok(
      links.includes('Approvals') && !links.includes('Inbox') && !links.includes('Users'),
      links.join(),
    );
    await approver.close();
  });

  it('shows the dashboard: recent incidents, the map with every placed incident, the tempo chart', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'ana');
    const map = page.locator('canvas[data-points]');
    await map.waitFor();
    assert.equal(await map.getAttribute('data-points'), String(seeded.incidentIds.length));
    await page.locator('figure.chart svg').waitFor();
    const recent = page.getByRole('region', { name: 'Recent incidents' });
    assert.equal(await recent.getByRole('link').first().textContent(), 'Crocus City Hall attack');
    assert.deepEqual(await findSeriousAxeViolations(page), []);
    // The map answers the keyboard (zoom) and the pointer (the nearest incident is named).
    await page.getByRole('group', { name: /Map of incidents/ }).focus();
    await page.keyboard.press('+');
    await page.getByRole('button', { name: 'Reset' }).click();
    // Where the map draws the Crocus City Hall attack (its projection: d3's Equal Earth fitted to
    // the canvas); the pointer near it names it.
    const box = (await map.boundingBox())!;
    const projection = geoEqualEarth().fitExtent(
      [
        [8, 8],
        [box.width - 8, box.height - 8],
      ],
      { type: 'Sphere' },
    );
    const [x, y] = projection([37.3894, 55.8256])!;
    await page.mouse.move(box.x + x + 3, box.y + y + 2);
    const tip = page.locator('.map-tip');
    await tip.waitFor();
    assert.match((await tip.textContent()) ?? '', /^Crocus City Hall attack2024-03-22/);
    await page.close();
  });

  it('shows a report whose text carries <script>, <img onerror> and javascript: links as words, running none of it', async () => {
    // The page's CSP would block inline scripts anyway; bypass it so that the proof is about
    // rendering: the text must never become markup in the first place.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const seen = watch(page);
    await signIn(page, server.url, 'ana');
    await page.goto(`${server.url}/objects/${seeded.hostileReportId}`);
    const text = page.getByTestId('object-text');
    await text.waitFor();
    assert.equal(await text.textContent(), HOSTILE_TEXT);
    assert.equal(await text.locator('script, img, a').count(), 0);
    await page.waitForTimeout(300);
    assert.equal(
      await page.evaluate(() => (window as unknown as { __tearlineXss?: string }).__tearlineXss),
      undefined,
    );
    assert.deepEqual(seen, { dialogs: [], errors: [] });
    // The same text through search results.
    await page.goto(`${server.url}/search?q=markup`);
    await page.locator('.results').waitFor();
    assert.equal(
      await page.evaluate(() => (window as unknown as { __tearlineXss?: string }).__tearlineXss),
      undefined,
    );
    assert.deepEqual(seen, { dialogs: [], errors: [] });
    await context.close();
  });

  it('reviews a draft from the inbox: spans highlighted, keyboard accept and reject, merge into the candidate shown', async () => {
    // Its own server: accepting and merging changes the actor's profile other journeys read.
    const own = await startWebServer();
    await seedThroughApi(own.t, own.url);
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const seen = watch(page);
    await signIn(page, own.url, 'ana');
    const text =
      'KABUL, 26 August 2021 — A suicide bomber attacked crowds outside Kabul airport on Thursday, ' +
      'killing at least 170 people, officials said. Islamic State Khorasan Province claimed the bombing. ' +
      HOSTILE_TEXT;
    await submitReport(page, {
      title: 'Bombing at Kabul airport',
      published: '2021-08-27',
      text,
      grade: { reliability: 'B', credibility: '2' },
    });
    const draftText = page.getByTestId('draft-text');
    assert.equal(await draftText.textContent(), text);
    assert.ok((await draftText.locator('mark').count()) >= 1, 'evidence spans are highlighted');
    assert.equal(await draftText.locator('script, img, a').count(), 0);
    assert.match(
      (await page.getByRole('region', { name: 'Proposed items' }).textContent()) ?? '',
      /Source grade B2/,
    );

    const items = page.locator('ol.items > li');
    const actor = items.filter({ hasText: 'threat-actor' }).first();
    const actorIndex = await items.evaluateAll((els) =>
      els.findIndex((el) => el.textContent?.includes('threat-actor')),
    );
    // j moves down to the actor, a accepts it: no mouse.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < actorIndex; i++) await page.keyboard.press('j');
    assert.equal(await actor.getAttribute('aria-current'), 'true');
    await page.keyboard.press('a');
    await actor.locator('.badge', { hasText: 'accepted' }).waitFor();

    // The incident is the Kabul airport bombing already in the store: merge it as corroboration.
    const incident = items.filter({ hasText: 'incident' }).first();
    await incident.getByText('May be the same attack as').waitFor();
    assert.equal(await incident.getByRole('link', { name: 'Kabul airport bombing' }).count(), 1);
    await incident.getByRole('button', { name: 'Merge into it' }).click();
    await incident.locator('.badge', { hasText: 'merged' }).waitFor();

    const location = items.filter({ hasText: 'location' }).first();
    await location.getByRole('button', { name: 'Reject' }).click();
    await location.locator('.badge', { hasText: 'rejected' }).waitFor();
    assert.deepEqual(await findSeriousAxeViolations(page), []);
    assert.equal(
      await page.evaluate(() => (window as unknown as { __tearlineXss?: string }).__tearlineXss),
      undefined,
    );
    assert.deepEqual(seen, { dialogs: [], errors: [] });
    await context.close();
    await own.close();
  });

  it('opens the actor page and records an assessment that supersedes the current one, with evidence', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'ana');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Actors' })
      .click();
    await page.getByRole('link', { name: 'Islamic State Khorasan Province' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Islamic State Khorasan Province' })
      .waitFor();
    const reach = page.getByRole('region', { name: 'Reach', exact: true });
    // Home countries are inferred (AF, PK); Iran and Russia are external operations.
    for (const [country, external] of [
      ['AF', false],
      ['IR', true],
      ['RU', true],
    ] as const) {
      const row = reach.getByRole('row').filter({ hasText: new RegExp(`^${country}`) });
      assert.equal(await row.getByText('external').count(), external ? 1 : 0, country);
    }
    await page
      .getByRole('region', { name: 'Collection gaps' })
      .getByText('ISIS-K leadership and external plotting')
      .waitFor();
    await page.locator('figure.chart svg').first().waitFor();
    assert.deepEqual(await findSeriousAxeViolations(page), []);

    await page.getByLabel('Capability').selectOption('likely');
    await page.getByLabel('Intent').selectOption('unlikely');
    await page.getByLabel('Analytic confidence').selectOption('low');
    await page.getByLabel('Region or target').fill('operations in Europe');
    await page.getByLabel('Rationale').fill('Able to strike abroad, but no sign it means to.');
    await page.getByRole('checkbox', { name: /Kerman memorial bombings/ }).check();
    await page.getByRole('button', { name: 'Record assessment' }).click();
    const outcome = page
      .getByRole('form', { name: 'New assessment' })
      .locator('[role=status], [role=alert]');
    await outcome.waitFor();
    assert.equal(await outcome.textContent(), 'Assessment recorded.');
    const timeline = page.getByRole('list', { name: 'Judgments, latest first' });
    await timeline.waitFor();
    assert.equal(await timeline.locator(':scope > li').count(), 1);

    // A later judgment: the clock moves on (within the session's idle hour).
    server.t.clock.advance(10 * 60_000);
    await page.getByLabel('Intent').selectOption('very-likely');
    await page.getByLabel('Analytic confidence').selectOption('moderate');
    await page.getByLabel('Rationale').fill('Crocus City Hall shows the will to strike abroad.');
    await page.getByRole('checkbox', { name: /Crocus City Hall attack/ }).check();
    await page.getByRole('button', { name: 'Record and supersede' }).click();
    await outcome.waitFor();
    assert.equal(await outcome.textContent(), 'Assessment recorded.');
    await page.waitForFunction(() => document.querySelectorAll('ol.timeline > li').length === 2);
    const latest = timeline.locator(':scope > li').first();
    assert.match((await latest.textContent()) ?? '', /Intent: unlikely → very likely \(raised\)/);
    assert.match((await latest.textContent()) ?? '', /current/);
    assert.deepEqual((await latest.locator('.evidence a').allTextContents()).sort(), [
      'Crocus City Hall attack',
      'Kerman memorial bombings',
    ]);
    await page.close();
  });

  it('drafts, previews side by side, approves as a second person, and revokes a release; the ledger verifies', async () => {
    const ana = await browser.newPage();
    await signIn(ana, server.url, 'ana');
    await ana
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sharing' })
      .click();
    // The sharing area opens on the releases; drafting one is a view of its own.
    await ana.waitForURL(/\/sharing\/releases$/);
    await ana
      .getByRole('navigation', { name: 'Sharing' })
      .getByRole('link', { name: 'New release' })
      .click();
    await ana.waitForURL(/\/sharing\/releases\/new$/);
    await ana.getByLabel('Find objects', { exact: true }).waitFor();
    assert.deepEqual(await findSeriousAxeViolations(ana), []);
    await ana
      .getByLabel('Partner', { exact: true })
      .selectOption({ label: 'Allied Service (trusted)' });
    await ana.getByLabel('Find objects', { exact: true }).fill('Crocus');
    await ana.getByRole('button', { name: 'Find' }).click();
    await ana.getByRole('checkbox', { name: /Crocus City Hall attack/ }).check();
    await ana.getByRole('checkbox', { name: 'Coarsen dates to the month' }).check();
    await ana.getByRole('button', { name: 'Draft release' }).click();
    await ana.getByText('Release to Allied Service drafted; preview it below.').waitFor();
    const row = ana.locator('li.release').first();
    await row.getByRole('button', { name: 'Preview' }).click();
    const preview = row.getByLabel('Release preview');
    await preview.waitFor();
    assert.match((await preview.textContent()) ?? '', /1 of 1 objects will be released/);
    await row.locator('.badge', { hasText: 'previewed' }).waitFor();
    // What we hold beside what the partner receives: the date is coarsened to the month.
    const changed = preview.locator('tr.changed, tr.removed');
    assert.ok((await changed.count()) >= 1);
    assert.ok(
      (await preview.getByRole('list', { name: 'What the transforms changed' }).count()) === 1,
    );
    assert.equal(await row.getByRole('button', { name: 'Approve and deliver' }).count(), 0);

    const bea = await browser.newPage();
    await signIn(bea, server.url, 'bea');
    await bea
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Approvals' })
      .click();
    const pending = bea.locator('li.release').first();
    // Approval happens from the preview: the button appears once the current preview is open.
    assert.equal(await pending.getByRole('button', { name: 'Approve and deliver' }).count(), 0);
    await pending.getByRole('button', { name: 'Open preview to approve' }).click();
    await pending.getByLabel('Release preview').waitFor();
    const approval = pending.getByLabel('Approve from the preview');
    await approval.waitFor();
    const reasons = approval.getByPlaceholder('Reason it may go out');
    for (let i = 0; i < (await reasons.count()); i++) {
      await reasons.nth(i).fill('Public figure, already in open reporting.');
    }
    await approval.getByRole('button', { name: 'Approve and deliver' }).click();
    await bea.getByText('Approved and delivered the release to Allied Service.').waitFor();

    await ana.reload();
    const delivered = ana.locator('li.release').first();
    await delivered.getByText('delivered', { exact: true }).waitFor();
    await delivered.getByLabel('Reason for revoking').fill('Superseded by a corrected account.');
    await delivered.getByRole('button', { name: 'Revoke' }).click();
    await ana
      .getByText(/^Revoked the release to Allied Service; the partner receives the revocation\.$/)
      .waitFor();
    await ana.reload();
    await ana.locator('li.release').first().getByText('revoked', { exact: true }).waitFor();
    await ana
      .locator('li.release')
      .first()
      .getByRole('link', { name: 'Its entries in the ledger' })
      .click();
    const verdict = ana.getByTestId('ledger-verdict');
    await verdict.waitFor();
    assert.match(
      (await verdict.textContent()) ?? '',
      /^Verified: \d+ entries, hash chain intact\.$/,
    );
    await ana.close();
    await bea.close();
  });

  it('passes axe on the search, inbox, incident and graph pages', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'root');
    const pages: Array<[string, string]> = [
      [`/search?q=bombing`, '.results'],
      ['/inbox', 'h1'],
      [`/objects/${seeded.incidentIds[0]}`, 'dl.facts'],
      [`/actors/${seeded.actorId}/graph`, 'svg.graph'],
      ['/users', 'table'],
    ];
    for (const [path, ready] of pages) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      assert.deepEqual(await findSeriousAxeViolations(page), [], path);
    }
    await page.close();
  });
});
