import assert from 'node:assert/strict';
import type { ChildRun } from './crash-harness.js';

/** Share of kills that must land while the operation runs; below it a scenario proves too little. */
export const MIN_MID_OPERATION_SHARE = 0.8;

/** Where the kills of one scenario landed. */
export interface KillTally {
  /** SIGKILL arrived while the child was still at work. */
  mid: number;
  /** The child had finished (exit code) before its kill time came. */
  after: number;
}

/**
 * Kill moments spread over an operation whose duration is measured, not assumed: each kill falls
 * at a seeded random point between `from` and `to` of the current estimate, and a run that finished
 * before its kill (the machine was quicker than the estimate) pulls the estimate down to what it
 * measured, so the following kills land inside the operation again.
 *
 * @example const plan = createKillPlan(fullMs, random, { from: 0.5, to: 0.97 })
 */
export function createKillPlan(
  measuredMs: number,
  random: () => number,
  window: { from: number; to: number; floorMs?: number },
) {
  let estimate = measuredMs;
  const tally: KillTally = { mid: 0, after: 0 };
  // Per kill: the child's run, and the whole cycle (child, checks, preparation of the next kill).
  const childMs: number[] = [];
  const cycleMs: number[] = [];
  let cycleStarted: number | undefined;
  return {
    tally,
    /**
     * Whether to run another kill: until `wanted` kills landed mid-operation, within as many tries
     * as the required share allows (a kill that came after completion is retried, and counted).
     */
    more(wanted: number): boolean {
      // The most tries for which `wanted` kills still make the required share.
      const tries = Math.floor(wanted / MIN_MID_OPERATION_SHARE + 1e-9);
      return tally.mid < wanted && tally.mid + tally.after < tries;
    },
    /** The next kill time, in ms after the child starts. */
    next(): number {
      const now = performance.now();
      if (cycleStarted !== undefined) cycleMs.push(now - cycleStarted);
      cycleStarted = now;
      const floor = window.floorMs ?? 0;
      const span = Math.max(0, estimate * window.to - Math.max(floor, estimate * window.from));
      return Math.round(Math.max(floor, estimate * window.from) + span * random());
    },
    /**
     * Records where a kill landed and returns a label for assertion messages; `tookMs` is what a
     * run that finished first measured, on the clock of the kill times (default: its run time);
     * `workDone` says the child had printed its result (default: any output; import and approval
     * print one line, at the end).
     */
    record(
      run: ChildRun,
      killAfterMs: number,
      index: number,
      tookMs = run.ms,
      workDone = run.stdout.trim() !== '',
    ): string {
      childMs.push(run.ms);
      // A child killed after it printed its result had finished the work; only its exit was cut.
      const landedMid = run.signal === 'SIGKILL' && !workDone;
      if (landedMid) tally.mid++;
      else {
        tally.after++;
        estimate = Math.min(estimate, run.signal === 'SIGKILL' ? killAfterMs : tookMs);
      }
      return `kill ${index} at ${killAfterMs} ms of ~${Math.round(estimate)} ms (${landedMid ? 'mid-operation' : `finished first, exit ${run.code}`})`;
    },
    /** Medians of one kill's child and of its whole cycle, for the summary: 'per kill 2.1 s (child 1.9 s)'. */
    describeCycle(): string {
      if (cycleStarted !== undefined) cycleMs.push(performance.now() - cycleStarted);
      cycleStarted = undefined;
      const seconds = (values: number[]) => `${(median(values) / 1000).toFixed(1)} s`;
      return `per kill ${seconds(cycleMs)} (child ${seconds(childMs)})`;
    },
    /** Fails the scenario when too few kills landed while the operation ran. */
    assertLanded(wanted: number): void {
      const total = tally.mid + tally.after;
      assert.ok(
        tally.mid >= wanted && tally.mid >= MIN_MID_OPERATION_SHARE * total,
        `only ${tally.mid} of ${total} kills landed mid-operation (${wanted}, and at least ${MIN_MID_OPERATION_SHARE * 100}%, required)`,
      );
    },
  };
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Kills per scenario per engine (TEARLINE_RELIABILITY_KILLS): the issue's 20, which fits the
 * 10-minute budget on a 2-core machine since the killed children run the compiled CLI (figures in
 * ADR 0014); a smaller count (CI) is one variable away, and the summary prints the count run.
 */
export const DEFAULT_KILLS = 20;
export const KILLS = Number(process.env.TEARLINE_RELIABILITY_KILLS ?? DEFAULT_KILLS);

/** Seed of the kill moments, printed with each scenario; TEARLINE_RELIABILITY_SEED replays one. */
export const SEED = Number(process.env.TEARLINE_RELIABILITY_SEED ?? Date.now() % 100_000);
