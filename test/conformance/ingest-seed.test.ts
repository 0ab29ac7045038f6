import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ENGINES, createTestDatabase, skipReasonFor } from '../support/engines.js';
import { createStore } from '../../src/store/create-store.js';
import { readDocument } from '../../src/ingest/readers/index.js';
import { ingestReport } from '../../src/ingest/draft/ingest-report.js';
import { getDraftView } from '../../src/ingest/review/draft-view.js';
import { acceptAll } from '../../src/ingest/review/review-service.js';
import { validateStixObject } from '../../src/core/stix/validate-stix-object.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../../src/core/stix/conflict-event-extension.js';
import { createIngestDeps } from '../ingest-fixtures.js';

// The founding article (../shared/seed), taken as published on 2024-06-10, from draft to knowledge base.
const bytes = readFileSync('../shared/seed/seed-article.txt');

for (const engine of ENGINES) {
  describe(`the seed article ingested on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('becomes a draft whose acceptance stores the Crocus City Hall attack attributed to ISKP, graded and valid', async () => {
      const t = await createTestDatabase(engine);
      try {
        const store = createStore(t.database);
        const deps = createIngestDeps(store);
        const doc = await readDocument(bytes, { origin: 'seed-article.txt' });
        const draft = await ingestReport(deps, doc, {
          published: '2024-06-10',
          grade: { reliability: 'B', credibility: 3 },
        });
        const view = await getDraftView(deps, draft.id);
        const names = view.items
          .filter((i) => i.kind === 'threat-actor')
          .map((i) => String(i.object.name));
        assert.ok(names.includes('Taliban'), names.join());
        // No place read inside an actor's name.
        assert.ok(
          !view.items.some((i) => i.kind === 'location' && /khorasan/i.test(String(i.object.name))),
        );
        await acceptAll(deps, draft.id);
        const incidents = await store.objects.findLatest({ types: ['incident'] });
        const ext = (o: (typeof incidents)[number]) =>
          o.extensions![CONFLICT_EVENT_EXTENSION_ID] as Record<string, unknown>;
        const crocus = incidents.find(
          (i) => ext(i).event_date === '2024-03-22' && ext(i).country === 'RU',
        );
        assert.ok(crocus, 'the Moscow attack');
        assert.ok(((ext(crocus).fatalities as { min: number }) ?? { min: 0 }).min >= 130);
        assert.deepEqual(crocus.x_tearline_grade, { reliability: 'B', credibility: 3 });
        assert.ok(
          incidents.some((i) => ext(i).status === 'thwarted'),
          'the plots thwarted in Europe',
        );
        const [attributed] = (await store.objects.findLatest({ types: ['relationship'] })).filter(
          (r) => r.source_ref === crocus.id && r.relationship_type === 'attributed-to',
        );
        const actor = await store.objects.getLatest(String(attributed!.target_ref));
        assert.equal(actor!.name, 'Islamic State Khorasan Province');
        for (const o of await store.objects.findLatest())
          assert.deepEqual(validateStixObject(o), [], o.id);
      } finally {
        await t.dispose();
      }
    });
  });
}
