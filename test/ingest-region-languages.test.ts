import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { createStore } from '../src/store/create-store.js';
import { readDocument } from '../src/ingest/readers/index.js';
import { ingestReport } from '../src/ingest/draft/ingest-report.js';
import { getDraftView } from '../src/ingest/review/draft-view.js';
import { acceptItem, mergeItem } from '../src/ingest/review/review-service.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../src/core/stix/conflict-event-extension.js';
import { validateStixObject } from '../src/core/stix/validate-stix-object.js';
import { FIRST_REPORT, createIngestDeps } from './ingest-fixtures.js';

const text = (s: string) => readDocument(Buffer.from(s), { origin: 'paste' });

// Written by us from public facts (see test/conformance/multilingual/README.md).
const CROCUS_RU =
  'В пятницу вечером вооружённые люди открыли стрельбу в концертном зале «Крокус Сити Холл» в подмосковном Красногорске и подожгли здание. По данным Следственного комитета, погибли не менее 137 человек. Ответственность за нападение взяла на себя группировка «Вилаят Хорасан».';
const KERMAN_FA =
  'در دو انفجار انتحاری در مسیر گلزار شهدای کرمان در روز ۱۳ دی ۱۴۰۲، ۹۵ نفر جان باختند و ۲۸۴ نفر زخمی شدند. گروه داعش خراسان مسئولیت این حمله را پذیرفت.';

for (const engine of ENGINES) {
  describe(
    `reports in the region's languages on ${engine}`,
    { skip: await skipReasonFor(engine) },
    () => {
      it('a Russian and an English report of Crocus City Hall end as one incident with two sources', async (ctx) => {
        const t = await createTestDatabase(engine);
        ctx.after(() => t.dispose());
        const store = createStore(t.database);
        const deps = createIngestDeps(store);
        const russian = await ingestReport(deps, await text(CROCUS_RU), {
          published: '2024-03-23',
        });
        assert.equal(russian.language, 'ru');
        assert.equal(russian.state, 'open');
        const view = await getDraftView(deps, russian.id);
        const stored = view.items.find((i) => i.kind === 'incident')!;
        // The item reads in English canonical names whatever the report's language.
        assert.equal(stored.object.name, 'Attack in Krasnogorsk on 2024-03-22');
        const [span] = stored.object.x_tearline_evidence as Array<{ start: number; end: number }>;
        assert.match(CROCUS_RU.slice(span!.start, span!.end), /открыли стрельбу/);
        await acceptItem(deps, russian.id, stored.itemId);

        deps.clock.advance(3_600_000);
        const english = await ingestReport(deps, await text(FIRST_REPORT), {
          published: '2024-03-23',
        });
        const englishView = await getDraftView(deps, english.id);
        const proposed = englishView.items.find((i) => i.kind === 'incident')!;
        const actor = englishView.items.find((i) => i.kind === 'threat-actor')!;
        assert.ok(actor.existingId, 'the actor the Russian report named is the stored one');
        const candidates = englishView.mergeCandidates[proposed.itemId];
        assert.equal(candidates?.[0]?.incident.id, stored.object.id);
        await mergeItem(deps, english.id, proposed.itemId, stored.object.id);

        const incidents = await store.objects.findLatest({ types: ['incident'] });
        assert.equal(incidents.length, 1);
        assert.deepEqual(incidents[0]!.x_tearline_corroboration, {
          count: 2,
          report_refs: [russian.report.id, english.report.id],
        });
        assert.deepEqual(validateStixObject(incidents[0]!), []);
      });

      it('a Farsi report dated in the Solar Hijri calendar becomes a reviewable draft', async (ctx) => {
        const t = await createTestDatabase(engine);
        ctx.after(() => t.dispose());
        const store = createStore(t.database);
        const deps = createIngestDeps(store);
        const draft = await ingestReport(deps, await text(KERMAN_FA), {
          published: '2024-01-05',
        });
        assert.equal(draft.language, 'fa');
        assert.equal(draft.text, KERMAN_FA);
        const view = await getDraftView(deps, draft.id);
        const incident = view.items.find((i) => i.kind === 'incident')!.object;
        assert.equal(incident.name, 'Suicide bomb in Kerman on 2024-01-03');
        const ext = incident.extensions![CONFLICT_EVENT_EXTENSION_ID] as Record<string, unknown>;
        assert.equal(ext.country, 'IR');
        assert.deepEqual(ext.fatalities, { min: 95, max: 95 });
      });

      it('a report in a language no rules read keeps its language and a warning, with no items', async (ctx) => {
        const t = await createTestDatabase(engine);
        ctx.after(() => t.dispose());
        const deps = createIngestDeps(createStore(t.database));
        const draft = await ingestReport(
          deps,
          await text(
            'Une bombe a explosé à Kaboul, tuant cinq personnes selon la police de la ville.',
          ),
        );
        assert.equal(draft.language, 'fr');
        assert.match(draft.error ?? '', /another language \(fr\)/);
        assert.equal((await getDraftView(deps, draft.id)).items.length, 0);
      });
    },
  );
}
