import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { createTestApp } from './server-fixture.js';
import { createAnalysisService } from '../src/analysis/analysis-service.js';
import { ISKP, incidentId } from './analysis-fixtures.js';

/** The fields a judgment carries besides its subject and chain, with two values each to move between. */
const FIELDS = {
  capability: ['likely', 'very-unlikely'],
  intent: ['unlikely', 'almost-certain'],
  analyticConfidence: ['moderate', 'high'],
  rationale: ['Capable abroad, without the will.', 'Crocus City Hall changed the picture.'],
  evidenceRefs: [[incidentId(1)], [incidentId(2), incidentId(3)]],
  regionCountries: [['AF', 'PK', 'IR'], ['RU']],
  targetDescription: ['outside Afghanistan and Pakistan', 'concert venues in Europe'],
} as const;
type Field = keyof typeof FIELDS;
const NAMES = Object.keys(FIELDS) as Field[];

/** A small seeded generator, so that a failure names a subset that can be replayed. */
function* subsets(seed: number, count: number): Generator<Field[]> {
  let x = seed;
  for (let n = 0; n < count; n++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const mask = n < 2 ** NAMES.length ? n : x % 2 ** NAMES.length;
    yield NAMES.filter((_, i) => (mask >> i) & 1);
  }
}

for (const engine of ENGINES) {
  describe(
    `assessments saved with a subset of fields on ${engine}`,
    {
      skip: await skipReasonFor(engine),
    },
    () => {
      it('leave every field not sent as it was, for every subset of fields', async (t) => {
        const app = await createTestApp(engine);
        t.after(() => app.dispose());
        await app.addUser('ana', 'analyst');
        await createAnalysisService({
          repo: app.store.analysis,
          clock: app.clock,
          ids: app.deps.ids,
        }).indexStixObjects([
          {
            type: 'threat-actor',
            spec_version: '2.1',
            id: ISKP,
            name: 'Islamic State Khorasan Province',
            threat_actor_types: ['terrorist'],
          },
        ]);
        const headers = { authorization: `Bearer ${await app.mintToken('ana')}` };
        const post = async (payload: Record<string, unknown>) => {
          const res = await app.app.inject({
            method: 'POST',
            url: '/api/assessments',
            headers,
            payload,
          });
          assert.equal(res.statusCode, 201, res.body);
          return res.json() as Record<string, unknown> & { id: string };
        };
        const state: Record<string, unknown> = Object.fromEntries(
          NAMES.map((f) => [f, FIELDS[f][0]]),
        );
        let current = await post({ subjectRef: ISKP, ...state });
        for (const subset of subsets(16, 2 ** NAMES.length)) {
          const sent: Record<string, unknown> = {};
          for (const f of subset) {
            const [a, b] = FIELDS[f];
            sent[f] = JSON.stringify(state[f]) === JSON.stringify(a) ? b : a;
          }
          const saved = await post({ subjectRef: ISKP, supersedes: current.id, ...sent });
          Object.assign(state, sent);
          for (const f of NAMES) {
            const got = Array.isArray(saved[f]) ? [...(saved[f] as string[])].sort() : saved[f];
            const want = Array.isArray(state[f]) ? [...(state[f] as string[])].sort() : state[f];
            assert.deepEqual(got, want, `${f} after sending only [${subset.join(', ')}]`);
          }
          current = saved;
        }
      });
    },
  );
}
