// Crash safety of `tearline import`: a 100,000-object bundle is imported by a child process that
// gets SIGKILL at a random moment of the import; afterwards the store opens, passes its integrity
// checks, holds all of that bundle or none of it, and the ledger verifies. KILLS per engine (the
// issue's 20 by default, TEARLINE_RELIABILITY_KILLS) into one store per engine: each
// bundle carries its own marker in every id (the seed prefix), so "all or none" is a count of that
// marker's objects, and a new marker is used only once a bundle went in whole. The bundle text is
// generated once; markers are swapped in by a string replacement.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../../src/store/database.js';
import { ENGINES, createTestDatabase, skipReasonFor } from '../support/engines.js';
import { recordFigure } from './figures.js';
import { createBundleText } from './stix-generator.js';
import { createRandom, inspectStore, runTearline, runTearlineHere } from './crash-harness.js';
import { KILLS, SEED, createKillPlan } from './kill-plan.js';

const OBJECTS = 100_000;
const FIRST_MARKER = 11;
const TYPES = ['threat-actor', 'incident', 'relationship'];
const hex = (marker: number) => marker.toString(16).padStart(8, '0');

let dir: string;
let template: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tearline-crash-import-'));
  template = createBundleText(OBJECTS, FIRST_MARKER);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the bundle whose every id carries `marker`; returns its path. */
function writeBundle(marker: number): string {
  const path = join(dir, `bundle-${marker}.json`);
  writeFileSync(path, template.split(`${hex(FIRST_MARKER)}-4b1c`).join(`${hex(marker)}-4b1c`));
  return path;
}

/** Object versions whose id carries the marker, counted over id ranges. */
function countMarker(marker: number) {
  return async (database: Database): Promise<Record<string, number>> => {
    let n = 0;
    for (const type of TYPES) {
      const from = `${type}--${hex(marker)}-`;
      const to = `${type}--${hex(marker)}.`;
      // Byte order, whatever the database's collation: SQLite compares text with BINARY, and
      // PostgreSQL is told to use "C" (under en_US '-' and '.' would not bound the range).
      const id = database.engine === 'postgres' ? sql`id COLLATE "C"` : sql`id`;
      const { rows } = await sql<{ n: number | string }>`
        SELECT count(*) AS n FROM stix_objects WHERE ${id} >= ${from} AND ${id} < ${to}`.execute(
        database.db,
      );
      n += Number(rows[0]?.n ?? 0);
    }
    return { marker: n };
  };
}

for (const engine of ENGINES) {
  describe(`import survives SIGKILL (${engine})`, async () => {
    const skip = await skipReasonFor(engine);
    it(
      `holds all or none of each ${OBJECTS}-object bundle after ${KILLS} kills (seed ${SEED})`,
      { skip },
      async () => {
        const started = performance.now();
        const t = await createTestDatabase(engine);
        try {
          let marker = FIRST_MARKER;
          let bundle = writeBundle(marker);
          // One full run measures how long an import takes, so kill points spread over all of it.
          // A first child compiles the sources (tsx caches them), which would make the measuring
          // run slower than every killed one; --help loads the same modules.
          await runTearline(['import', '--help']);
          const full = await runTearline(['import', bundle, '--database', t.url]);
          assert.equal(full.code, 0, full.stderr);
          const whole = await inspectStore(t.url, [], countMarker(marker));
          assert.equal(whole.integrity, 'ok');
          assert.equal(whole.counts.marker, OBJECTS);
          bundle = writeBundle(++marker);

          // Reading and validating come first; kill points lie mostly where rows are written, and
          // far enough before the measured end that a run a little quicker still takes its kill.
          const plan = createKillPlan(full.ms, createRandom(SEED + (engine === 'sqlite' ? 0 : 1)), {
            from: 0.45,
            to: 0.8,
          });
          const outcomes = { none: 0, all: 0 };
          for (let k = 0; plan.more(KILLS); k++) {
            const killAfterMs = plan.next();
            const run = await runTearline(['import', bundle, '--database', t.url], {
              killAfterMs,
            });
            const where = plan.record(run, killAfterMs, k);
            const state = await inspectStore(t.url, [], countMarker(marker));
            assert.equal(state.integrity, 'ok', `${where}: ${state.integrity}`);
            const n = state.counts.marker!;
            assert.ok(
              n === 0 || n === OBJECTS,
              `${where}: ${n} objects of the bundle stored, neither 0 nor ${OBJECTS}`,
            );
            const verify = await runTearlineHere(['ledger', 'verify', '--database', t.url]);
            assert.equal(verify.code, 0, `${where}: ${verify.stderr}`);
            if (n === OBJECTS) {
              outcomes.all++;
              rmSync(bundle);
              bundle = writeBundle(++marker);
            } else outcomes.none++;
          }
          const cycle = plan.describeCycle();
          if (outcomes.none > 0) {
            // The store the kills left behind takes the same import again, whole.
            const again = await runTearline(['import', bundle, '--database', t.url]);
            assert.equal(again.code, 0, again.stderr);
            const state = await inspectStore(t.url, [], countMarker(marker));
            assert.equal(state.counts.marker, OBJECTS);
          }
          plan.assertLanded(KILLS);
          recordFigure({
            area: 'crash',
            name: `kills survived: import ${OBJECTS} objects (${engine}; ${plan.tally.mid} mid-operation, ${plan.tally.after} after completion; ${outcomes.none} none, ${outcomes.all} all; full run ${Math.round(full.ms)} ms; ${cycle})`,
            value: plan.tally.mid,
            wallMs: performance.now() - started,
          });
        } finally {
          await t.dispose();
        }
      },
    );
  });
}
