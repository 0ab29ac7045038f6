// Crash safety of `tearline import`: a 100,000-object bundle is imported by a child process that
// gets SIGKILL at a random moment; afterwards the store opens, passes its integrity checks, holds
// all of the bundle or none of it, and the ledger verifies. The issue asks for 20 kills per engine;
// KILLS (default 2 per engine, TEARLINE_RELIABILITY_KILLS to raise it) keeps the whole reliability
// suite under its 10-minute budget on a 2-core machine.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, createTestDatabase, skipReasonFor } from '../support/engines.js';
import { recordFigure } from './figures.js';
import { createBundleText } from './stix-generator.js';
import { createRandom, inspectStore, runTearline } from './crash-harness.js';

const OBJECTS = 100_000;
const KILLS = Number(process.env.TEARLINE_RELIABILITY_KILLS ?? 2);
const SEED = Number(process.env.TEARLINE_RELIABILITY_SEED ?? Date.now() % 100_000);

let dir: string;
let bundle: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tearline-crash-import-'));
  bundle = join(dir, 'bundle.json');
  writeFileSync(bundle, createBundleText(OBJECTS, 11));
});
after(() => rmSync(dir, { recursive: true, force: true }));

for (const engine of ENGINES) {
  describe(`import survives SIGKILL (${engine})`, async () => {
    const skip = await skipReasonFor(engine);
    it(
      `holds all or none of a ${OBJECTS}-object bundle after ${KILLS} kills (seed ${SEED})`,
      { skip },
      async () => {
        // One full run measures how long an import takes, so kill points spread over all of it.
        const full = await createTestDatabase(engine);
        let fullMs: number;
        try {
          const run = await runTearline(['import', bundle, '--database', full.url]);
          assert.equal(run.code, 0, run.stderr);
          fullMs = run.ms;
          const state = await inspectStore(full.url, ['stix_objects']);
          assert.equal(state.integrity, 'ok');
          assert.equal(state.counts.stix_objects, OBJECTS);
        } finally {
          await full.dispose();
        }
        const random = createRandom(SEED + (engine === 'sqlite' ? 0 : 1));
        const outcomes = { none: 0, all: 0 };
        for (let k = 0; k < KILLS; k++) {
          const t = await createTestDatabase(engine);
          try {
            // Reading and validating come first; kill points lie in the later half, where rows are written.
            const killAfterMs = Math.round(fullMs * (0.5 + 0.55 * random()));
            const run = await runTearline(['import', bundle, '--database', t.url], { killAfterMs });
            const state = await inspectStore(t.url, ['stix_objects']);
            const where = `kill ${k} at ${killAfterMs} ms of ~${Math.round(fullMs)} ms (${run.signal ?? `exit ${run.code}`})`;
            assert.equal(state.integrity, 'ok', where);
            const n = state.counts.stix_objects!;
            assert.ok(
              n === 0 || n === OBJECTS,
              `${where}: ${n} objects stored, neither 0 nor ${OBJECTS}`,
            );
            outcomes[n === 0 ? 'none' : 'all']++;
            const verify = await runTearline(['ledger', 'verify', '--database', t.url]);
            assert.equal(verify.code, 0, `${where}: ${verify.stderr}`);
            if (k === KILLS - 1 && n === 0) {
              // The store a kill left behind takes the same import again, whole.
              const again = await runTearline(['import', bundle, '--database', t.url]);
              assert.equal(again.code, 0, again.stderr);
              assert.equal(
                (await inspectStore(t.url, ['stix_objects'])).counts.stix_objects,
                OBJECTS,
              );
            }
          } finally {
            await t.dispose();
          }
        }
        recordFigure({
          area: 'crash',
          name: `kills survived: import ${OBJECTS} objects (${engine}; ${outcomes.none} none, ${outcomes.all} all; full run ${Math.round(fullMs)} ms)`,
          value: KILLS,
        });
      },
    );
  });
}
