// Import benchmark: `npm run bench:import` (SQLite), or with TEARLINE_BENCH_ENGINE=postgres (or a
// postgres:// TEARLINE_DATABASE_URL) for PostgreSQL. Prints medians of 3 runs and the ratio of
// Tearline's import to the floor measured in the same run: JSON.parse of the same file plus
// inserting the same rows in one transaction with no validation (one prepared better-sqlite3
// statement on SQLite; the same unnest insert on PostgreSQL).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { checkStixBundle, importStixObjects } from '../src/core/stix/import-bundle.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../src/core/stix/conflict-event-extension.js';
import { TLP2_MARKING_IDS } from '../src/core/vocab/tlp.js';
import { openStore } from '../src/store/create-store.js';
import { insertObjectRows } from '../src/store/objects/object-insert.js';
import { OBJECT_COLUMNS, toObjectRow, toRowValues } from '../src/store/objects/object-row.js';
import type { StixObject } from '../src/core/stix/stix-object.js';

const TOTAL = Number(process.env.TEARLINE_BENCH_OBJECTS ?? 100_000);
const RUNS = 3;
const PG_URL = process.env.TEARLINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const engine =
  process.env.TEARLINE_BENCH_ENGINE ??
  (process.env.TEARLINE_DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite');

let n = 0;
const uuid = () => {
  n++;
  return `${n.toString(16).padStart(8, '0')}-4b1c-4d2e-8f3a-${(n * 7919).toString(16).padStart(12, '0').slice(-12)}`;
};
const SUBS: Array<[string, string]> = [
  ['Explosions/Remote violence', 'Suicide bomb'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Battles', 'Armed clash'],
  ['Violence against civilians', 'Attack'],
  ['Violence against civilians', 'Abduction/forced disappearance'],
];
const COUNTRIES = ['AF', 'PK', 'IQ', 'SY', 'NG', 'ML', 'SO', 'RU', 'IR', 'BF'];

/** A bundle of realistic shapes: actors, locations, reports, incidents with our extension, relationships, markings. */
function generateBundle(total: number): string {
  const objects: StixObject[] = [];
  const ts = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 61_000).toISOString();
  const statements: string[] = [];
  for (let i = 0; i < 10; i++) {
    const id = `marking-definition--${uuid()}`;
    statements.push(id);
    objects.push({
      type: 'marking-definition',
      spec_version: '2.1',
      id,
      created: ts(i),
      definition_type: 'statement',
      definition: { statement: `Handling caveat ${i}: share under agreement ${i} only.` },
    } as StixObject);
  }
  const actors: string[] = [];
  for (let i = 0; i < 500; i++) {
    const id = `threat-actor--${uuid()}`;
    actors.push(id);
    objects.push({
      type: 'threat-actor',
      spec_version: '2.1',
      id,
      created: ts(i),
      modified: ts(i),
      name: `Armed group ${i}`,
      aliases: [`AG-${i}`, `Group ${i} Province`],
      threat_actor_types: ['terrorist'],
      description: `An armed group active in ${COUNTRIES[i % 10]} since ${2000 + (i % 24)}.`,
      object_marking_refs: [TLP2_MARKING_IDS.green],
    } as StixObject);
  }
  const rest = total - objects.length;
  const perIncident = 6; // location, report, incident, 3 relationships
  const incidents = Math.floor(rest / perIncident);
  for (let i = 0; i < incidents; i++) {
    const t = ts(1000 + i);
    const [eventType, subType] = SUBS[i % SUBS.length]!;
    const loc = `location--${uuid()}`;
    const inc = `incident--${uuid()}`;
    const rep = `report--${uuid()}`;
    const actor = actors[i % actors.length]!;
    const country = COUNTRIES[i % 10]!;
    objects.push({
      type: 'location',
      spec_version: '2.1',
      id: loc,
      created: t,
      modified: t,
      name: `Town ${i % 5000}`,
      country,
      latitude: 30 + (i % 100) / 10,
      longitude: 60 + (i % 100) / 10,
    } as StixObject);
    objects.push({
      type: 'incident',
      spec_version: '2.1',
      id: inc,
      created: t,
      modified: t,
      name: `${subType} in Town ${i % 5000}`,
      description: `Reported ${subType.toLowerCase()} near Town ${i % 5000}; casualties reported by local officials.`,
      object_marking_refs: [TLP2_MARKING_IDS.amber, statements[i % 10]!],
      x_tearline_grade: { reliability: 'B', credibility: 2 },
      x_tearline_evidence: [{ report_ref: rep, start: 0, end: 120 }],
      extensions: {
        [CONFLICT_EVENT_EXTENSION_ID]: {
          extension_type: 'property-extension',
          event_type: eventType,
          sub_event_type: subType,
          status: 'occurred',
          event_date: t.slice(0, 10),
          time_precision: 1,
          geo_precision: 2,
          fatalities: { min: i % 7, max: (i % 7) + 2 },
          injuries: { min: i % 11, max: (i % 11) + 5 },
          country,
        },
      },
    } as StixObject);
    objects.push({
      type: 'report',
      spec_version: '2.1',
      id: rep,
      created: t,
      modified: t,
      name: `Wire report ${i}`,
      published: t,
      report_types: ['threat-report'],
      object_refs: [inc, loc, actor],
      description: `At least ${i % 7} people were killed when attackers struck near Town ${i % 5000}, officials said.`,
      x_tearline_grade: { reliability: 'C', credibility: 3 },
    } as StixObject);
    for (const [type, target] of [
      ['attributed-to', actor],
      ['located-at', loc],
      ['targets', loc],
    ] as const) {
      objects.push({
        type: 'relationship',
        spec_version: '2.1',
        id: `relationship--${uuid()}`,
        created: t,
        modified: t,
        relationship_type: type,
        source_ref: inc,
        target_ref: target,
      } as StixObject);
    }
  }
  while (objects.length < total) {
    const t = ts(objects.length);
    objects.push({
      type: 'identity',
      spec_version: '2.1',
      id: `identity--${uuid()}`,
      created: t,
      modified: t,
      name: `Outlet ${objects.length}`,
      identity_class: 'organization',
    } as StixObject);
  }
  return JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects });
}

async function freshUrl(dir: string, run: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') return { url: `sqlite:${join(dir, `${run}.db`)}`, drop: async () => {} };
  const name = `tearline_bench_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Wall-clock and CPU milliseconds of one run (CPU of this process: on SQLite, all the work). */
interface Timing {
  wall: number;
  cpu: number;
}

/** Tearline's import: read, parse, validate every object, store in one transaction. */
async function timeImport(file: string, url: string): Promise<Timing> {
  const store = await openStore(url); // migrated before the clock starts, like the floor
  const cpu = process.cpuUsage();
  const start = performance.now();
  const objects = checkStixBundle(readFileSync(file, 'utf8'));
  const summary = await importStixObjects(store.objects, objects);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (summary.inserted !== TOTAL) throw new Error(`imported ${summary.inserted} of ${TOTAL}`);
  await store.close();
  return { wall: ms, cpu: (used.user + used.system) / 1000 };
}

/** The floor: parse the same file and insert the same rows, no validation, no reference check. */
async function timeFloor(file: string, url: string): Promise<Timing> {
  const store = await openStore(url);
  const database = store.database;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const objects = (JSON.parse(readFileSync(file, 'utf8')) as { objects: StixObject[] }).objects;
  const rows = objects.map((o) => toObjectRow(o));
  let inserted: number;
  if (database.sqlite) {
    const raw = database.sqlite;
    const statement = raw.prepare(
      `insert into stix_objects (${OBJECT_COLUMNS.join(', ')}) values (${OBJECT_COLUMNS.map(() => '?').join(', ')})`,
    );
    inserted = raw.transaction(() => {
      let count = 0;
      for (const row of rows) count += statement.run(toRowValues(row)).changes;
      return count;
    })();
  } else {
    inserted = await insertObjectRows(database, rows);
  }
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (inserted !== TOTAL) throw new Error(`floor inserted ${inserted} of ${TOTAL}`);
  await store.close();
  return { wall: ms, cpu: (used.user + used.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = mkdtempSync(join(tmpdir(), 'tearline-bench-'));
try {
  const file = join(dir, 'bundle.json');
  writeFileSync(file, generateBundle(TOTAL));
  console.log(`bench:import engine=${engine} objects=${TOTAL} runs=${RUNS}`);
  const ours: Timing[] = [];
  const floor: Timing[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const [label, fn, into] of [
      ['import', timeImport, ours],
      ['floor', timeFloor, floor],
    ] as const) {
      const target = await freshUrl(dir, `${label}-${run}`);
      try {
        const timing = await fn(file, target.url);
        into.push(timing);
        console.log(
          `  run ${run + 1} ${label}: ${timing.wall.toFixed(0)} ms (cpu ${timing.cpu.toFixed(0)} ms)`,
        );
      } finally {
        await target.drop();
      }
    }
  }
  const perS = (ms: number) => Math.round((TOTAL / ms) * 1000);
  // CPU time is steadier than wall time on a shared machine; the last line stays wall-clock.
  if (engine === 'sqlite') {
    const cpuOurs = perS(median(ours.map((t) => t.cpu)));
    const cpuFloor = perS(median(floor.map((t) => t.cpu)));
    console.log(
      `cpu: objects_per_cpu_s=${cpuOurs} floor_per_cpu_s=${cpuFloor} ratio=${(cpuOurs / cpuFloor).toFixed(2)}`,
    );
  }
  const oursPerS = perS(median(ours.map((t) => t.wall)));
  const floorPerS = perS(median(floor.map((t) => t.wall)));
  console.log(
    `import: objects_per_s=${oursPerS} floor_per_s=${floorPerS} ratio=${(oursPerS / floorPerS).toFixed(2)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
