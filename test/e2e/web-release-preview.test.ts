// Issue 13, item 3: the approver sees all of a release before approving. A long incident
// description (several thousand characters) appears in full in both columns of the preview in
// Chromium; what the transforms removed is marked in what we hold, what they wrote in what the
// partner receives; the residual scan's findings come first and each is marked in the text;
// casualty ranges read as fields, not JSON; and the approval is given from that preview.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import {
  ensureWebBuilt,
  launchChromium,
  signIn,
  startWebServer,
  type WebServer,
} from './web-harness.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../../src/core/stix/conflict-event-extension.js';
import { TLP2_MARKING_IDS } from '../../src/sharing/tlp.js';
import { readCorpus } from '../prose-corpus.js';

// Twenty-two hand-written descriptions, then a name the transforms keep (one word, unknown) for the
// scan to find, then a witness the transforms remove: the leak at the very end of a long text.
const LONG = [
  ...readCorpus()
    .slice(0, 22)
    .map((e) => e.text),
  'The cell\u2019s courier, Zarnigar, escaped on foot.',
  'Witness Gulalai Wardak saw the attackers leave.',
].join(' ');

describe('release preview in Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  const api = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
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
    await server.t.addUser('ana', 'analyst');
    await server.t.addUser('bea', 'approver');
    tokens.ana = await server.t.mintToken('ana');
    tokens.bea = await server.t.mintToken('bea');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a long description in full in both columns, with removals, rewrites and findings marked', async () => {
    assert.ok(LONG.length > 3000, `${LONG.length} characters`);
    const partner = await api('ana', 'POST', '/api/partners', {
      name: 'Minimal partner',
      trustTier: 'minimal',
    });
    await api('bea', 'POST', '/api/agreements', {
      partnerId: partner.id,
      title: 'Minimal sharing',
      tlp: 'amber',
      reason: 'signed',
    });
    const incident = (
      await api('ana', 'POST', '/api/objects', {
        spec_version: '2.1',
        type: 'incident',
        name: 'Attacks in the east',
        description: LONG,
        object_marking_refs: [TLP2_MARKING_IDS.amber],
        extensions: {
          [CONFLICT_EVENT_EXTENSION_ID]: {
            extension_type: 'property-extension',
            event_type: 'Violence against civilians',
            sub_event_type: 'Attack',
            status: 'occurred',
            event_date: '2025-03-02',
            country: 'AF',
            fatalities: { min: 12, max: 15 },
          },
        },
      })
    ).object as { id: string };
    const draft = await api('ana', 'POST', '/api/releases', {
      partnerId: partner.id,
      objectIds: [incident.id],
      transforms: [{ kind: 'remove-person-names' }, { kind: 'strip-sources' }],
    });
    const built = await api('ana', 'POST', `/api/releases/${draft.id as string}/preview`);
    const findings = built.findings as Array<{ id: string; text: string }>;
    assert.ok(
      findings.some((f) => f.text === 'Zarnigar'),
      JSON.stringify(findings),
    );

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, 'bea');
    await page.goto(`${server.url}/sharing`);
    const row = page.locator(`li.release[data-release="${draft.id as string}"]`);
    await row.getByRole('button', { name: 'Open preview to approve' }).click();
    const preview = row.getByLabel('Release preview');
    await preview.waitFor();

    // Findings first: the list comes before the first object, and each is marked in the text.
    const list = preview.getByLabel('Residual scan findings in the preview');
    assert.ok((await list.innerText()).includes('Zarnigar'));
    const order = await preview.evaluate((el) => {
      const l = el.querySelector('.preview-findings');
      const first = el.querySelector('article.preview-item');
      return l !== null && first !== null && (l.compareDocumentPosition(first) & 4) !== 0;
    });
    assert.ok(order, 'the findings are listed before the objects');
    for (const f of findings) {
      const mark = preview.locator(`mark.finding[id="finding-${f.id}"]`);
      assert.equal(await mark.count(), 1, `finding ${f.text} is marked in the text`);
      assert.equal(await mark.innerText(), f.text);
    }

    // The description in full, both columns: nothing cut off with an ellipsis.
    const description = preview.locator('table.diff tr').filter({
      has: page.getByRole('rowheader', { name: 'description', exact: true }),
    });
    const held = await description.locator('td').nth(0).innerText();
    const received = await description.locator('td').nth(1).innerText();
    assert.equal(held, LONG);
    assert.ok(!held.endsWith('…') && !received.endsWith('…'));
    assert.ok(received.endsWith('saw the attackers leave.'), received.slice(-80));
    assert.ok(received.length > 2000, `${received.length} characters received`);
    // Removed words marked in what we hold, rewritten ones in what the partner receives.
    const removed = await description
      .locator('td')
      .nth(0)
      .locator('del.text-removed')
      .allInnerTexts();
    assert.ok(
      removed.some((t) => t.includes('Gulalai Wardak')),
      removed.join(' | '),
    );
    const written = await description
      .locator('td')
      .nth(1)
      .locator('ins.text-rewritten')
      .allInnerTexts();
    assert.ok(
      written.some((t) => t.includes('[name withheld]')),
      written.join(' | '),
    );
    assert.ok(!received.includes('Gulalai'));

    // A casualty range reads as a range, not as JSON.
    const fatalities = preview.locator('table.diff tr').filter({
      has: page.getByRole('rowheader', { name: /fatalities$/ }),
    });
    assert.equal((await fatalities.locator('td').nth(1).innerText()).trim(), '12–15');
    assert.ok(!(await preview.innerText()).includes('{"min"'));

    // Approved from this preview, with a reason for each finding.
    const approval = row.getByLabel('Approve from the preview');
    for (const f of findings) {
      await approval.getByLabel(new RegExp(`may go out: ${f.text}`)).fill('Checked: a nickname');
    }
    await approval.getByRole('button', { name: 'Approve and deliver' }).click();
    await page
      .getByText(/Approved and delivered/)
      .first()
      .waitFor();
    await context.close();
  });
});
