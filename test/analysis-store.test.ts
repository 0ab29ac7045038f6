import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { createAnalysisStore } from '../src/store/analysis/analysis-store.js';
import {
  CROCUS,
  ISKP,
  ISKP_HISTORY,
  TALIBAN,
  incidentId,
  incidentRecord,
} from './analysis-fixtures.js';

for (const engine of ENGINES) {
  describe(`analysis store on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('indexes incidents and keeps monthly aggregates in step when a version changes', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const repo = createAnalysisStore(t.database);
      await repo.recordIncidents(ISKP_HISTORY.map((s) => incidentRecord(s)));
      const totals = await repo.getActorTotals(ISKP);
      assert.equal(totals.incidents, 8);
      assert.equal(totals.undated, 1);
      assert.equal(totals.fatalities, 170 + 50 + 47 + 63 + 6 + 63 + 95);
      const months = await repo.getActorMonths(ISKP);
      assert.deepEqual(
        months.find((m) => m.month === '2021-10'),
        { month: '2021-10', incidents: 2, lethalIncidents: 2, fatalities: 97, injuries: 170 },
      );
      // A corrected version moves the Kunduz attack to November and changes its toll.
      await repo.recordIncident(
        incidentRecord(
          { ...ISKP_HISTORY[1]!, date: '2021-11-08', killed: 40 },
          '2024-07-01T00:00:00.000Z',
        ),
      );
      const after = await repo.getActorMonths(ISKP);
      assert.equal(after.find((m) => m.month === '2021-10')?.incidents, 1);
      assert.equal(after.find((m) => m.month === '2021-11')?.fatalities, 40);
      assert.equal((await repo.getActorTotals(ISKP)).incidents, 8);
      const af = await repo.getCountryMonths(['AF']);
      assert.equal(
        af.reduce((s, m) => s + m.incidents, 0),
        4,
        'the undated one is not in a month',
      );
    });

    it('answers reach, places, targets and key incidents; undated and unplaced stay unknown', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const repo = createAnalysisStore(t.database);
      await repo.recordIncidents([...ISKP_HISTORY, CROCUS].map((s) => incidentRecord(s)));
      await repo.recordIncident(incidentRecord({ n: 20, name: 'Unplaced claim' }));
      const countries = await repo.getActorCountries(ISKP);
      assert.deepEqual(
        countries.map((c) => [c.country, c.incidents]),
        [
          ['AF', 5],
          ['PK', 2],
          ['IR', 1],
          ['RU', 1],
        ],
      );
      const ru = countries.find((c) => c.country === 'RU')!;
      assert.equal(ru.firstDate, '2024-03-22');
      assert.equal(ru.firstIncidentId, incidentId(9));
      assert.equal(await repo.countActorIncidentsInCountry(ISKP, 'RU', incidentId(9)), 0);
      assert.equal(await repo.countActorIncidentsInCountry(ISKP, 'AF', incidentId(9)), 5);
      assert.equal((await repo.getActorTotals(ISKP)).unplaced, 1);
      const key = await repo.getKeyIncidents(ISKP, 2);
      assert.deepEqual(
        key.map((k) => k.name),
        ['Kabul airport bombing', 'Crocus City Hall attack'],
      );
      assert.equal(key[1]!.grade, 'A1');
      assert.deepEqual(key[1]!.reportRefs, [CROCUS.reportRef]);
      const undated = (await repo.getIncidentFacts(incidentId(8)))[0]!;
      assert.equal(undated.eventDate, undefined);
      assert.equal(undated.latitude, undefined);
      const places = await repo.getActorPlaces(ISKP, 3);
      assert.equal(places[0]!.name, 'Kabul');
      assert.equal(places[0]!.incidents, 2);
      const targets = await repo.getActorTargets(ISKP, 5);
      assert.deepEqual(
        targets.map((x) => x.name),
        ['Concert audience'],
      );
      const recent = await repo.getRecentIncidents(ISKP, 20);
      assert.equal(recent[0]!.name, 'Crocus City Hall attack');
      assert.equal(recent.at(-1)!.eventDate, undefined);
    });

    it('moves country, place and target aggregates when a new version corrects them', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const repo = createAnalysisStore(t.database);
      const target = {
        id: 'identity--0d000000-0000-4000-8000-000000000009',
        name: 'Worshippers',
      };
      await repo.recordIncident(
        incidentRecord({
          n: 30,
          date: '2024-01-05',
          country: 'IR',
          place: 'Kerman',
          lat: 30,
          lon: 57,
          killed: 10,
          targets: [target],
        }),
      );
      await repo.recordIncident(
        incidentRecord(
          {
            n: 30,
            date: '2024-01-05',
            country: 'PK',
            place: 'Quetta',
            lat: 30.2,
            lon: 67,
            killed: 12,
          },
          '2024-07-01T00:00:00.000Z',
        ),
      );
      assert.deepEqual(
        (await repo.getActorCountries(ISKP)).map((c) => [c.country, c.incidents, c.fatalities]),
        [['PK', 1, 12]],
      );
      const places = await repo.getActorPlaces(ISKP, 5);
      assert.deepEqual(
        places.map((p) => [p.name, p.incidents, p.latitude]),
        [['Quetta', 1, 30.2]],
      );
      assert.deepEqual(await repo.getActorTargets(ISKP, 5), []);
      assert.deepEqual((await repo.getCountryMonths(['IR'])).length, 0);
      assert.equal((await repo.getActorTotals(ISKP)).fatalities, 12);
    });

    it('finds actors by alias, keeps home countries and dated relationships', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const repo = createAnalysisStore(t.database);
      await repo.recordActor({
        id: ISKP,
        name: 'Islamic State Khorasan Province',
        aliases: ['ISIS-K', 'ISKP'],
        threatActorTypes: ['terrorist'],
      });
      assert.equal((await repo.findActorByName('  isis-k '))?.id, ISKP);
      assert.equal(await repo.findActorByName('nobody'), undefined);
      await repo.setHomeCountries(ISKP, ['af', 'PK']);
      assert.deepEqual(await repo.getHomeCountries(ISKP), ['AF', 'PK']);
      await repo.recordActorRelationship({
        id: 'relationship--0e000000-0000-4000-8000-000000000001',
        sourceRef: TALIBAN,
        targetRef: ISKP,
        relationshipType: 'targets',
        startTime: '2021-08-15T00:00:00.000Z',
      });
      const rels = await repo.listActorRelationships(ISKP);
      assert.equal(rels.length, 1);
      assert.equal(rels[0]!.startTime, '2021-08-15T00:00:00.000Z');
    });

    it('deduplicates alerts and keeps deliveries until they are marked delivered', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const repo = createAnalysisStore(t.database);
      const alert = {
        id: 'a1',
        rule: 'new-country' as const,
        severity: 'warning' as const,
        actorId: ISKP,
        message: 'm',
        details: { country: 'RU' },
        dedupeKey: 'k1',
        created: '2024-03-22T00:00:00.000Z',
      };
      assert.equal(await repo.insertAlert(alert), true);
      assert.equal(await repo.insertAlert({ ...alert, id: 'a2' }), false);
      assert.equal((await repo.listAlerts()).length, 1);
      await repo.enqueueDelivery({
        id: 'd1',
        alertId: 'a1',
        url: 'http://127.0.0.1:1/',
        payload: '{}',
        attempts: 0,
        nextAttemptAt: '2024-03-22T00:00:00.000Z',
        created: '2024-03-22T00:00:00.000Z',
      });
      assert.equal((await repo.listDueDeliveries('2024-03-21T23:59:59.000Z', 10)).length, 0);
      await repo.markFailed('d1', 1, '2024-03-22T00:00:02.000Z', 'HTTP 500');
      assert.equal((await repo.listDueDeliveries('2024-03-22T00:00:01.000Z', 10)).length, 0);
      assert.equal(
        (await repo.listDueDeliveries('2024-03-22T00:00:02.000Z', 10))[0]?.lastError,
        'HTTP 500',
      );
      await repo.markDelivered('d1', '2024-03-22T00:00:03.000Z', 2);
      assert.equal((await repo.listDueDeliveries('2024-12-31T00:00:00.000Z', 10)).length, 0);
      assert.equal((await repo.listDeliveries('a1'))[0]?.attempts, 2);
      assert.equal(await repo.acknowledgeAlert('a1', 'ana', '2024-03-23T00:00:00.000Z'), true);
      assert.equal((await repo.listAlerts({ unacknowledgedOnly: true })).length, 0);
    });
  });
}
