import { ACLED_SUB_EVENT_TYPES } from '../src/ingest/classify/acled-types.js';
import { trainSoftmaxModel } from '../src/ingest/classify/softmax-model.js';
import type { SoftmaxModel, TrainOptions } from '../src/ingest/classify/softmax-model.js';
import { toTextFeatures } from '../src/ingest/classify/text-features.js';
import { createTrainingSet } from './templates/training-set.js';

export interface TrainingSettings {
  /** One model is trained per seed, each on its own draw of the templates; weights are averaged. */
  dataSeeds: readonly number[];
  perClass: number;
  train: TrainOptions;
}

/** The fixed settings of the shipped model; changing one changes classifier-model.json. */
export const TRAINING_SETTINGS: TrainingSettings = {
  dataSeeds: [20240322, 1, 2, 3],
  perClass: 640,
  train: { seed: 7, epochs: 8, learningRate: 0.2, l2: 1e-4, minCount: 2, prune: 0.03 },
};

/**
 * Builds training sets from our templates and trains the event classifier on them; the same
 * settings give the same model, byte for byte.
 *
 * @example const model = trainClassifier(); JSON.stringify(model)
 */
export function trainClassifier(settings: TrainingSettings = TRAINING_SETTINGS): SoftmaxModel {
  const classIndex = new Map(ACLED_SUB_EVENT_TYPES.map((c, i) => [c as string, i]));
  // Which sentences a template yields varies with the seed; averaging the models of several
  // draws removes most of that variance (the dev-set figure moved by ±0.015 between seeds).
  const models = settings.dataSeeds.map((dataSeed) => {
    const rows = createTrainingSet(dataSeed, settings.perClass).map(
      (e) => [toTextFeatures(e.text), classIndex.get(e.label) ?? -1] as const,
    );
    return trainSoftmaxModel(rows, ACLED_SUB_EVENT_TYPES, { ...settings.train, prune: 0 });
  });
  return averageModels(models, settings.train.prune);
}

function averageModels(models: readonly SoftmaxModel[], prune: number): SoftmaxModel {
  const first = models[0];
  if (!first) throw new Error('trainClassifier needs at least one data seed');
  const k = first.classes.length;
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  const sums = new Map<string, Float64Array>();
  const bias = new Float64Array(k);
  for (const model of models) {
    model.bias.forEach((b, c) => (bias[c] = (bias[c] as number) + b / models.length));
    for (const [feature, pairs] of Object.entries(model.weights)) {
      let sum = sums.get(feature);
      if (!sum) sums.set(feature, (sum = new Float64Array(k)));
      for (let i = 0; i < pairs.length; i += 2) {
        const c = pairs[i] as number;
        sum[c] = (sum[c] as number) + (pairs[i + 1] as number) / models.length;
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const feature of [...sums.keys()].sort()) {
    const sum = sums.get(feature) as Float64Array;
    const pairs: number[] = [];
    sum.forEach((v, c) => {
      if (Math.abs(v) >= prune) pairs.push(c, round(v));
    });
    if (pairs.length > 0) weights[feature] = pairs;
  }
  return { version: 1, classes: [...first.classes], bias: [...bias].map(round), weights };
}
