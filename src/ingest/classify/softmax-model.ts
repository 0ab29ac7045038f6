import { createSeededRandom } from './seeded-random.js';

/**
 * A multinomial logistic regression over binary features, stored sparsely: for each feature,
 * the classes whose weight is not negligible. This is the JSON shape committed in
 * classifier-model.json.
 */
export interface SoftmaxModel {
  version: 1;
  classes: string[];
  bias: number[];
  /** feature → [classIndex, weight, classIndex, weight, …] */
  weights: Record<string, number[]>;
}

export interface TrainOptions {
  seed: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Features seen in fewer examples are dropped. */
  minCount: number;
  /** Weights below this magnitude are not stored. */
  prune: number;
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * Trains the model by stochastic gradient descent in a seeded order (deterministic).
 *
 * @example trainSoftmaxModel([[['w:shell'], 0]], ['Shelling/artillery/missile attack'], options)
 */
export function trainSoftmaxModel(
  examples: ReadonlyArray<readonly [readonly string[], number]>,
  classes: readonly string[],
  options: TrainOptions,
): SoftmaxModel {
  const k = classes.length;
  const counts = new Map<string, number>();
  for (const [features] of examples) {
    for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const vocabulary = [...counts.keys()].filter((f) => (counts.get(f) ?? 0) >= options.minCount);
  vocabulary.sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const w = new Float64Array(vocabulary.length * k);
  const b = new Float64Array(k);
  const rows = examples.map(([features, label]) => ({
    ids: features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    label,
  }));
  const random = createSeededRandom(options.seed);
  const order = rows.map((_, i) => i);
  const p = new Float64Array(k);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const lr = options.learningRate / (1 + epoch * 0.5);
    for (const r of order) {
      const row = rows[r];
      if (!row) continue;
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = b[c] as number;
        for (const id of row.ids) s += w[id * k + c] as number;
        p[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        p[c] = Math.exp((p[c] as number) - max);
        sum += p[c] as number;
      }
      for (let c = 0; c < k; c++) {
        const g = (p[c] as number) / sum - (c === row.label ? 1 : 0);
        b[c] = (b[c] as number) - lr * g;
        for (const id of row.ids) {
          const at = id * k + c;
          w[at] = (w[at] as number) - lr * (g + options.l2 * (w[at] as number));
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  vocabulary.forEach((f, id) => {
    const pairs: number[] = [];
    for (let c = 0; c < k; c++) {
      const v = w[id * k + c] as number;
      if (Math.abs(v) >= options.prune) pairs.push(c, round(v));
    }
    if (pairs.length > 0) weights[f] = pairs;
  });
  return { version: 1, classes: [...classes], bias: [...b].map(round), weights };
}

/** The weights of a model keyed in a Map: a plain object of ~6,600 keys is a slow dictionary. */
const compiled = new WeakMap<SoftmaxModel, Map<string, Float64Array>>();

function toWeightMap(model: SoftmaxModel): Map<string, Float64Array> {
  let map = compiled.get(model);
  if (!map) {
    map = new Map();
    for (const [f, pairs] of Object.entries(model.weights)) map.set(f, Float64Array.from(pairs));
    compiled.set(model, map);
  }
  return map;
}

/**
 * The class probabilities of a feature list under the model, in the model's class order.
 *
 * @example predictProbabilities(model, ['w:shell', 'c:shelling'])
 */
export function predictProbabilities(model: SoftmaxModel, features: readonly string[]): number[] {
  const weights = toWeightMap(model);
  // Sums are taken in the same order as before (features in order, pairs in order), so the
  // probabilities are bit-for-bit those of the stored weights.
  const scores = [...model.bias];
  for (const f of features) {
    const pairs = weights.get(f);
    if (!pairs) continue;
    for (let i = 0; i < pairs.length; i += 2) {
      const c = pairs[i] as number;
      scores[c] = (scores[c] as number) + (pairs[i + 1] as number);
    }
  }
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const exps = scores.map((s) => Math.exp(s - max));
  let sum = 0;
  for (const x of exps) sum += x;
  return exps.map((x) => x / sum);
}
