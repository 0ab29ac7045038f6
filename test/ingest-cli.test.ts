import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { captureIo } from './support/cli.js';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { createStore } from '../src/store/create-store.js';
import { buildPdf } from './support/build-pdf.js';
import { FIRST_REPORT, OTHER_REPORT, SECOND_REPORT } from './ingest-fixtures.js';

const io = (cwd: string, url: string, input = '') =>
  captureIo({ cwd, env: { TEARLINE_DATABASE_URL: url }, stdin: input });

for (const engine of ENGINES) {
  describe(`tearline ingest on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('ingests a folder as a batch: good reports drafted, a bad one reported, exit 1', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tearline-ingest-'));
      const t = await createTestDatabase(engine);
      try {
        mkdirSync(join(dir, 'in'));
        writeFileSync(join(dir, 'in', 'a.txt'), FIRST_REPORT);
        writeFileSync(
          join(dir, 'in', 'b.html'),
          `<html><body><script>x()</script><p>${OTHER_REPORT}</p></body></html>`,
        );
        writeFileSync(
          join(dir, 'in', 'c.pdf'),
          buildPdf([SECOND_REPORT.slice(0, 90), SECOND_REPORT.slice(90)]),
        );
        writeFileSync(join(dir, 'in', 'd.bin'), Buffer.from([0, 159, 146, 150, 0, 0, 1, 2, 3, 0]));
        writeFileSync(join(dir, 'in', 'e.txt'), '');
        const run = io(dir, t.url);
        const code = await main(
          [
            'ingest',
            'in',
            '--source',
            'Wire',
            '--grade',
            'B2',
            '--published',
            '2024-03-23',
            '--json',
          ],
          run.cli,
        );
        assert.equal(code, 1, run.text.err);
        const lines = run.text.out
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        assert.equal(lines.length, 5);
        assert.deepEqual(
          lines.map((l) => (l.error ? `${l.input}:${l.code}` : `${l.input}:ok`)),
          [
            'in/a.txt:ok',
            'in/b.html:ok',
            'in/c.pdf:ok',
            'in/d.bin:TEARLINE_E_INGEST_BINARY',
            'in/e.txt:TEARLINE_E_INGEST_EMPTY',
          ],
        );
        const store = createStore(t.database);
        const drafts = await store.ingest.listDrafts();
        assert.equal(drafts.length, 3);
        for (const d of drafts) assert.deepEqual(d.grade, { reliability: 'B', credibility: 2 });
        assert.ok(
          lines.slice(0, 3).every((l) => Number(l.incidents) >= 1),
          run.text.out,
        );
        assert.equal(await store.objects.countLatest(), 0, 'nothing accepted without --accept');
        // One audit record for the run (issue 18): the three drafts made and their source.
        const source = await store.ingest.findSourceByName('Wire');
        const audit = await store.audit.list({});
        assert.deepEqual(
          audit.map((e) => [e.action, e.origin, e.targets.split(' ').sort()]),
          [
            [
              'report.ingest',
              'cli',
              [...lines.slice(0, 3).map((l) => String(l.draftId)), source!.id].sort(),
            ],
          ],
        );
      } finally {
        await t.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('--accept writes graded incidents and merges a second report of the same attack', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tearline-ingest-'));
      const t = await createTestDatabase(engine);
      try {
        writeFileSync(join(dir, 'first.txt'), FIRST_REPORT);
        const a = io(dir, t.url);
        assert.equal(
          await main(
            ['ingest', 'first.txt', '--grade', 'A1', '--published', '2024-03-23', '--accept'],
            a.cli,
          ),
          0,
          a.text.err,
        );
        const b = io(dir, t.url, SECOND_REPORT);
        assert.equal(
          await main(
            ['ingest', '-', '--grade', 'C3', '--published', '2024-03-23', '--accept'],
            b.cli,
          ),
          0,
          b.text.err,
        );
        const store = createStore(t.database);
        const incidents = await store.objects.findLatest({ types: ['incident'] });
        assert.equal(incidents.length, 1);
        assert.deepEqual(incidents[0]!.x_tearline_grade, { reliability: 'A', credibility: 1 });
        assert.equal((incidents[0]!.x_tearline_corroboration as { count: number }).count, 2);
        assert.equal(await store.objects.countLatest({ types: ['report'] }), 2);
      } finally {
        await t.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses bad usage and a single bad document with exit 2, writing nothing', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tearline-ingest-'));
      const t = await createTestDatabase(engine);
      try {
        writeFileSync(join(dir, 'big.txt'), Buffer.alloc(20 * 1024 * 1024 + 1, 'a'));
        writeFileSync(join(dir, 'ok.txt'), FIRST_REPORT);
        for (const argv of [
          ['ingest'],
          ['ingest', 'ok.txt', '--grade', 'Q7'],
          ['ingest', 'ok.txt', '--published', 'June'],
          ['ingest', 'big.txt'],
          ['ingest', 'missing.txt'],
        ]) {
          const run = io(dir, t.url);
          assert.equal(await main(argv, run.cli), 2, `${argv.join(' ')}: ${run.text.err}`);
          assert.match(run.text.err, /TEARLINE_E_/);
        }
        assert.equal((await createStore(t.database).ingest.listDrafts()).length, 0);
        assert.deepEqual(await createStore(t.database).audit.list({}), [], 'nothing recorded');
      } finally {
        await t.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
