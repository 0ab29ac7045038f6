// Crash safety of a release approval: `tearline release approve` (which builds the partner's
// bundle, delivers it and writes one ledger entry per released object) gets SIGKILL at a random
// moment. Afterwards the store passes its integrity checks, the release is either still awaiting
// approval with no ledger entry or delivered with every entry, and `tearline ledger verify` passes.
// Several releases are prepared in one store so the ledger grows across kills. KILLS per engine (the
// issue's 20 by default, TEARLINE_RELIABILITY_KILLS); only the approval runs as a child process, the preparation and the checks run in the test's process to keep each kill cycle short.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, createTestDatabase, skipReasonFor } from '../support/engines.js';
import { recordFigure } from './figures.js';
import { createBundleText } from './stix-generator.js';
import { createRandom, inspectStore, runTearline, runTearlineHere } from './crash-harness.js';
import { KILLS, SEED, createKillPlan } from './kill-plan.js';
import { prepareRelease, prepareSharing } from './release-harness.js';

const OBJECTS = 6_000;
const RELEASED = 1_000;
const BUNDLE_SEED = 41;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tearline-crash-release-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Incident ids of the generated bundle (they follow the threat actors, every other object). */
function incidentIds(count: number): string[] {
  const actors = Math.floor(OBJECTS / 100);
  return Array.from(
    { length: count },
    (_, i) =>
      `incident--${BUNDLE_SEED.toString(16).padStart(8, '0')}-4b1c-4d2e-8f3a-${(actors + 2 * i).toString(16).padStart(12, '0')}`,
  );
}

async function releaseState(
  url: string,
  releaseId: string,
): Promise<{ status: string; entries: number }> {
  const show = await runTearlineHere(['release', 'show', releaseId, '--json', '--database', url]);
  assert.equal(show.code, 0, show.stderr);
  const list = await runTearlineHere([
    'ledger',
    'list',
    '--release',
    releaseId,
    '--json',
    '--database',
    url,
  ]);
  assert.equal(list.code, 0, list.stderr);
  return {
    status: (JSON.parse(show.stdout) as { status: string }).status,
    entries: (JSON.parse(list.stdout) as unknown[]).length,
  };
}

for (const engine of ENGINES) {
  describe(`release approval survives SIGKILL (${engine})`, async () => {
    const skip = await skipReasonFor(engine);
    it(
      `a ${RELEASED}-object release is delivered whole or not at all after ${KILLS} kills (seed ${SEED})`,
      { skip },
      async () => {
        const started = performance.now();
        const t = await createTestDatabase(engine);
        try {
          const bundle = join(dir, `${engine}.json`);
          writeFileSync(bundle, createBundleText(OBJECTS, BUNDLE_SEED));
          const imported = await runTearlineHere(['import', bundle, '--database', t.url]);
          assert.equal(imported.code, 0, imported.stderr);
          const partnerId = await prepareSharing(t.url);
          const ids = incidentIds(RELEASED);
          const approve = (id: string, killAfterMs?: number) =>
            runTearline(
              ['release', 'approve', id, '--as', 'bea', '--database', t.url],
              killAfterMs === undefined ? {} : { killAfterMs },
            );

          const first = await prepareRelease(t.url, partnerId, ids, join(dir, `${engine}-ids.txt`));
          // A first child compiles the sources (tsx caches them); the measuring run must not pay it.
          await runTearline(['release', '--help']);
          const full = await approve(first);
          assert.equal(full.code, 0, full.stderr);
          const whole = await releaseState(t.url, first);
          assert.equal(whole.status, 'delivered');
          assert.ok(
            whole.entries >= RELEASED,
            `${whole.entries} ledger entries for ${RELEASED} objects`,
          );

          // Most of a short run is process start-up; kill points lie in its second half, where it
          // builds, delivers and writes the ledger, and before the measured end.
          const plan = createKillPlan(full.ms, createRandom(SEED + (engine === 'sqlite' ? 0 : 1)), {
            from: 0.4,
            to: 0.85,
          });
          const outcomes = { none: 0, all: 0 };
          for (let k = 0; plan.more(KILLS); k++) {
            const id = await prepareRelease(t.url, partnerId, ids, join(dir, `${engine}-ids.txt`));
            const killAfterMs = plan.next();
            const run = await approve(id, killAfterMs);
            const where = plan.record(run, killAfterMs, k);
            const state = await inspectStore(t.url, ['sharing_ledger']);
            assert.equal(state.integrity, 'ok', where);
            // Reopening the store through any sharing command (or tearline serve) finishes an
            // approval the kill interrupted between the ledger and the partner's collection.
            const reopened = await runTearlineHere(['release', 'list', '--database', t.url]);
            assert.equal(reopened.code, 0, `${where}: ${reopened.stderr}`);
            const release = await releaseState(t.url, id);
            if (release.status === 'delivered') {
              assert.equal(
                release.entries,
                whole.entries,
                `${where}: delivered with ${release.entries} ledger entries`,
              );
              outcomes.all++;
            } else {
              assert.equal(
                release.entries,
                0,
                `${where}: ${release.status} yet ${release.entries} ledger entries`,
              );
              outcomes.none++;
              // What a kill interrupted can be approved again, whole.
              const retry = await runTearlineHere([
                'release',
                'approve',
                id,
                '--as',
                'bea',
                '--database',
                t.url,
              ]);
              assert.equal(retry.code, 0, `${where}: approving again failed: ${retry.stderr}`);
              assert.equal((await releaseState(t.url, id)).entries, whole.entries, where);
            }
            const verify = await runTearlineHere(['ledger', 'verify', '--database', t.url]);
            assert.equal(verify.code, 0, `${where}: ${verify.stderr}`);
          }
          const cycle = plan.describeCycle();
          plan.assertLanded(KILLS);
          recordFigure({
            area: 'crash',
            name: `kills survived: release approval of ${RELEASED} objects (${engine}; ${plan.tally.mid} mid-operation, ${plan.tally.after} after completion; ${outcomes.none} none, ${outcomes.all} all; full run ${Math.round(full.ms)} ms; ${cycle})`,
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
