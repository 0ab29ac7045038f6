import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createSequentialIds, createSteppingClock } from '../src/core/clock.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import { createStore } from '../src/store/create-store.js';
import type { Engine } from '../src/store/database.js';
import { createAnalysisService } from '../src/analysis/analysis-service.js';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { ISKP, incidentRecord } from './analysis-fixtures.js';
import { place, relationship, threatActor } from './support/stix-fixtures.js';

const T = '2024-04-01T00:00:00.000Z';
const id = (type: string, n: number) =>
  `${type}--0f000000-0000-4000-8000-${String(n).padStart(12, '0')}` as StixObject['id'];

/** A fresh store on `engine`, closed after the test, and an analysis service that reads its objects. */
async function storeWithAnalysis(ctx: TestContext, engine: Engine) {
  const t = await createTestDatabase(engine);
  ctx.after(() => t.dispose());
  const store = createStore(t.database);
  const analysis = createAnalysisService({
    repo: store.analysis,
    clock: createSteppingClock(T),
    ids: createSequentialIds(),
    objects: store.objects,
  });
  return { store, analysis };
}

for (const engine of ENGINES) {
  describe(
    `analysis reindex from the object store on ${engine}`,
    { skip: await skipReasonFor(engine) },
    () => {
      it('indexes actors, incidents with their place and actor, and assessment notes; a rerun changes nothing', async (ctx) => {
        const t = await createTestDatabase(engine);
        ctx.after(() => t.dispose());
        const store = createStore(t.database);
        const crocus = incidentRecord({
          n: 9,
          name: 'Crocus City Hall attack',
          date: '2024-03-22',
          killed: 145,
        }).incident;
        const undated = incidentRecord({ n: 8, name: 'Undated attack' }).incident;
        const common = { spec_version: '2.1', created: T, modified: T };
        await store.objects.putObjects([
          threatActor(ISKP, common),
          place(id('location', 1), 'Krasnogorsk', 'RU', [55.82, 37.39], common),
          crocus,
          undated,
          relationship(id('relationship', 1), 'attributed-to', crocus.id, ISKP, common),
          relationship(id('relationship', 2), 'located-at', crocus.id, id('location', 1), common),
          relationship(id('relationship', 3), 'attributed-to', undated.id, ISKP, common),
        ]);
        const analysis = createAnalysisService({
          repo: store.analysis,
          clock: createSteppingClock(T),
          ids: createSequentialIds(),
        });
        const note = await analysis.createAssessment({
          subjectRef: ISKP,
          capability: 'likely',
          intent: 'likely',
          analyticConfidence: 'high',
          rationale: 'r',
          author: 'ana',
        });
        await store.objects.putObjects([note.note]);

        const fresh = createAnalysisService({
          repo: store.analysis,
          clock: createSteppingClock(T),
          ids: createSequentialIds(100),
        });
        const result = await fresh.reindexFromObjectStore(store.objects);
        assert.equal(result.actors, 1);
        assert.equal(result.incidents.length, 2);
        const p = await fresh.getActorProfile('ISIS-K', { asOf: '2024-03' });
        assert.equal(p.totals.incidents, 2);
        assert.equal(p.totals.undated, 1);
        assert.deepEqual(
          p.reach.countries.map((c) => [c.country, c.firstDate]),
          [['RU', '2024-03-22']],
        );
        assert.equal(p.places[0]!.name, 'Krasnogorsk');
        assert.equal(p.assessments.entries.length, 1);

        await fresh.reindexFromObjectStore(store.objects);
        const again = await fresh.getActorProfile('ISIS-K', { asOf: '2024-03' });
        assert.equal(again.totals.incidents, 2);
        assert.equal(again.trend.months.find((m) => m.month === '2024-03')!.fatalities, 145);
      });

      it('indexes an accepted incident whose actor and place were stored earlier', async (ctx) => {
        const { store, analysis } = await storeWithAnalysis(ctx, engine);
        const common = { spec_version: '2.1', created: T, modified: T };
        await store.objects.putObjects([
          threatActor(ISKP, common),
          place(id('location', 2), 'Kerman', 'IR', [30.28, 57.08], common),
        ]);
        const kerman = incidentRecord({
          n: 7,
          name: 'Kerman memorial bombings',
          date: '2024-01-03',
          killed: 95,
        }).incident;
        const result = await analysis.indexStixObjects([
          kerman,
          relationship(id('relationship', 7), 'attributed-to', kerman.id, ISKP, common),
          relationship(id('relationship', 8), 'located-at', kerman.id, id('location', 2), common),
        ]);
        assert.equal(result.actors, 1);
        const p = await analysis.getActorProfile('ISIS-K', { asOf: '2024-03' });
        assert.deepEqual(
          p.places.map((x) => [x.name, x.country]),
          [['Kerman', 'IR']],
        );
        assert.equal(p.totals.fatalities, 95);
      });

      it("keeps an incident's stored actor and place when its new version arrives alone; a revoked relationship removes them", async (ctx) => {
        const { store, analysis } = await storeWithAnalysis(ctx, engine);
        const common = { spec_version: '2.1', created: T, modified: T };
        const first = incidentRecord({
          n: 5,
          name: 'Kabul airport bombing',
          date: '2021-08-26',
          killed: 170,
        }).incident;
        const attribution: StixObject = {
          ...common,
          type: 'relationship',
          id: id('relationship', 51),
          relationship_type: 'attributed-to',
          source_ref: first.id,
          target_ref: ISKP,
        };
        const place: StixObject = {
          ...common,
          type: 'relationship',
          id: id('relationship', 52),
          relationship_type: 'located-at',
          source_ref: first.id,
          target_ref: id('location', 5),
        };
        const batch: StixObject[] = [
          { ...common, type: 'threat-actor', id: ISKP as StixObject['id'], name: 'ISIS-K' },
          { ...common, type: 'location', id: id('location', 5), name: 'Kabul', country: 'AF' },
          first,
          attribution,
          place,
        ];
        await store.objects.putObjects(batch);
        await analysis.indexStixObjects(batch);
        // A corroborating report raises the toll: only the incident's new version is indexed.
        const second = incidentRecord(
          { n: 5, name: 'Kabul airport bombing', date: '2021-08-26', killed: 183 },
          '2024-07-01T00:00:00.000Z',
        ).incident;
        await store.objects.putObjects([second]);
        await analysis.indexStixObjects([second]);
        const kept = await analysis.getActorProfile('ISIS-K', { asOf: '2021-09' });
        assert.equal(kept.totals.fatalities, 183);
        assert.deepEqual(
          kept.places.map((x) => [x.name, x.country]),
          [['Kabul', 'AF']],
        );
        // Withdrawing the attribution (a revoked version) takes the incident off the actor.
        const withdrawn = { ...attribution, modified: '2024-08-01T00:00:00.000Z', revoked: true };
        await store.objects.putObjects([withdrawn]);
        await analysis.indexStixObjects([second, withdrawn]);
        const after = await analysis.getActorProfile('ISIS-K', { asOf: '2021-09' });
        assert.equal(after.totals.fatalities, 0);
      });
    },
  );
}
