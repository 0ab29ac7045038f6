// Crash safety of an ingestion batch: `tearline ingest <folder> --accept` reads each report of a
// folder, extracts it into a draft and accepts every item (writing incidents, actors, places and
// relationships, and merging a report of an attack already stored), and gets SIGKILL at a random
// moment between its first report's line and its last. KILLS per engine (the 20 by
// default, TEARLINE_RELIABILITY_KILLS) into one store per engine, one new batch per kill (its
// reports found by a marker in their text).
//
// "All or none" for a batch, after each kill:
// - the store opens and passes its integrity checks, and `tearline ledger verify` passes;
// - each report has at most one draft (nothing drafted twice), and the reports with a draft are
//   a prefix of the batch in reading order (nothing skipped);
// - every drafted report is either complete (draft reviewed, each accepted item's object stored,
//   each merged incident's target stored and citing the report) or resumable (draft open, items
//   still proposed), and at most one — the one the kill interrupted — is resumable; no draft is
//   left queued or failed, which nothing in the product would pick up again;
// - no half-written incident: an incident of a draft that is stored has every relationship of it
//   that was not rejected stored too, with both ends, and the stored report lists it;
// - a resumable report is finished by accept-all (what POST /api/drafts/{id}/accept-all runs)
//   and is then complete.
// Reports not yet reached are absent: a later run ingests them as new.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock, randomIds } from '../../src/core/clock.js';
import { acceptAll } from '../../src/ingest/review/review-service.js';
import { toIngestDeps } from '../../src/server/rest/ingest/ingest-runtime.js';
import { openStore } from '../../src/store/create-store.js';
import { ENGINES, createTestDatabase, skipReasonFor } from '../support/engines.js';
import { recordFigure } from './figures.js';
import {
  createRandom,
  inspectStore,
  runTearline,
  runTearlineHere,
  type ChildRun,
} from './crash-harness.js';
import { batchMarker, judgeDraft, writeBatch, type ReportStanding } from './ingest-batch.js';
import { KILLS, SEED, createKillPlan } from './kill-plan.js';

const REPORTS = 8;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tearline-crash-ingest-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Each batch gets its own publication day, so its attacks never match another batch's. */
const publishedOf = (batch: number) =>
  new Date(Date.UTC(2020, 0, 1) + batch * 10 * 86_400_000).toISOString().slice(0, 10);

function ingest(url: string, batch: number, killAfterOutputMs?: number) {
  return runTearline(
    [
      'ingest',
      writeBatch(dir, batch, REPORTS),
      '--accept',
      '--published',
      publishedOf(batch),
      '--json',
      '--database',
      url,
    ],
    killAfterOutputMs === undefined ? {} : { killAfterOutputMs },
  );
}

/** How long a child took from its first report's line to its last one. */
const batchMs = (run: ChildRun) => (run.lastOutputMs ?? run.ms) - (run.firstOutputMs ?? 0);

/**
 * Judges every report of the batch as the header says, finishes the one a kill interrupted, and
 * returns how many were complete, resumed and absent.
 */
async function checkBatch(url: string, batch: number, where: string) {
  const store = await openStore(url);
  try {
    const deps = toIngestDeps({ store, clock: systemClock, ids: randomIds });
    const drafts = await store.ingest.listDrafts({ limit: 100_000 });
    const standings: ReportStanding[] = [];
    for (let i = 0; i < REPORTS; i++) {
      const mine = drafts.filter((d) => d.text.startsWith(batchMarker(batch, i)));
      assert.ok(mine.length <= 1, `${where}: report ${i} drafted ${mine.length} times`);
      if (mine.length === 0) {
        standings.push('absent');
        continue;
      }
      const verdict = await judgeDraft(deps, mine[0]!);
      assert.ok(
        'standing' in verdict,
        `${where}: report ${i}: ${'broken' in verdict ? verdict.broken : ''}`,
      );
      standings.push(verdict.standing);
      if (verdict.standing === 'resumable') {
        await acceptAll(deps, mine[0]!.id);
        const resumed = await judgeDraft(deps, (await store.ingest.getDraft(mine[0]!.id))!);
        assert.deepEqual(
          resumed,
          { standing: 'complete' },
          `${where}: report ${i} after accept-all`,
        );
      }
    }
    const shape = standings.map((s) => s[0]).join('');
    assert.match(
      shape,
      /^c*r?a*$/,
      `${where}: reports stand ${shape} (c complete, r resumable, a absent)`,
    );
    return {
      complete: standings.filter((s) => s === 'complete').length,
      resumed: standings.filter((s) => s === 'resumable').length,
      absent: standings.filter((s) => s === 'absent').length,
    };
  } finally {
    await store.close();
  }
}

for (const engine of ENGINES) {
  describe(`ingestion batch survives SIGKILL (${engine})`, async () => {
    const skip = await skipReasonFor(engine);
    it(
      `each report of a ${REPORTS}-report batch is complete, resumable or absent after ${KILLS} kills (seed ${SEED})`,
      { skip },
      async () => {
        const started = performance.now();
        const t = await createTestDatabase(engine);
        try {
          // One full batch measures the time from the first report's line to the last one: the
          // window the kills fall in, after the child's start-up and before its exit (closing the
          // store and the process), which a kill would not interrupt the batch in.
          const full = await ingest(t.url, 0);
          assert.equal(full.code, 0, full.stderr);
          assert.equal(full.stdout.trim().split('\n').length, REPORTS, full.stdout);
          const whole = await checkBatch(t.url, 0, 'full run');
          assert.equal(whole.complete, REPORTS);
          const windowMs = batchMs(full);
          const plan = createKillPlan(
            windowMs,
            createRandom(SEED + (engine === 'sqlite' ? 2 : 3)),
            { from: 0, to: 0.9 },
          );
          const totals = { complete: 0, resumed: 0, absent: 0 };
          for (let k = 0; plan.more(KILLS); k++) {
            const batch = k + 1;
            const killAfterOutputMs = plan.next();
            const run = await ingest(t.url, batch, killAfterOutputMs);
            const where = plan.record(
              run,
              killAfterOutputMs,
              k,
              batchMs(run),
              run.stdout.trim().split('\n').length >= REPORTS,
            );
            const state = await inspectStore(t.url, []);
            assert.equal(state.integrity, 'ok', `${where}: ${state.integrity}`);
            const verify = await runTearlineHere(['ledger', 'verify', '--database', t.url]);
            assert.equal(verify.code, 0, `${where}: ${verify.stderr}`);
            const counts = await checkBatch(t.url, batch, where);
            totals.complete += counts.complete;
            totals.resumed += counts.resumed;
            totals.absent += counts.absent;
          }
          const cycle = plan.describeCycle();
          plan.assertLanded(KILLS);
          recordFigure({
            area: 'crash',
            name: `kills survived: ingestion batch of ${REPORTS} reports with accept-all (${engine}; ${plan.tally.mid} mid-operation, ${plan.tally.after} after completion; reports ${totals.complete} complete, ${totals.resumed} resumed, ${totals.absent} absent; first to last report ${Math.round(windowMs)} ms; ${cycle})`,
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
