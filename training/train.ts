// Retrains the event classifier from the templates in training/templates/ and writes
// src/ingest/classify/classifier-model.json (deterministic: fixed seeds, see ADR 0005). The file
// goes through prettier so that `npm run format:check` accepts a freshly trained model as is.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { trainClassifier } from './train-classifier.js';
import { toModelJson } from '../src/ingest/classify/classifier-model.js';

const started = performance.now();
const model = trainClassifier();
const path = fileURLToPath(
  new URL('../src/ingest/classify/classifier-model.json', import.meta.url),
);
const config = (await resolveConfig(path)) ?? {};
writeFileSync(path, await format(toModelJson(model), { ...config, filepath: path }));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `train:classifier: ${Object.keys(model.weights).length} features, ${model.classes.length} classes, ${seconds}s → ${path}`,
);
