// npm run bench:analysis — 200,000 incidents across 300 actors in a SQLite store; the busiest
// actor's full profile with trends, and all alert rules after one accepted incident. Prints
// medians and ratios against a bare `SELECT count(*)` over the facts table measured in the same
// run. Last line: `analysis: profile_ms=N alerts_ms=M` (targets: < 200 and < 20).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createSequentialIds, systemClock } from '../src/core/clock.js';
import type { IncidentRecord } from '../src/core/ports/analysis.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../src/core/stix/conflict-event-extension.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import { createAnalysisService } from '../src/analysis/analysis-service.js';
import { openStore } from '../src/store/create-store.js';

const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 200_000);
const ACTORS = 300;
const RUNS = 7;
const COUNTRIES = [
  'AF',
  'PK',
  'IQ',
  'SY',
  'NG',
  'ML',
  'BF',
  'SO',
  'MZ',
  'CD',
  'YE',
  'LY',
  'EG',
  'PH',
  'IR',
  'RU',
  'TR',
  'FR',
  'DE',
  'BE',
];

let seed = 42;
function random(): number {
  // mulberry32: repeatable data from run to run.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const uuid = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const actorId = (k: number) => `threat-actor--${uuid(1, k)}`;

function incident(n: number, actor: number): IncidentRecord {
  const home = [COUNTRIES[actor % COUNTRIES.length]!, COUNTRIES[(actor + 1) % COUNTRIES.length]!];
  const country = random() < 0.9 ? pick(home) : pick(COUNTRIES);
  const undated = random() < 0.05;
  const unplaced = random() < 0.03;
  const year = 2010 + Math.floor(random() * 15);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const killed = random() < 0.6 ? Math.floor(random() ** 3 * 80) : 0;
  const object: StixObject = {
    type: 'incident',
    spec_version: '2.1',
    id: `incident--${uuid(2, n)}` as StixObject['id'],
    created: '2025-01-01T00:00:00.000Z',
    modified: '2025-01-01T00:00:00.000Z',
    name: `Incident ${n}`,
    extensions: {
      [CONFLICT_EVENT_EXTENSION_ID]: {
        extension_type: 'property-extension',
        event_type: 'Explosions/Remote violence',
        sub_event_type: pick([
          'Suicide bomb',
          'Remote explosive/landmine/IED',
          'Armed clash',
          'Attack',
        ]),
        status: 'occurred',
        ...(undated
          ? {}
          : {
              event_date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
            }),
        fatalities: { min: killed, max: killed },
        injuries: { min: killed * 2, max: killed * 3 },
      },
    },
    x_tearline_grade: {
      reliability: pick(['A', 'B', 'C']),
      credibility: 1 + Math.floor(random() * 3),
    },
  };
  return {
    incident: object,
    actorIds: [actorId(actor)],
    place: unplaced
      ? undefined
      : {
          country,
          name: `${country}-town-${Math.floor(random() * 40)}`,
          latitude: -30 + random() * 80,
          longitude: -20 + random() * 140,
        },
    targets:
      random() < 0.3
        ? [
            {
              id: `identity--${uuid(3, Math.floor(random() * 50))}`,
              name: `Target group ${Math.floor(random() * 50)}`,
            },
          ]
        : undefined,
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const dir = mkdtempSync(join(tmpdir(), 'tearline-analysis-bench-'));
const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
try {
  const analysis = createAnalysisService({
    repo: store.analysis,
    clock: systemClock,
    ids: createSequentialIds(),
  });
  // Zipf-like activity (weight 1/k): the busiest actor holds about a sixth of all incidents.
  const weights = Array.from({ length: ACTORS }, (_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = weights.map(
    (
      (s) => (w: number) =>
        (s += w / total)
    )(0),
  );
  const actorFor = () => {
    const r = random();
    const k = cumulative.findIndex((c) => r <= c);
    return k < 0 ? ACTORS - 1 : k;
  };
  for (let k = 0; k < ACTORS; k++) {
    await store.analysis.recordActor({
      id: actorId(k),
      name: `Actor ${k}`,
      aliases: [`A${k}`],
      threatActorTypes: ['terrorist'],
    });
    await store.analysis.setHomeCountries(actorId(k), [
      COUNTRIES[k % COUNTRIES.length]!,
      COUNTRIES[(k + 1) % COUNTRIES.length]!,
    ]);
  }
  await analysis.createAssessment({
    subjectRef: actorId(0),
    capability: 'likely',
    intent: 'unlikely',
    analyticConfidence: 'moderate',
    rationale: 'bench',
    author: 'bench',
    validFrom: '2020-01-01T00:00:00.000Z',
  });
  const insertMs = await time(async () => {
    const batch: IncidentRecord[] = [];
    for (let n = 1; n <= INCIDENTS; n++) {
      batch.push(incident(n, actorFor()));
      if (batch.length === 5000 || n === INCIDENTS) {
        await store.analysis.recordIncidents(batch);
        batch.length = 0;
      }
    }
  });
  const busiest = (await store.analysis.getActorTotals(actorId(0))).incidents;
  console.log(
    `analysis-bench: ${INCIDENTS} incidents, ${ACTORS} actors; busiest actor has ${busiest}; loaded in ${(insertMs / 1000).toFixed(1)} s`,
  );

  const baseline: number[] = [];
  const profile: number[] = [];
  const alerts: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    baseline.push(
      await time(() =>
        sql`select count(*) from analysis_incident_facts`.execute(store.database.db),
      ),
    );
    profile.push(await time(() => analysis.getActorProfile(actorId(0), { asOf: '2024-12' })));
    // One newly accepted incident of the busiest actor, abroad: every rule has work to do.
    const accepted = incident(INCIDENTS + 1 + run, 0);
    accepted.place = { country: 'DE', name: 'Berlin', latitude: 52.52, longitude: 13.4 };
    await analysis.recordIncident(accepted);
    alerts.push(await time(() => analysis.evaluateAlertsForIncident(accepted.incident.id)));
  }
  const b = median(baseline);
  const p = median(profile);
  const a = median(alerts);
  console.log(`baseline select count(*) over facts: median_ms=${b.toFixed(2)}`);
  console.log(
    `profile with trends (busiest actor): median_ms=${p.toFixed(2)} ratio=${(p / b).toFixed(2)}x baseline`,
  );
  console.log(
    `alert rules after one accepted incident: median_ms=${a.toFixed(2)} ratio=${(a / b).toFixed(2)}x baseline`,
  );
  console.log(`analysis: profile_ms=${Math.round(p)} alerts_ms=${Math.round(a)}`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
