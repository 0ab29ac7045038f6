import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  ensureWebBuilt,
  findSeriousAxeViolations,
  launchChromium,
  signIn,
  startWebServer,
  type WebServer,
} from './web-harness.js';
import { seedThroughApi, type Seeded } from './web-seed.js';
import type { StixObject } from '../../src/core/stix/stix-object.js';
import { TLP2_MARKING_IDS } from '../../src/sharing/tlp.js';

/** A page signed in as `username` in its own context (its own cookies). */
async function openAs(
  browser: Browser,
  url: string,
  username: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, url, username);
  return { context, page };
}

/** Opens one view of the sharing area by its own URL (`agreements`, `partners`, `releases`). */
async function openSharing(page: Page, url: string, view: string): Promise<void> {
  await page.goto(`${url}/sharing/${view}`);
  await page.getByRole('heading', { level: 1, name: 'Sharing' }).waitFor();
}

function agreementCard(page: Page, title: string): Locator {
  return page
    .locator('li.agreement-card')
    .filter({ has: page.getByRole('heading', { name: new RegExp(title) }) });
}

describe('sharing console and graph in Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  let seeded: Seeded;
  const api = async (who: string, method: string, path: string, body?: unknown) => {
    const token = await server.t.mintToken(who);
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as Record<string, unknown>;
  };

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

  it('signs, conditions, suspends, resumes and ends an agreement by role, each with its reason in the history', async () => {
    const partner = await api('ana', 'POST', '/api/partners', {
      name: 'De Facto Authority',
      trustTier: 'minimal',
    });
    const title = 'Narrow conditional sharing';

    const approver = await openAs(browser, server.url, 'bea');
    await openSharing(approver.page, server.url, 'agreements');
    const form = approver.page.getByRole('form', { name: 'Create an agreement' });
    await form.getByLabel('Partner').selectOption(partner.id as string);
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Highest TLP').selectOption('amber');
    await form.getByLabel('Reason').fill('Signed after the March meeting');
    await form.getByRole('button', { name: 'Create agreement' }).click();
    const asApprover = agreementCard(approver.page, title);
    await asApprover.waitFor();
    // An approver may not suspend: the control is there, disabled, with the reason why.
    assert.equal(await asApprover.getByRole('button', { name: 'Suspend' }).isDisabled(), true);
    assert.match(
      (await asApprover.getByText(/you may not suspend/).textContent()) ?? '',
      /needs analyst/,
    );

    const analyst = await openAs(browser, server.url, 'ana');
    await openSharing(analyst.page, server.url, 'agreements');
    const card = agreementCard(analyst.page, title);
    await card.waitFor();
    // A change without a reason is refused in the page, before anything is sent.
    await card.getByRole('button', { name: 'Suspend' }).click();
    await card.getByRole('alert').filter({ hasText: 'Write the reason' }).waitFor();
    await card
      .getByLabel('Condition', { exact: true })
      .fill('Partner guarantees the rights of Afghan women');
    await card.getByLabel('Review date').fill('2026-06-01');
    await card.getByLabel('Expires', { exact: true }).fill('2027-03-01');
    await card.getByLabel(/Reason for the change/).fill('Demanded by the minister');
    await card.getByRole('button', { name: 'Add condition' }).click();
    await card.getByText('Partner guarantees the rights of Afghan women').waitFor();
    assert.equal(await card.getByRole('button', { name: 'Resume' }).count(), 0);
    await card.getByLabel(/Reason for the change/).fill('Reported breach, 2026-02-27');
    await card.getByRole('button', { name: 'Suspend' }).click();
    await card.locator('.badge.state-suspended').waitFor();
    // Resuming belongs to an approver: disabled for the analyst.
    assert.equal(await card.getByRole('button', { name: 'Resume' }).isDisabled(), true);

    await approver.page.reload();
    const toResume = agreementCard(approver.page, title);
    await toResume.locator('.badge.state-suspended').waitFor();
    await toResume.getByLabel(/Reason for the change/).fill('Breach not confirmed by the field');
    await toResume.getByRole('button', { name: 'Resume' }).click();
    await toResume.locator('.badge.state-active').waitFor();
    await toResume.getByText('History of changes').click();
    const rows = toResume.locator('.history tbody tr');
    await rows.nth(3).waitFor();
    assert.deepEqual(
      (await rows.allInnerTexts()).map((r) => r.split('\t').slice(1).join(' | ')),
      [
        'bea | created | Signed after the March meeting',
        'ana | added a condition | Demanded by the minister',
        'ana | suspended | Reported breach, 2026-02-27',
        'bea | resumed | Breach not confirmed by the field',
      ],
    );

    // A release delivered under the agreement, which ending must revoke.
    const drafted = await api('ana', 'POST', '/api/releases', {
      partnerId: partner.id,
      objectIds: [seeded.incidentIds[2]],
      transforms: [{ kind: 'strip-sources' }],
    });
    await api('ana', 'POST', `/api/releases/${drafted.id as string}/preview`);
    // The approver fetches the current preview and acknowledges each finding before approving.
    const seen = await api('bea', 'GET', `/api/releases/${drafted.id as string}/preview`);
    await api('bea', 'POST', `/api/releases/${drafted.id as string}/approve`, {
      acknowledgements: (seen.findings as Array<{ id: string }>).map((f) => ({
        findingId: f.id,
        reason: 'Checked in the preview.',
      })),
    });

    // Ending asks first, naming the consequence; cancelling keeps the agreement.
    await analyst.page.reload();
    const toEnd = agreementCard(analyst.page, title);
    await toEnd.getByLabel(/Reason for the change/).fill('Partner leaked a product');
    await toEnd.getByRole('button', { name: 'End…' }).click();
    const dialog = analyst.page.getByRole('dialog');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /final.*revokes the 1 release delivered/s);
    assert.deepEqual(await findSeriousAxeViolations(analyst.page), []);
    await dialog.getByRole('button', { name: 'Keep the agreement' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await toEnd.locator('.badge.state-active').count(), 1);
    await toEnd.getByRole('button', { name: 'End…' }).click();
    await dialog.getByRole('button', { name: 'End agreement and revoke' }).click();
    await toEnd.locator('.badge.state-ended').waitFor();
    const stored = await api('ana', 'GET', `/api/agreements?partnerId=${partner.id as string}`);
    const [row] = stored.agreements as Array<{ agreement: { state: string } }>;
    assert.equal(row?.agreement.state, 'ended');
    const after = await api('ana', 'GET', `/api/releases/${drafted.id as string}`);
    assert.equal(after.status, 'revoked');
    assert.match(String(after.revokeReason), /agreement ended: Partner leaked a product/);
    await openSharing(analyst.page, server.url, 'releases');
    await analyst.page
      .locator(`li.release[data-release="${drafted.id as string}"] .badge.status-revoked`)
      .waitFor();
    await approver.context.close();
    await analyst.context.close();
  });

  it('lets an admin issue a TAXII credential shown once, which works until revoked', async () => {
    const { context, page } = await openAs(browser, server.url, 'root');
    await openSharing(page, server.url, 'partners');
    await page.getByText('TAXII credentials of Allied Service').click();
    const issue = page.getByRole('form', { name: 'Issue a credential to Allied Service' });
    await issue.getByLabel('Label').fill('Allied TAXII client');
    await issue.getByRole('button', { name: 'Issue credential' }).click();
    const secretBox = page.getByRole('region', { name: 'New secret, shown once' });
    await secretBox.waitFor();
    assert.match((await secretBox.textContent()) ?? '', /will not be shown again/);
    const secret = ((await page.getByTestId('credential-secret').textContent()) ?? '').trim();
    assert.ok(secret.length >= 20, `secret "${secret}"`);
    const taxii = () =>
      fetch(`${server.url}/taxii2/`, {
        headers: {
          authorization: `Bearer ${secret}`,
          accept: 'application/taxii+json;version=2.1',
        },
      }).then((r) => r.status);
    assert.equal(await taxii(), 200);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    assert.equal(await page.getByTestId('credential-secret').count(), 0);
    await page.getByRole('button', { name: 'Revoke Allied TAXII client' }).click();
    await page.getByText(/Revoked “Allied TAXII client”/).waitFor();
    assert.equal(await taxii(), 401);
    assert.deepEqual(await findSeriousAxeViolations(page), []);
    await context.close();
  });

  it('shows a release build in progress, accessibly, while the page stays usable', async () => {
    await api('ana', 'POST', '/api/releases', {
      partnerId: seeded.partnerId,
      objectIds: [seeded.incidentIds[0], seeded.incidentIds[1], seeded.actorId],
      transforms: [{ kind: 'strip-sources' }],
    });
    const { context, page } = await openAs(browser, server.url, 'ana');
    await openSharing(page, server.url, 'releases');
    // The server's answer is held back until the progress has been seen: a large build is slow.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/releases/*/preview', async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    const row = page.locator('li.release').filter({ hasText: '3 objects' }).first();
    await row.getByRole('button', { name: 'Preview' }).click();
    const bar = row.getByRole('progressbar', { name: 'Building the preview of 3 objects' });
    await bar.waitFor();
    assert.equal(await row.getAttribute('aria-busy'), 'true');
    await row
      .getByRole('status')
      .filter({ hasText: 'Building the preview of 3 objects' })
      .waitFor();
    // Not frozen: another control still takes the focus while the build runs.
    const other = page
      .getByRole('navigation', { name: 'Sharing' })
      .getByRole('link', { name: 'Ledger' });
    await other.focus();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Ledger');
    release();
    await row.getByLabel('Release preview').waitFor();
    assert.equal(await bar.count(), 0);
    assert.equal(await row.getAttribute('aria-busy'), 'false');
    assert.deepEqual(await findSeriousAxeViolations(page), []);
    await context.close();
  });

  it('previews a release of 2,000 objects without freezing the page: progress, then 50 at a time', async () => {
    const at = server.t.clock.now().toISOString();
    const many: StixObject[] = Array.from({ length: 2000 }, (_, i) => ({
      type: 'incident',
      spec_version: '2.1',
      id: `incident--00000000-0000-4000-8000-${String(i).padStart(12, '0')}` as StixObject['id'],
      created: at,
      modified: at,
      name: `Bulk incident ${i}`,
      description: 'Gunmen opened fire at a checkpoint.',
      object_marking_refs: [TLP2_MARKING_IDS.green],
      external_references: [{ source_name: 'outlet', url: `https://example.org/${i}` }],
    }));
    await server.t.store.objects.putObjects(many);
    await api('ana', 'POST', '/api/releases', {
      partnerId: seeded.partnerId,
      objectIds: many.map((o) => o.id),
      transforms: [{ kind: 'strip-sources' }],
    });
    const { context, page } = await openAs(browser, server.url, 'ana');
    await openSharing(page, server.url, 'releases');
    // The longest stretch the main thread was blocked, from the browser's own long-task records.
    await page.evaluate(() => {
      const w = window as unknown as { longestTaskMs: number };
      w.longestTaskMs = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longestTaskMs = Math.max(w.longestTaskMs, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    // Progress may last less than a poll, so the page itself notes every progress bar it shows.
    await page.evaluate(() => {
      const w = window as unknown as { progressSeen: string[] };
      w.progressSeen = [];
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('[role="progressbar"]')) {
          const label = bar.getAttribute('aria-label') ?? '';
          if (!w.progressSeen.includes(label)) w.progressSeen.push(label);
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    const row = page.locator('li.release').filter({ hasText: '2000 objects' }).first();
    const started = Date.now();
    await row.getByRole('button', { name: 'Preview' }).click();
    const preview = row.getByLabel('Release preview');
    await preview.waitFor({ timeout: 120_000 });
    const elapsed = Date.now() - started;
    assert.equal(await preview.locator('article.preview-item').count(), 50);
    await preview.getByText('Showing 50 of 2000.').waitFor();
    await preview.getByRole('button', { name: 'Show 50 more' }).click();
    assert.equal(await preview.locator('article.preview-item').count(), 100);
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen),
      ['Building the preview of 2,000 objects'],
    );
    const longest = await page.evaluate(
      () => (window as unknown as { longestTaskMs: number }).longestTaskMs,
    );
    console.log(
      `web: preview of 2,000 objects shown in ${elapsed} ms; longest main-thread task ${Math.round(longest)} ms`,
    );
    await context.close();
  });

  it('reaches the graph’s nodes by Tab, highlights them, and opens one with Enter', async () => {
    const { context, page } = await openAs(browser, server.url, 'ana');
    await page.goto(`${server.url}/actors/${seeded.actorId}/graph`);
    await page.locator('svg.graph').waitFor();
    const target = 'Islamic State (related actor)';
    let focused = '';
    for (let i = 0; i < 40 && focused !== target; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    assert.equal(focused, target);
    assert.equal(await page.locator('svg.graph g.node.other.selected').count(), 1);
    // The next Tab moves the highlight with it.
    await page.keyboard.press('Tab');
    assert.equal(await page.locator('svg.graph g.node.other.selected').count(), 0);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.locator('svg.graph g.node.other.selected').count(), 1);
    // Arrows walk the list too.
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.locator('svg.graph g.node.actor.selected').count(), 1);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('svg.graph g.node.other.selected').count(), 1);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/actors\/threat-actor--/);
    assert.notEqual(new URL(page.url()).pathname, `/actors/${seeded.actorId}/graph`);
    await page.getByRole('heading', { level: 1, name: /Islamic State/ }).waitFor();
    await context.close();
  });
});
