import { readFileSync } from 'node:fs';
import type { SoftmaxModel } from './softmax-model.js';

let cached: SoftmaxModel | undefined;

/**
 * The shipped model (classifier-model.json, produced by `npm run train:classifier`), read once.
 *
 * @example getClassifierModel().classes.length // 25
 */
export function getClassifierModel(): SoftmaxModel {
  cached ??= JSON.parse(
    readFileSync(new URL('./classifier-model.json', import.meta.url), 'utf8'),
  ) as SoftmaxModel;
  return cached;
}

/**
 * The model as JSON with its features in sorted order, so that a retraining shows up as a
 * readable diff (the training script then formats it with prettier).
 *
 * @example toModelJson(trainClassifier())
 */
export function toModelJson(model: SoftmaxModel): string {
  const weights: Record<string, number[]> = {};
  for (const f of Object.keys(model.weights).sort()) weights[f] = model.weights[f] as number[];
  return JSON.stringify({ ...model, weights });
}
