import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { binomialUpperTail, testRateChange } from './rate-change-test.js';
import { computeTrend } from './trend.js';
import { addMonths } from './month-series.js';

describe('binomialUpperTail', () => {
  it('matches exact small cases', () => {
    assert.ok(Math.abs(binomialUpperTail(3, 3, 0.5) - 0.125) < 1e-12);
    assert.ok(Math.abs(binomialUpperTail(2, 4, 0.5) - 11 / 16) < 1e-12);
    assert.equal(binomialUpperTail(0, 10, 0.3), 1);
    assert.equal(binomialUpperTail(11, 10, 0.3), 0);
  });
  it('stays accurate for large n (normal approximation cross-check)', () => {
    // n = 100000, p = 0.2: mean 20000, sd 126.5; 2 sd above the mean ≈ 0.0228.
    const p = binomialUpperTail(20253, 100000, 0.2);
    assert.ok(p > 0.018 && p < 0.028, `p = ${p}`);
  });
});

describe('testRateChange (conditional binomial comparison of Poisson rates)', () => {
  it('flags a clear rise', () => {
    const r = testRateChange(9, 3, 3, 12);
    assert.equal(r.direction, 'rise');
    assert.equal(r.significant, true);
    assert.ok(r.pValue < 0.001);
    assert.equal(r.rateRatio, 12);
  });
  it('calls a rise within noise steady', () => {
    const r = testRateChange(4, 3, 12, 12);
    assert.equal(r.direction, 'steady');
    assert.equal(r.significant, false);
    assert.ok(r.pValue > 0.01);
  });
  it('needs a minimum count before calling a rise from nothing', () => {
    assert.equal(testRateChange(2, 3, 0, 12).significant, false);
    assert.equal(testRateChange(3, 3, 0, 12).direction, 'rise');
  });
  it('flags a fall', () => {
    const r = testRateChange(0, 3, 60, 12);
    assert.equal(r.direction, 'fall');
    assert.ok(r.pValue < 1e-5);
  });
  it('has nothing to test without events', () => {
    assert.deepEqual(
      [testRateChange(0, 3, 0, 12).pValue, testRateChange(0, 3, 0, 12).direction],
      [1, 'steady'],
    );
  });
});

describe('computeTrend', () => {
  const month = (m: string, incidents: number, fatalities = 0) => ({
    month: m,
    incidents,
    lethalIncidents: fatalities > 0 ? incidents : 0,
    fatalities,
    injuries: 0,
  });
  it('compares the last 3 months with the 12 before and fills empty months', () => {
    const counts = [
      ...Array.from({ length: 12 }, (_, i) => month(addMonths('2023-01', i), 1, 2)),
      month('2024-01', 5, 50),
      month('2024-02', 6, 60),
      month('2024-03', 7, 70),
    ];
    const t = computeTrend(counts, '2024-03');
    assert.equal(t.tempo.recentCount, 18);
    assert.equal(t.tempo.baselineCount, 12);
    assert.equal(t.tempo.direction, 'rise');
    assert.equal(t.lethality.direction, 'rise');
    assert.equal(t.fatalitiesPerIncident.recent, 10);
    assert.equal(t.fatalitiesPerIncident.baseline, 2);
    assert.equal(t.months.length, 15);
  });
  it('ignores months after asOf and gives an empty actor a flat series', () => {
    const t = computeTrend([month('2025-01', 40)], '2024-03');
    assert.equal(t.tempo.recentCount, 0);
    assert.equal(t.tempo.direction, 'steady');
    assert.equal(t.months.at(-1)!.month, '2024-03');
    assert.ok(t.months.every((m) => m.incidents === 0));
  });
});
