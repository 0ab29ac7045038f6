/**
 * Whether the rate of events in a recent window differs from a baseline window by more than chance.
 *
 * The test is the conditional (exact) binomial comparison of two Poisson rates (Przyborowski and
 * Wilenski, 1940): if events arrive at one constant rate, then given the total n = x1 + x0, the
 * recent count x1 is Binomial(n, p0) with p0 = t1 / (t1 + t0), the recent window's share of the
 * exposure time. The one-sided p-value of a rise is P(X ≥ x1), of a fall P(X ≤ x1). A change is
 * reported when that p-value is below `alpha` (default 0.01, strict because the alert rules run
 * the test after every accepted incident) and, for a rise, the recent window holds at least
 * `minRecent` events (default 3), so that a single event after a quiet year is not a "trend".
 */
export interface RateChange {
  recentCount: number;
  baselineCount: number;
  recentMonths: number;
  baselineMonths: number;
  /** Events per month in each window. */
  recentRate: number;
  baselineRate: number;
  /** recentRate / baselineRate; null when the baseline is empty. */
  rateRatio: number | null;
  direction: 'rise' | 'fall' | 'steady';
  /** One-sided p-value in the observed direction (1 when there is nothing to test). */
  pValue: number;
  alpha: number;
  significant: boolean;
}

export interface RateChangeOptions {
  alpha?: number;
  minRecent?: number;
}

/**
 * Compares the event count of a recent window with a baseline window (conditional binomial test).
 *
 * @example testRateChange(9, 3, 3, 12) // { direction: 'rise', significant: true, pValue: ~1e-5, … }
 */
export function testRateChange(
  recentCount: number,
  recentMonths: number,
  baselineCount: number,
  baselineMonths: number,
  options: RateChangeOptions = {},
): RateChange {
  const alpha = options.alpha ?? 0.01;
  const minRecent = options.minRecent ?? 3;
  const n = recentCount + baselineCount;
  const p0 = recentMonths / (recentMonths + baselineMonths);
  const recentRate = recentCount / recentMonths;
  const baselineRate = baselineMonths > 0 ? baselineCount / baselineMonths : 0;
  const base = {
    recentCount,
    baselineCount,
    recentMonths,
    baselineMonths,
    recentRate,
    baselineRate,
    rateRatio: baselineRate > 0 ? recentRate / baselineRate : null,
    alpha,
  };
  if (n === 0 || baselineMonths === 0) {
    return { ...base, direction: 'steady', pValue: 1, significant: false };
  }
  const expected = n * p0;
  if (recentCount > expected) {
    const pValue = binomialUpperTail(recentCount, n, p0);
    const significant = pValue < alpha && recentCount >= minRecent;
    return { ...base, direction: significant ? 'rise' : 'steady', pValue, significant };
  }
  if (recentCount < expected) {
    const pValue = 1 - binomialUpperTail(recentCount + 1, n, p0);
    const significant = pValue < alpha;
    return { ...base, direction: significant ? 'fall' : 'steady', pValue, significant };
  }
  return { ...base, direction: 'steady', pValue: 1, significant: false };
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), summed in log space from the smaller side so that it stays
 * exact to double precision for n in the hundreds of thousands.
 *
 * @example binomialUpperTail(3, 3, 0.5) // 0.125
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const mode = Math.floor((n + 1) * p);
  if (k > mode) return sumTerms(k, n, p, 1);
  // The upper tail is large here; its complement (the lower tail below k) converges fast.
  return Math.max(0, 1 - sumTerms(k - 1, n, p, -1));
}

function sumTerms(start: number, n: number, p: number, step: 1 | -1): number {
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  let total = 0;
  for (let i = start; i >= 0 && i <= n; i += step) {
    const term = Math.exp(logChoose(n, i) + i * lp + (n - i) * lq);
    total += term;
    if (term < total * 1e-17) break;
  }
  return Math.min(1, total);
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7; relative error below 1e-13). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
