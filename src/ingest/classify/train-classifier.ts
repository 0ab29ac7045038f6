import { ACLED_SUB_EVENT_TYPES } from './acled-types.js';
import { trainSoftmaxModel } from './softmax-model.js';
import type { SoftmaxModel, TrainOptions } from './softmax-model.js';
import { toTextFeatures } from './text-features.js';
import { createTrainingSet } from './training/training-set.js';

/** The fixed settings of the shipped model; changing one changes classifier-model.json. */
export const TRAINING_SETTINGS = {
  dataSeed: 20240322,
  perClass: 640,
  train: { seed: 7, epochs: 12, learningRate: 0.2, l2: 1e-4, minCount: 2, prune: 0.03 },
} as const satisfies { dataSeed: number; perClass: number; train: TrainOptions };

/**
 * Builds the training set from our templates and trains the event classifier on it; the same
 * settings give the same model, byte for byte.
 *
 * @example const model = trainClassifier(); JSON.stringify(model)
 */
export function trainClassifier(settings = TRAINING_SETTINGS): SoftmaxModel {
  const examples = createTrainingSet(settings.dataSeed, settings.perClass);
  const classIndex = new Map(ACLED_SUB_EVENT_TYPES.map((c, i) => [c as string, i]));
  const rows = examples.map(
    (e) => [toTextFeatures(e.text), classIndex.get(e.label) ?? -1] as const,
  );
  return trainSoftmaxModel(rows, ACLED_SUB_EVENT_TYPES, settings.train);
}
