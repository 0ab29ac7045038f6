import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient } from './support/api.js';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { createTestApp, problemOf, type TestApp } from './server-fixture.js';
import { LOOPBACK_ALLOW } from './support/loopback-allow.js';
import { buildPdf } from './support/build-pdf.js';
import { FIRST_REPORT, SECOND_REPORT } from './ingest-fixtures.js';
import { startFeedServer } from './ingest-feed-server.js';
import { readDocument } from '../src/ingest/readers/read-document.js';
import { extractDraft, queueReport } from '../src/ingest/draft/ingest-report.js';
import { toIngestDeps } from '../src/server/rest/ingest/ingest-runtime.js';

interface Item {
  itemId: string;
  kind: string;
  state: string;
  object: Record<string, unknown>;
}

async function setUp(t: TestApp) {
  await t.addUser('ana', 'analyst');
  return { authorization: `Bearer ${await t.mintToken('ana')}` };
}

async function getDraft(t: TestApp, headers: Record<string, string>, id: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/drafts/${id}`, headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as {
    draft: {
      id: string;
      state: string;
      text: string;
      language: string;
      error?: string;
      reportId: string;
    };
    items: Item[];
    mergeCandidates: Record<string, Array<{ incident: { id: string } }>>;
  };
}

for (const engine of ENGINES) {
  describe(`ingest API on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('pasted report → draft → accept; a second outlet merges as corroboration', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const ana = await setUp(t);
      await apiClient(t.app).post('/api/reports', { text: FIRST_REPORT }, 401);
      const asAna = apiClient(t.app, ana);
      await asAna.post('/api/sources', { name: 'Wire One', grade: 'B2' }, 201);
      const posted = await asAna.post(
        '/api/reports',
        { text: FIRST_REPORT, published: '2024-03-23', source: 'Wire One' },
        201,
      );
      const { draftId } = posted.json() as { draftId: string };
      const list = await asAna.get('/api/drafts?state=open');
      assert.deepEqual(
        (list.json() as { drafts: Array<{ id: string }> }).drafts.map((d) => d.id),
        [draftId],
      );
      const view = await getDraft(t, ana, draftId);
      assert.equal(view.draft.text, FIRST_REPORT);
      const incident = view.items.find((i) => i.kind === 'incident')!;
      const accepted = await t.app.inject({
        method: 'POST',
        url: `/api/drafts/${draftId}/items/${incident.itemId}/accept`,
        headers: ana,
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const stored = await t.store.objects.getLatest(incident.itemId);
      assert.deepEqual(stored!.x_tearline_grade, { reliability: 'B', credibility: 2 });

      const second = await t.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: ana,
        payload: { text: SECOND_REPORT, published: '2024-03-23' },
      });
      const secondId = (second.json() as { draftId: string }).draftId;
      const secondView = await getDraft(t, ana, secondId);
      const proposed = secondView.items.find((i) => i.kind === 'incident')!;
      assert.equal(secondView.mergeCandidates[proposed.itemId]?.[0]?.incident.id, incident.itemId);
      const merged = await t.app.inject({
        method: 'POST',
        url: `/api/drafts/${secondId}/items/${proposed.itemId}/merge`,
        headers: ana,
        payload: { targetIncidentId: incident.itemId },
      });
      assert.equal(merged.statusCode, 200, merged.body);
      const after = await t.store.objects.getLatest(incident.itemId);
      assert.equal((after!.x_tearline_corroboration as { count: number }).count, 2);
      const again = await t.app.inject({
        method: 'POST',
        url: `/api/drafts/${secondId}/items/${proposed.itemId}/accept`,
        headers: ana,
      });
      assert.equal(problemOf(again).code, 'TEARLINE_E_INGEST_ITEM_DECIDED');
      assert.equal(again.statusCode, 409);
    });

    it('reads uploads (PDF, HTML full of scripts) and refuses bad input with nothing half-written', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const ana = await setUp(t);
      const pdf = await t.app.inject({
        method: 'POST',
        url: '/api/reports?published=2024-03-23',
        headers: { ...ana, 'content-type': 'application/pdf' },
        payload: buildPdf([FIRST_REPORT.slice(0, 110), FIRST_REPORT.slice(110)]),
      });
      assert.equal(pdf.statusCode, 201, pdf.body);
      const pdfView = await getDraft(t, ana, (pdf.json() as { draftId: string }).draftId);
      assert.ok(pdfView.items.some((i) => i.kind === 'incident'));

      const html = `<html><head><script>var tracker = "Kabul bomb kills 99";</script><style>p{color:red}</style></head><body><script>alert("x")</script><article><p>${FIRST_REPORT}</p></article><script>more()</script></body></html>`;
      const page = await t.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: ana,
        payload: { html, published: '2024-03-23' },
      });
      assert.equal(page.statusCode, 201, page.body);
      const pageView = await getDraft(t, ana, (page.json() as { draftId: string }).draftId);
      assert.doesNotMatch(pageView.draft.text, /tracker|alert|color/);
      assert.match(pageView.draft.text, /Crocus City Hall/);

      const french =
        'Des hommes armés ont ouvert le feu vendredi soir dans une salle de concert près de Moscou, faisant au moins cent morts selon les autorités russes.';
      const fr = await t.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: ana,
        payload: { text: french },
      });
      assert.equal(fr.statusCode, 201, fr.body);
      const frView = await getDraft(t, ana, (fr.json() as { draftId: string }).draftId);
      assert.equal(frView.draft.language, 'fr');
      assert.equal(frView.draft.text, french);
      assert.match(frView.draft.error ?? '', /another language/);
      assert.equal(frView.items.length, 0);

      const before = await t.store.ingest.listDrafts();
      const empty = await t.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: ana,
        payload: { text: '   ' },
      });
      assert.equal(problemOf(empty).code, 'TEARLINE_E_INGEST_EMPTY');
      const binary = await t.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: { ...ana, 'content-type': 'application/octet-stream' },
        payload: Buffer.from([0, 1, 2, 3, 255, 0, 0, 7, 8, 0, 1, 2]),
      });
      assert.equal(problemOf(binary).code, 'TEARLINE_E_INGEST_BINARY');
      assert.equal(binary.statusCode, 400);
      const huge = await t.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: { ...ana, 'content-type': 'text/plain' },
        payload: Buffer.alloc(20 * 1024 * 1024 + 10, 'a'),
      });
      assert.equal(huge.statusCode, 413);
      const neither = await t.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: ana,
        payload: { title: 'x' },
      });
      assert.equal(problemOf(neither).code, 'TEARLINE_E_INGEST_BAD_REPORT');
      const badDate = await t.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: ana,
        payload: { text: FIRST_REPORT, published: 'March' },
      });
      assert.equal(problemOf(badDate).code, 'TEARLINE_E_INGEST_BAD_REPORT');
      const badGrade = await t.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: ana,
        payload: { text: FIRST_REPORT, grade: 'Z9' },
      });
      assert.equal(problemOf(badGrade).code, 'TEARLINE_E_INGEST_BAD_GRADE');
      assert.equal((await t.store.ingest.listDrafts()).length, before.length);
      assert.equal(await t.store.objects.countLatest(), 0);
    });

    it('manages sources and feeds; a poll of an auto-accepting source puts graded incidents in the store', async () => {
      const server = await startFeedServer({
        '/feed.xml': {
          contentType: 'application/rss+xml',
          body: `<?xml version="1.0"?><rss version="2.0"><channel><title>w</title><item><guid>k1</guid><title>Attack</title><description>${FIRST_REPORT}</description><pubDate>Sat, 23 Mar 2024 08:00:00 GMT</pubDate></item></channel></rss>`,
        },
      });
      const t = await createTestApp(engine, { fetchAllow: LOOPBACK_ALLOW });
      try {
        const ana = await setUp(t);
        const created = await t.app.inject({
          method: 'POST',
          url: '/api/sources',
          headers: ana,
          payload: { name: 'Agency', grade: 'A2' },
        });
        const source = created.json() as { id: string; autoAccept: boolean };
        assert.equal(source.autoAccept, false);
        const dup = await t.app.inject({
          method: 'POST',
          url: '/api/sources',
          headers: ana,
          payload: { name: 'Agency' },
        });
        assert.equal(dup.statusCode, 409);
        const patched = await t.app.inject({
          method: 'PATCH',
          url: `/api/sources/${source.id}`,
          headers: ana,
          payload: { autoAccept: true },
        });
        assert.equal((patched.json() as { autoAccept: boolean }).autoAccept, true);
        const feed = await t.app.inject({
          method: 'POST',
          url: '/api/feeds',
          headers: ana,
          payload: { sourceId: source.id, url: server.url('/feed.xml'), pollMinutes: 15 },
        });
        assert.equal(feed.statusCode, 201, feed.body);
        const feedId = (feed.json() as { id: string }).id;
        const badFeed = await t.app.inject({
          method: 'POST',
          url: '/api/feeds',
          headers: ana,
          payload: { sourceId: source.id, url: 'file:///etc/passwd' },
        });
        assert.equal(problemOf(badFeed).code, 'TEARLINE_E_INGEST_BAD_FEED_INPUT');
        const poll = await t.app.inject({
          method: 'POST',
          url: `/api/feeds/${feedId}/poll`,
          headers: ana,
        });
        assert.equal(poll.statusCode, 200, poll.body);
        assert.equal((poll.json() as { draftIds: string[] }).draftIds.length, 1);
        const incidents = await t.store.objects.findLatest({ types: ['incident'] });
        assert.equal(incidents.length, 1);
        assert.deepEqual(incidents[0]!.x_tearline_grade, { reliability: 'A', credibility: 2 });
        const reviewed = await t.app.inject({
          method: 'GET',
          url: '/api/drafts?state=reviewed',
          headers: ana,
        });
        assert.equal((reviewed.json() as { drafts: unknown[] }).drafts.length, 1);
        const del = await t.app.inject({
          method: 'DELETE',
          url: `/api/feeds/${feedId}`,
          headers: ana,
        });
        assert.equal(del.statusCode, 204);
        const gone = await t.app.inject({
          method: 'POST',
          url: `/api/feeds/${feedId}/poll`,
          headers: ana,
        });
        assert.equal(problemOf(gone).code, 'TEARLINE_E_INGEST_FEED_NOT_FOUND');
        assert.equal(gone.statusCode, 404);
      } finally {
        await t.dispose();
        await server.close();
      }
    });

    it('fetches a URL, and queues extraction as a background job (202)', async () => {
      const server = await startFeedServer({
        '/news/1': { body: `<html><body><article><p>${FIRST_REPORT}</p></article></body></html>` },
      });
      const t = await createTestApp(engine, { fetchAllow: LOOPBACK_ALLOW });
      try {
        const ana = await setUp(t);
        const fetched = await t.app.inject({
          method: 'POST',
          url: '/api/reports',
          headers: ana,
          payload: { url: server.url('/news/1'), published: '2024-03-23' },
        });
        assert.equal(fetched.statusCode, 201, fetched.body);
        const fetchedView = await getDraft(t, ana, (fetched.json() as { draftId: string }).draftId);
        assert.ok(fetchedView.items.some((i) => i.kind === 'incident'));
        const missing = await t.app.inject({
          method: 'POST',
          url: '/api/reports',
          headers: ana,
          payload: { url: server.url('/gone') },
        });
        assert.equal(problemOf(missing).code, 'TEARLINE_E_INGEST_FETCH_FAILED');
        assert.equal(
          missing.statusCode,
          502,
          'an upstream HTTP error is a bad gateway, never a 500',
        );

        const queued = await t.app.inject({
          method: 'POST',
          url: '/api/reports',
          headers: ana,
          payload: { text: SECOND_REPORT, published: '2024-03-23', queue: true },
        });
        assert.equal(queued.statusCode, 202, queued.body);
        const { draftId, jobId } = queued.json() as { draftId: string; jobId: string };
        let state = 'queued';
        for (let i = 0; i < 400 && state === 'queued'; i++) {
          await new Promise((r) => setTimeout(r, 50));
          state = (await getDraft(t, ana, draftId)).draft.state;
        }
        assert.equal(state, 'open');
        const job = await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: ana });
        assert.equal(job.statusCode, 200, job.body);
      } finally {
        await t.dispose();
        await server.close();
      }
    });
    it('extracts a draft left queued without its job once the server starts; a second job changes nothing', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const ana = await setUp(t);
      // What a process killed between saving a queued draft and sending its job leaves behind.
      const deps = toIngestDeps(t.deps);
      const doc = await readDocument(Buffer.from(SECOND_REPORT, 'utf8'), {
        origin: 'paste',
        mediaType: 'text/plain',
      });
      const orphan = await queueReport(deps, doc, { published: '2024-03-23' });
      // The first request readies the server, whose start-up sweep sends the missing job.
      let view = await getDraft(t, ana, orphan.id);
      for (let i = 0; i < 400 && view.draft.state === 'queued'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        view = await getDraft(t, ana, orphan.id);
      }
      assert.equal(view.draft.state, 'open');
      const again = await extractDraft(deps, orphan.id);
      assert.equal(again.state, 'open');
      assert.deepEqual(
        (await getDraft(t, ana, orphan.id)).items.map((i) => i.itemId),
        view.items.map((i) => i.itemId),
      );
    });
  });
}
