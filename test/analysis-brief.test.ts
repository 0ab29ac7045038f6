import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSequentialIds, createSteppingClock } from '../src/core/clock.js';
import { createAnalysisService } from '../src/analysis/analysis-service.js';
import { main } from '../src/cli/main.js';
import { openStore } from '../src/store/create-store.js';
import { seedIskpDemo } from './analysis-fixtures.js';
import { captureIo } from './support/cli.js';

function cliIo(cwd: string, env: Record<string, string>) {
  const { cli, text } = captureIo({ cwd, env });
  return { io: cli, out: () => text.out, err: () => text.err };
}

async function seededDir() {
  const dir = mkdtempSync(join(tmpdir(), 'tearline-brief-'));
  const url = `sqlite:${join(dir, 'tearline.db')}`;
  const store = await openStore(url);
  try {
    const analysis = createAnalysisService({
      repo: store.analysis,
      clock: createSteppingClock('2024-04-01T00:00:00.000Z'),
      ids: createSequentialIds(),
    });
    await seedIskpDemo(analysis as Parameters<typeof seedIskpDemo>[0]);
    await analysis.recordIncident(
      (await import('./analysis-fixtures.js')).incidentRecord({
        n: 40,
        name: 'Claimed attack, place and date unknown',
      }),
    );
  } finally {
    await store.close();
  }
  return { dir, env: { TEARLINE_DATABASE_URL: url } };
}

describe('tearline brief', () => {
  it('writes a self-contained HTML brief with the judgment, what changed, map and unknowns', async () => {
    const { dir, env } = await seededDir();
    try {
      const c = cliIo(dir, env);
      assert.equal(
        await main(
          ['brief', '--actor', 'ISIS-K', '--as-of', '2024-03', '--out', 'brief.html'],
          c.io,
        ),
        0,
        c.err(),
      );
      const html = readFileSync(join(dir, 'brief.html'), 'utf8');
      assert.match(
        html,
        /It is very likely that Islamic State Khorasan Province has the capability to carry out attacks outside Afghanistan and Pakistan\./,
      );
      assert.match(html, /It is likely that Islamic State Khorasan Province intends/);
      assert.match(html, /We hold this judgment with moderate confidence\./);
      assert.match(html, /<th>Intent<\/th><td>unlikely<\/td><td class="raised">likely/);
      assert.match(html, /Crocus City Hall attack \(2024-03-22\)/);
      assert.match(html, /Withdrawal of our presence in 2021/);
      assert.match(html, /A1/);
      assert.match(html, /without a known date/);
      assert.match(html, /<svg[^>]*aria-label="Map of incident places"/);
      assert.doesNotMatch(html, /1970/);
      assert.doesNotMatch(html, /(src|href)="https?:/, 'no external resource');
      assert.doesNotMatch(html, /<script/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a PDF of at most two pages with headless Chromium', async () => {
    const { dir, env } = await seededDir();
    try {
      const c = cliIo(dir, env);
      assert.equal(
        await main(['brief', '--actor', 'ISKP', '--as-of', '2024-03', '--out', 'brief.pdf'], c.io),
        0,
        c.err(),
      );
      const pdf = readFileSync(join(dir, 'brief.pdf'));
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false })
        .promise;
      assert.ok(doc.numPages >= 1 && doc.numPages <= 2, `${doc.numPages} pages`);
      const text = (await (await doc.getPage(1)).getTextContent()).items
        .map((i) => ('str' in i ? i.str : ''))
        .join(' ');
      assert.match(text, /Bottom line/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains bad input: no actor, unknown actor, wrong extension', async () => {
    const { dir, env } = await seededDir();
    try {
      let c = cliIo(dir, env);
      assert.equal(await main(['brief'], c.io), 2);
      assert.match(c.err(), /--actor/);
      c = cliIo(dir, env);
      assert.equal(await main(['brief', '--actor', 'Nobody'], c.io), 1);
      assert.match(c.err(), /TEARLINE_E_ANALYSIS_ACTOR_NOT_FOUND/);
      c = cliIo(dir, env);
      assert.equal(await main(['brief', '--actor', 'ISIS-K', '--out', 'brief.docx'], c.io), 2);
      assert.match(c.err(), /TEARLINE_E_BRIEF_BAD_OUT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives an actor with no incidents a brief that says so', async () => {
    const { dir, env } = await seededDir();
    try {
      const c = cliIo(dir, env);
      assert.equal(
        await main(['brief', '--actor', 'Taliban', '--as-of', '2024-03'], c.io),
        0,
        c.err(),
      );
      assert.match(c.out(), /No incident is recorded for this actor\./);
      assert.match(c.out(), /No assessment of this actor has been recorded yet\./);
      assert.doesNotMatch(c.out(), /1970/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
