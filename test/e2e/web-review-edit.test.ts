import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  ensureWebBuilt,
  findSeriousAxeViolations,
  launchChromium,
  signIn,
  startWebServer,
  type WebServer,
  submitReport,
} from './web-harness.js';
import { LOOPBACK_ALLOW } from '../support/loopback-allow.js';
import { seedThroughApi } from './web-seed.js';
import { startFeedServer, toRss } from '../ingest-feed-server.js';

const REPORT =
  'JALALABAD, 4 March 2022 — A suicide bomber attacked worshippers at a mosque in Jalalabad on Friday, ' +
  'killing at least 12 people and wounding 30, police said. Islamic State Khorasan Province claimed the bombing.';

const submitJalalabad = (page: Page): Promise<void> =>
  submitReport(page, {
    title: 'Mosque bombing in Jalalabad',
    published: '2022-03-05',
    text: REPORT,
    grade: { reliability: 'B', credibility: '2' },
  });

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('review edit form, re-grading and the incident page in Chromium', () => {
  let server: WebServer;
  let browser: Browser;

  before(async () => {
    ensureWebBuilt();
    // The feed test's wire listens on loopback, which the outbound policy allows only by name.
    server = await startWebServer({ fetchAllow: LOOPBACK_ALLOW });
    await seedThroughApi(server.t, server.url);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('re-grades, edits every field of a proposed incident, accepts it, and follows the incident to its actor', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await signIn(page, server.url, 'ana');
    await submitJalalabad(page);
    const grade = page.getByTestId('draft-grade');
    assert.equal(await grade.textContent(), 'B2');

    // Re-grade by keyboard: the control is labelled and reachable.
    await page.getByLabel('Re-grade reliability').selectOption('D');
    await page.getByLabel('Re-grade credibility').selectOption('4');
    await page.getByRole('button', { name: 'Save grade' }).press('Enter');
    await page.getByText('Saved the new grade.').waitFor();
    // The message shows when the server has the grade; the draft is reloaded just after it.
    await grade.filter({ hasText: /^D4$/ }).waitFor({ timeout: 10_000 });
    assert.equal(await grade.textContent(), 'D4');

    const incident: Locator = page
      .locator('ol.items > li')
      .filter({ has: page.locator('.badge', { hasText: /^incident$/ }) })
      .first();
    await incident.getByRole('button', { name: 'Edit' }).click();
    const form = incident.getByRole('form');
    await form.waitFor();
    assert.match((await focusedId(page)) ?? '', /-name$/, 'the form opens on its first field');

    await form.getByLabel('Killed: how many').selectOption('between');
    const originalMax = await form.getByLabel('Killed, at most').inputValue();
    // A bad value is refused by the server and shown under its field.
    await form.getByLabel('Killed, at least').fill('50');
    await form.getByLabel('Killed, at most').fill('10');
    await form.getByRole('button', { name: 'Save' }).click();
    const fieldError = form.locator('.field-error');
    await fieldError.waitFor();
    assert.match((await fieldError.textContent()) ?? '', /fatalities\.max is smaller than min/);
    assert.equal(await form.getByLabel('Killed, at most').getAttribute('aria-invalid'), 'true');
    assert.equal(await form.getByRole('alert').count(), 1);
    assert.deepEqual(await findSeriousAxeViolations(page), []);

    // Escape cancels and gives focus back to the Edit button; e opens the form again.
    await form.getByLabel('Place').press('Escape');
    await form.waitFor({ state: 'detached' });
    // The page gives focus back on the next frame, after the form has gone.
    await page
      .waitForFunction(() => document.activeElement?.id.startsWith('edit-button-'), null, {
        timeout: 5000,
      })
      .catch(() => undefined);
    assert.match(await focusedId(page), /^edit-button-/);
    await page.keyboard.press('e');
    await form.waitFor();
    await form.getByLabel('Killed: how many').selectOption('between');
    assert.equal(
      await form.getByLabel('Killed, at most').inputValue(),
      originalMax,
      'a cancelled edit keeps nothing',
    );

    await form.getByLabel('Name').fill('Jalalabad mosque bombing (reviewed)');
    await form.getByLabel('Event type', { exact: true }).selectOption('Violence against civilians');
    await form.getByLabel('Sub-event type').selectOption('Attack');
    await form.getByLabel('Status').selectOption('thwarted');
    await form.getByLabel('Date').fill('2022-03-04');
    await form.getByLabel('Time precision').selectOption('2');
    await form.getByLabel('Place').fill('Jalalabad city');
    await form.getByLabel('Country code').fill('AF');
    await form.getByLabel('Geo precision').selectOption('2');
    await form.getByLabel('Killed, at least').fill('12');
    await form.getByLabel('Killed, at most').fill('15');
    await form.getByLabel('Injured: how many').selectOption('between');
    await form.getByLabel('Injured, at least').fill('30');
    await form.getByLabel('Injured, at most').fill('41');
    await form.getByLabel('Perpetrator').fill('ISIS');
    assert.deepEqual(await findSeriousAxeViolations(page), []);
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/^Saved the edit of Jalalabad mosque bombing \(reviewed\)\./).waitFor();
    // The proposed actor the extraction found stays for the analyst to decide; the incident now
    // points at the known Islamic State (matched by its alias).
    await incident.getByRole('button', { name: 'Accept' }).click();
    await incident.locator('.badge', { hasText: 'accepted' }).waitFor();

    await incident.getByRole('link', { name: 'Open the stored incident' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Jalalabad mosque bombing (reviewed)' })
      .waitFor();
    const facts = page.getByRole('region', { name: 'What happened' });
    const text = (await facts.textContent()) ?? '';
    for (const expected of [
      '2022-03-04 (within a week)',
      'Violence against civilians · Attack',
      'thwarted',
      'Jalalabad city',
      '(near the town)',
      'Killed12–15',
      'Injured30–41',
      'GradeD4',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" in "${text}"`);
    }
    const perpetrator = page
      .getByTestId('perpetrator')
      .getByRole('link', { name: 'Islamic State' });
    await perpetrator.waitFor();
    assert.deepEqual(await findSeriousAxeViolations(page), []);
    // Followed by keyboard.
    await perpetrator.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Islamic State' }).waitFor();
    // The actor's relationships read both ways: ISIS-K is affiliated with it.
    const rels = page.getByRole('region', { name: 'Relationships' });
    await rels.getByRole('link', { name: 'Islamic State Khorasan Province' }).waitFor();
    assert.match((await rels.textContent()) ?? '', /affiliated-with this actor/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('lists an object’s relationships both ways on its object page', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'ana');
    const [actor] = await server.t.store.objects.search('Islamic State Khorasan Province', {
      types: ['threat-actor'],
      limit: 1,
    });
    await page.goto(`${server.url}/objects/${actor!.id}`);
    const rels = page.getByRole('region', { name: 'Relationships' });
    await rels.getByRole('link', { name: 'Kabul airport bombing' }).waitFor();
    const text = (await rels.textContent()) ?? '';
    assert.match(text, /Kabul airport bombing attributed-to this/);
    assert.match(text, /affiliated-with Islamic State/);
    await rels.getByRole('link', { name: 'Kabul airport bombing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kabul airport bombing' }).waitFor();
    await page
      .getByTestId('perpetrator')
      .getByRole('link', { name: 'Islamic State Khorasan Province' })
      .waitFor();
    await page.close();
  });

  it('imports a file in the background and shows the extraction’s progress until its draft opens', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'ana');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Inbox' })
      .click();
    await page.getByRole('button', { name: 'Submit a report' }).click();
    await page.getByLabel('Title').fill('Imported statement from Herat');
    const text =
      'HERAT, 2 September 2022 — A bomb exploded in a mosque in Herat during Friday prayers, ' +
      'killing 18 people, officials said.';
    await page.getByLabel('Or import a file').setInputFiles({
      name: 'herat.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(text),
    });
    await page.getByRole('button', { name: 'Extract and review' }).click();
    const bar = page.getByRole('progressbar', { name: 'Extraction' });
    await bar.waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Extraction: Done.' })
      .waitFor({ timeout: 90_000 });
    // <progress> carries its value as the progressbar's aria-valuenow.
    assert.equal(await bar.evaluate((el) => (el as HTMLProgressElement).value), 100);
    const draftText = page.getByTestId('draft-text');
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid=draft-text]')?.textContent === expected,
      text,
    );
    assert.equal(await draftText.textContent(), text);
    assert.deepEqual(await findSeriousAxeViolations(page), []);
    await page.close();
  });

  it('polls a feed from the inbox and shows the poll’s progress until it has made its drafts', async () => {
    const wire = await startFeedServer({
      '/wire.xml': {
        contentType: 'application/rss+xml',
        body: toRss([
          {
            guid: 'k1',
            title: 'Blast at a Kandahar mosque',
            link: 'https://wire.example/k1',
            description:
              'A suicide bomber attacked a Shia mosque in Kandahar on Friday, killing at least 47 worshippers, officials said.',
          },
        ]),
      },
    });
    const page = await browser.newPage();
    try {
      const token = await server.t.mintToken('ana');
      const headers = { authorization: `Bearer ${token}` };
      const app = server.t.app;
      await app.inject({
        method: 'POST',
        url: '/api/sources',
        headers,
        payload: { name: 'Kandahar wire', grade: 'C3' },
      });
      const feedUrl = wire.url('/wire.xml');
      const feed = await app.inject({
        method: 'POST',
        url: '/api/feeds',
        headers,
        payload: { sourceId: 'Kandahar wire', url: feedUrl },
      });
      assert.equal(feed.statusCode, 201, feed.body);
      await signIn(page, server.url, 'ana');
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Inbox' })
        .click();
      await page.getByRole('button', { name: 'Feeds' }).click();
      await page.getByRole('button', { name: `Poll now: ${feedUrl}` }).click();
      const bar = page.getByRole('progressbar', { name: `Poll of ${feedUrl}` });
      await bar.waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: `Poll of ${feedUrl}: Done.` })
        .waitFor({ timeout: 90_000 });
      assert.equal(await bar.evaluate((el) => (el as HTMLProgressElement).value), 100);
      // The poll made a draft of the feed's entry (extracted by a job of its own).
      const all = await app.inject({ method: 'GET', url: '/api/drafts', headers });
      const titles = (all.json() as { drafts: Array<{ title?: string }> }).drafts.map(
        (d) => d.title,
      );
      assert.ok(titles.includes('Blast at a Kandahar mosque'), titles.join(', '));
      assert.deepEqual(await findSeriousAxeViolations(page), []);
    } finally {
      await page.close();
      await wire.close();
    }
  });
});
