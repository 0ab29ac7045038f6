import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { createStore } from '../src/store/create-store.js';
import { readDocument } from '../src/ingest/readers/index.js';
import { ingestReport } from '../src/ingest/draft/ingest-report.js';
import { getDraftView } from '../src/ingest/review/draft-view.js';
import {
  acceptAll,
  acceptItem,
  editItem,
  mergeItem,
  rejectItem,
} from '../src/ingest/review/review-service.js';
import { validateStixObject } from '../src/core/stix/validate-stix-object.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../src/core/stix/conflict-event-extension.js';
import { isTearlineError } from '../src/core/errors.js';
import { FIRST_REPORT, SECOND_REPORT, createIngestDeps } from './ingest-fixtures.js';

const text = (s: string) => readDocument(Buffer.from(s), { origin: 'paste' });
const B2 = { reliability: 'B', credibility: 2 } as const;

/** Ingests the first report of the Crocus City Hall attack, accepted into the store. */
async function acceptFirstReport(deps: ReturnType<typeof createIngestDeps>) {
  return ingestReport(deps, await text(FIRST_REPORT), { published: '2024-03-23', accept: true });
}

for (const engine of ENGINES) {
  describe(`drafts and review on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('turns a report into a draft of an incident, its actor and place, with evidence spans', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const store = createStore(t.database);
      const deps = createIngestDeps(store);
      const draft = await ingestReport(deps, await text(FIRST_REPORT), {
        published: '2024-03-23',
        grade: B2,
        url: 'https://news.example/crocus',
      });
      assert.equal(draft.state, 'open');
      const view = await getDraftView(deps, draft.id);
      assert.equal(view.draft.text, FIRST_REPORT);
      const kinds = view.items.map((i) => i.kind).sort();
      assert.ok(
        kinds.includes('incident') && kinds.includes('threat-actor') && kinds.includes('location'),
        kinds.join(),
      );
      const incident = view.items.find((i) => i.kind === 'incident')!.object;
      const ext = incident.extensions![CONFLICT_EVENT_EXTENSION_ID] as Record<string, unknown>;
      assert.equal(ext.event_date, '2024-03-22');
      const [span] = incident.x_tearline_evidence as Array<{
        report_ref: string;
        start: number;
        end: number;
      }>;
      assert.equal(span!.report_ref, draft.report.id);
      assert.match(FIRST_REPORT.slice(span!.start, span!.end), /opened fire/);
      const rels = view.items
        .filter((i) => i.kind === 'relationship')
        .map((i) => i.object.relationship_type);
      assert.deepEqual([...new Set(rels)].sort(), ['attributed-to', 'located-at']);
      // Nothing enters the knowledge base before review.
      assert.equal(await store.objects.countLatest(), 0);
    });

    it('accepting writes graded, sourced STIX; a second report of the attack merges as corroboration', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const store = createStore(t.database);
      const accepted: string[] = [];
      const deps = createIngestDeps(store, accepted);
      const first = await ingestReport(deps, await text(FIRST_REPORT), {
        published: '2024-03-23',
        grade: B2,
      });
      const view = await getDraftView(deps, first.id);
      const incidentItem = view.items.find((i) => i.kind === 'incident')!;
      const result = await acceptItem(deps, first.id, incidentItem.itemId);
      assert.equal(result.draft.state, 'reviewed');
      const incident = await store.objects.getLatest(incidentItem.object.id);
      assert.ok(incident);
      assert.deepEqual(incident.x_tearline_grade, B2);
      assert.deepEqual(incident.x_tearline_corroboration, {
        count: 1,
        report_refs: [first.report.id],
      });
      assert.deepEqual(accepted, [incident.id]);
      const relationships = await store.objects.findLatest({ types: ['relationship'] });
      assert.equal(relationships.length, 2);
      for (const r of relationships) assert.deepEqual(r.x_tearline_grade, B2);
      const report = await store.objects.getLatest(first.report.id);
      assert.ok((report!.object_refs as string[]).includes(incident.id));
      for (const o of await store.objects.findLatest())
        assert.deepEqual(validateStixObject(o), [], o.id);

      deps.clock.advance(86_400_000);
      const second = await ingestReport(deps, await text(SECOND_REPORT), {
        published: '2024-03-23',
        grade: { reliability: 'C', credibility: 3 },
      });
      const secondView = await getDraftView(deps, second.id);
      const proposed = secondView.items.find((i) => i.kind === 'incident')!;
      // The known actor is matched by its alias, not proposed anew.
      const actor = secondView.items.find((i) => i.kind === 'threat-actor')!;
      assert.ok(actor.existingId, 'ISIS-K matched to the stored actor');
      const candidates = secondView.mergeCandidates[proposed.itemId];
      assert.equal(candidates?.[0]?.incident.id, incident.id);
      await mergeItem(deps, second.id, proposed.itemId, incident.id);
      const merged = await store.objects.getLatest(incident.id);
      assert.deepEqual(merged!.x_tearline_corroboration, {
        count: 2,
        report_refs: [first.report.id, second.report.id],
      });
      assert.equal((await store.objects.listVersions(incident.id)).length, 2);
      // "At least 133" is open above, so the toll that climbed to 137 stays within it.
      const counts = (
        merged!.extensions as Record<string, { fatalities: { min: number; max?: number } }>
      )[CONFLICT_EVENT_EXTENSION_ID]!.fatalities;
      assert.deepEqual(counts, { min: 133 });
      assert.equal(await store.objects.countLatest({ types: ['incident'] }), 1);
      assert.deepEqual(validateStixObject(merged), []);
    });

    it('edits, rejects and refuses decisions on decided items', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const store = createStore(t.database);
      const deps = createIngestDeps(store);
      const draft = await ingestReport(deps, await text(FIRST_REPORT), {
        published: '2024-03-23',
      });
      const { items } = await getDraftView(deps, draft.id);
      const incident = items.find((i) => i.kind === 'incident')!;
      const location = items.find((i) => i.kind === 'location')!;
      const edited = await editItem(deps, draft.id, incident.itemId, {
        properties: { name: 'Crocus City Hall attack' },
        extension: { fatalities: { min: 145, max: 145 } },
      });
      assert.equal(edited.object.name, 'Crocus City Hall attack');
      await assert.rejects(
        editItem(deps, draft.id, incident.itemId, { properties: { id: 'incident--x' } }),
        (e) => isTearlineError(e) && e.code === 'TEARLINE_E_INGEST_BAD_EDIT',
      );
      await assert.rejects(
        editItem(deps, draft.id, incident.itemId, { properties: { name: 12 } }),
        (e) => isTearlineError(e) && e.code === 'TEARLINE_E_INGEST_BAD_EDIT',
      );
      await rejectItem(deps, draft.id, location.itemId);
      const done = await acceptAll(deps, draft.id);
      assert.equal(done.draft.state, 'reviewed');
      const stored = await store.objects.getLatest(incident.object.id);
      assert.equal(stored!.name, 'Crocus City Hall attack');
      assert.deepEqual(
        (stored!.extensions![CONFLICT_EVENT_EXTENSION_ID] as Record<string, unknown>).fatalities,
        { min: 145, max: 145 },
      );
      // The rejected place and its located-at link stay out of the knowledge base.
      assert.equal(await store.objects.countLatest({ types: ['location'] }), 0);
      const rels = await store.objects.findLatest({ types: ['relationship'] });
      assert.deepEqual(
        rels.map((r) => r.relationship_type),
        ['attributed-to'],
      );
      await assert.rejects(
        acceptItem(deps, draft.id, incident.itemId),
        (e) =>
          isTearlineError(e) &&
          e.code === 'TEARLINE_E_INGEST_ITEM_DECIDED' &&
          e.kind === 'conflict',
      );
      await assert.rejects(
        mergeItem(
          deps,
          draft.id,
          'incident--00000000-0000-4000-8000-00000000ffff',
          'incident--nope',
        ),
        (e) => isTearlineError(e) && e.kind === 'not-found',
      );
    });

    it('refuses a text too long to extract before saving anything', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const store = createStore(t.database);
      const deps = createIngestDeps(store);
      const long = `${FIRST_REPORT}\n\n`.repeat(9000);
      await assert.rejects(
        ingestReport(deps, await text(long)),
        (e) =>
          isTearlineError(e) && e.code === 'TEARLINE_E_INGEST_TOO_LARGE' && e.kind === 'too-large',
      );
      assert.deepEqual(await store.ingest.listDrafts(), []);
    });

    it('a merged second report that names the perpetrator attributes the incident to it', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const store = createStore(t.database);
      const deps = createIngestDeps(store);
      const unclaimed =
        'Gunmen opened fire at the Crocus City Hall concert venue in Krasnogorsk, near Moscow, on Friday, killing at least 133 people.';
      await ingestReport(deps, await text(unclaimed), { published: '2024-03-23', accept: true });
      const [incident] = await store.objects.findLatest({ types: ['incident'] });
      const attributions = async () =>
        (await store.objects.findLatest({ types: ['relationship'] })).filter(
          (r) => r.relationship_type === 'attributed-to' && r.source_ref === incident!.id,
        );
      assert.deepEqual(await attributions(), [], 'the first report names no perpetrator');
      const second = await ingestReport(deps, await text(SECOND_REPORT), {
        published: '2024-03-23',
        grade: B2,
        accept: true,
      });
      assert.equal(second.state, 'reviewed');
      assert.equal((await store.objects.findLatest({ types: ['incident'] })).length, 1);
      const [carried, ...more] = await attributions();
      assert.equal(more.length, 0);
      const actor = await store.objects.getLatest(String(carried!.target_ref));
      assert.equal(actor?.type, 'threat-actor');
      assert.deepEqual(carried!.x_tearline_grade, B2, 'graded as the report that says it');
      // A third report naming the same actor adds no second attribution.
      await ingestReport(deps, await text(SECOND_REPORT.replace('137', '139')), {
        published: '2024-03-24',
        accept: true,
      });
      assert.equal((await attributions()).length, 1);
    });

    it('finishes a merge cut short between its two writes, on the next accept, without a second incident', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const store = createStore(t.database);
      const deps = createIngestDeps(store);
      await acceptFirstReport(deps);
      const [incident] = await store.objects.findLatest({ types: ['incident'] });
      deps.clock.advance(86_400_000);
      const second = await ingestReport(deps, await text(SECOND_REPORT), {
        published: '2024-03-23',
      });
      const proposed = (await getDraftView(deps, second.id)).items.find(
        (i) => i.kind === 'incident',
      )!;
      // The process dies after the merged version is written, before the draft's items are marked.
      const cut = {
        ...deps,
        repo: {
          ...deps.repo,
          saveDraftItems: async () => {
            throw new Error('killed');
          },
        },
      };
      await assert.rejects(mergeItem(cut, second.id, proposed.itemId, incident!.id), /killed/);
      assert.equal((await store.objects.listVersions(incident!.id)).length, 2);
      // Accepting the item afterwards (accept-all resuming the batch) finishes the merge instead.
      const result = await acceptItem(deps, second.id, proposed.itemId);
      assert.equal(result.items.find((i) => i.itemId === proposed.itemId)?.state, 'merged');
      assert.equal(await store.objects.countLatest({ types: ['incident'] }), 1);
      const versions = await store.objects.listVersions(incident!.id);
      assert.equal(versions.length, 2, 'no third version');
      const evidence = versions[1]!.x_tearline_evidence as unknown[];
      assert.equal(evidence.length, new Set(evidence.map((e) => JSON.stringify(e))).size);
    });

    it('auto-accept merges a second report into the stored incident', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const store = createStore(t.database);
      const deps = createIngestDeps(store);
      await acceptFirstReport(deps);
      const second = await ingestReport(deps, await text(SECOND_REPORT), {
        published: '2024-03-23',
        accept: true,
      });
      assert.equal(second.state, 'reviewed');
      const incidents = await store.objects.findLatest({ types: ['incident'] });
      assert.equal(incidents.length, 1);
      assert.equal((incidents[0]!.x_tearline_corroboration as { count: number }).count, 2);
      assert.equal(await store.objects.countLatest({ types: ['threat-actor'] }), 1);
    });
  });
}
