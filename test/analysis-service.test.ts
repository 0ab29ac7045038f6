import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSequentialIds, createSteppingClock } from '../src/core/clock.js';
import { isTearlineError } from '../src/core/errors.js';
import { createAnalysisStore } from '../src/store/analysis/analysis-store.js';
import { createAnalysisService } from '../src/analysis/analysis-service.js';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import {
  CROCUS,
  ISKP,
  ISKP_HISTORY,
  ISLAMIC_STATE,
  TALIBAN,
  incidentId,
  incidentRecord,
} from './analysis-fixtures.js';

async function seeded(engine: 'sqlite' | 'postgres') {
  const t = await createTestDatabase(engine);
  const repo = createAnalysisStore(t.database);
  const analysis = createAnalysisService({
    repo,
    clock: createSteppingClock('2024-03-23T00:00:00.000Z'),
    ids: createSequentialIds(),
  });
  await analysis.indexStixObjects([
    {
      type: 'threat-actor',
      spec_version: '2.1',
      id: ISKP,
      name: 'Islamic State Khorasan Province',
      aliases: ['ISIS-K', 'ISKP'],
      threat_actor_types: ['terrorist'],
    },
    {
      type: 'threat-actor',
      spec_version: '2.1',
      id: TALIBAN,
      name: 'Taliban',
      aliases: [],
      threat_actor_types: ['insurgent'],
    },
    {
      type: 'threat-actor',
      spec_version: '2.1',
      id: ISLAMIC_STATE,
      name: 'Islamic State',
      aliases: ['ISIS', 'ISIL'],
      threat_actor_types: ['terrorist'],
    },
    {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--0e000000-0000-4000-8000-000000000001',
      relationship_type: 'affiliated-with',
      source_ref: ISKP,
      target_ref: ISLAMIC_STATE,
      start_time: '2015-01-26T00:00:00.000Z',
      description: 'Khorasan province of the Islamic State',
    },
    {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--0e000000-0000-4000-8000-000000000002',
      relationship_type: 'targets',
      source_ref: TALIBAN,
      target_ref: ISKP,
      start_time: '2015-06-01T00:00:00.000Z',
    },
  ]);
  await analysis.setHomeCountries('ISIS-K', ['AF', 'PK']);
  for (const spec of ISKP_HISTORY) await analysis.recordIncident(incidentRecord(spec));
  return { t, repo, analysis };
}

for (const engine of ENGINES) {
  describe(`analysis service on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('raises the contradiction alert when Crocus is accepted under "intent unlikely", and records the reassessment', async () => {
      const { t, analysis } = await seeded(engine);
      try {
        const before = await analysis.createAssessment({
          subjectRef: ISKP,
          capability: 'likely',
          intent: 'unlikely',
          analyticConfidence: 'moderate',
          rationale:
            'Capable of planning operations overseas, but without the will to carry them out.',
          author: 'ana',
          targetDescription: 'outside Afghanistan and Pakistan',
          validFrom: '2023-01-01T00:00:00.000Z',
          evidenceRefs: [incidentId(1)],
        });
        await analysis.recordIncident(incidentRecord(CROCUS));
        const alerts = await analysis.evaluateAlertsForIncident(incidentId(9));
        const rules = alerts.map((a) => a.rule).sort();
        assert.deepEqual(rules, [
          'assessment-contradicted',
          'external-operation',
          'fatalities-threshold',
          'new-country',
        ]);
        const contradiction = alerts.find((a) => a.rule === 'assessment-contradicted')!;
        assert.equal(contradiction.assessmentId, before.id);
        // Evaluating again raises nothing new: each cause alerts once.
        assert.deepEqual(await analysis.evaluateAlertsForIncident(incidentId(9)), []);
        assert.equal((await analysis.listAlerts()).length, 4);

        const after = await analysis.createAssessment({
          subjectRef: ISKP,
          capability: 'very likely',
          intent: 'likely',
          analyticConfidence: 'moderate',
          rationale: 'Crocus City Hall shows the will to strike abroad.',
          author: 'ben',
          targetDescription: 'outside Afghanistan and Pakistan',
          evidenceRefs: [incidentId(1), incidentId(9)],
          supersedes: before.id,
        });
        const history = await analysis.getAssessmentHistory('ISKP');
        assert.deepEqual(
          history.current.map((a) => a.id),
          [after.id],
        );
        const step = history.entries.at(-1)!;
        assert.deepEqual(
          step.changes.map((c) => `${c.field}:${c.before}->${c.after}`),
          ['capability:likely->very-likely', 'intent:unlikely->likely'],
        );
        assert.deepEqual(step.evidenceAdded, [incidentId(9)]);

        // Under the new judgment the same kind of evidence is no contradiction.
        await analysis.recordIncident(
          incidentRecord({
            n: 10,
            name: 'Plot in Germany',
            date: '2024-03-25',
            country: 'DE',
            status: 'thwarted',
          }),
        );
        const next = await analysis.evaluateAlertsForIncident(incidentId(10));
        assert.deepEqual(next.map((a) => a.rule).sort(), ['external-operation', 'new-country']);
      } finally {
        await t.dispose();
      }
    });

    it('refuses a missing predecessor, a fork and another actor with clear errors', async () => {
      const { t, analysis } = await seeded(engine);
      try {
        const base = {
          subjectRef: ISKP,
          capability: 'likely',
          intent: 'likely',
          analyticConfidence: 'low',
          rationale: 'r',
          author: 'ana',
        };
        const first = await analysis.createAssessment(base);
        await analysis.createAssessment({ ...base, supersedes: first.id });
        const fails = (p: Promise<unknown>, code: string) =>
          assert.rejects(p, (e: unknown) => isTearlineError(e) && e.code === code);
        await fails(
          analysis.createAssessment({
            ...base,
            supersedes: 'note--99999999-0000-4000-8000-000000000000',
          }),
          'TEARLINE_E_ASSESSMENT_SUPERSEDES_MISSING',
        );
        await fails(
          analysis.createAssessment({ ...base, supersedes: first.id }),
          'TEARLINE_E_ASSESSMENT_FORK',
        );
        await fails(
          analysis.createAssessment({ ...base, subjectRef: TALIBAN, supersedes: first.id }),
          'TEARLINE_E_ASSESSMENT_SUBJECT_MISMATCH',
        );
        const fork = await analysis.createAssessment(
          { ...base, supersedes: first.id },
          { allowFork: true },
        );
        assert.equal((await analysis.getAssessmentHistory(ISKP)).current.length, 2);
        assert.equal(fork.supersedes, first.id);
      } finally {
        await t.dispose();
      }
    });

    it('assembles the profile: aliases, relationships, reach with external operations, trend', async () => {
      const { t, analysis } = await seeded(engine);
      try {
        await analysis.recordIncident(incidentRecord(CROCUS));
        const p = await analysis.getActorProfile('isis-k', { asOf: '2024-03' });
        assert.equal(p.actor.id, ISKP);
        assert.deepEqual(p.actor.aliases, ['ISIS-K', 'ISKP']);
        assert.deepEqual(
          p.relationships.map((r) => [r.relationshipType, r.direction, r.otherActorName, r.active]),
          [
            ['affiliated-with', 'outgoing', 'Islamic State', true],
            ['targets', 'incoming', 'Taliban', true],
          ],
        );
        assert.deepEqual(p.reach.homeCountries, ['AF', 'PK']);
        assert.deepEqual(
          p.reach.countries.filter((c) => c.external).map((c) => c.country),
          ['IR', 'RU'],
        );
        assert.equal(p.reach.externalOperations, 2);
        assert.equal(p.totals.incidents, 9);
        assert.equal(p.totals.undated, 1);
        assert.equal(p.trend.asOf, '2024-03');
        assert.equal(p.trend.months[0]!.month, '2021-08');
        assert.equal(p.trend.months.find((m) => m.month === '2024-03')!.fatalities, 145);
        assert.equal(p.keyIncidents[0]!.name, 'Kabul airport bombing');
      } finally {
        await t.dispose();
      }
    });

    it('gives an actor with no incidents an empty profile, and trends per country and region', async () => {
      const { t, analysis } = await seeded(engine);
      try {
        const p = await analysis.getActorProfile('Taliban', { asOf: '2024-03' });
        assert.equal(p.totals.incidents, 0);
        assert.deepEqual(p.reach.countries, []);
        assert.equal(p.trend.tempo.direction, 'steady');
        const af = await analysis.getTrend({ country: 'af' }, { asOf: '2022-12' });
        assert.equal(
          af.months.reduce((s, m) => s + m.incidents, 0),
          4,
        );
        const asia = await analysis.getTrend({ region: 'Southern Asia' }, { asOf: '2024-03' });
        assert.equal(
          asia.months.reduce((s, m) => s + m.incidents, 0),
          7,
        );
        await assert.rejects(
          analysis.getTrend({ region: 'Atlantis' }),
          (e: unknown) => isTearlineError(e) && e.code === 'TEARLINE_E_ANALYSIS_BAD_QUERY',
        );
        await assert.rejects(
          analysis.getActorProfile('nobody'),
          (e: unknown) => isTearlineError(e) && e.kind === 'not-found',
        );
      } finally {
        await t.dispose();
      }
    });

    it('records, lists, updates and deletes collection gaps', async () => {
      const { t, analysis } = await seeded(engine);
      try {
        const gap = await analysis.saveCollectionGap({
          countries: ['af'],
          topic: 'ISIS-K external plotting',
          since: '2021-08',
          reason: 'Withdrawal of our presence in 2021',
          requirements: ['PIR-3'],
          actorIds: [ISKP],
        });
        assert.deepEqual(gap.countries, ['AF']);
        assert.equal((await analysis.listCollectionGaps({ actorId: ISKP })).length, 1);
        assert.equal((await analysis.listCollectionGaps({ country: 'RU' })).length, 0);
        const updated = await analysis.saveCollectionGap(
          {
            countries: ['AF', 'PK'],
            topic: 'ISIS-K external plotting',
            since: '2021-08',
            reason: 'Withdrawal',
            requirements: [],
          },
          gap.id,
        );
        assert.equal(updated.created, gap.created);
        assert.deepEqual((await analysis.listCollectionGaps())[0]!.countries, ['AF', 'PK']);
        await assert.rejects(
          analysis.saveCollectionGap({ topic: '', since: 'last year' }),
          (e: unknown) =>
            isTearlineError(e) && e.code === 'TEARLINE_E_GAP_INVALID' && e.details.length >= 3,
        );
        await analysis.deleteCollectionGap(gap.id);
        await assert.rejects(
          analysis.deleteCollectionGap(gap.id),
          (e: unknown) => isTearlineError(e) && e.code === 'TEARLINE_E_GAP_NOT_FOUND',
        );
      } finally {
        await t.dispose();
      }
    });
  });
}
