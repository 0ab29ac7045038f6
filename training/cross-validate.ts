// 5-fold cross-validation of the event classifier on our own training data: each class's
// templates are dealt into five folds; a model is trained on four and tested on sentences from
// the fifth's templates, which it has never seen in any filling. The figure says how the model
// does on wording it was not trained on; a rule or data change that helps the dev look-half but
// not this figure is over-fitting (training/README.md).
//   node --import tsx training/cross-validate.ts [perClass=320] [testPerClass=40]
import { ACLED_SUB_EVENT_TYPES } from '../src/ingest/classify/acled-types.js';
import { predictProbabilities, trainSoftmaxModel } from '../src/ingest/classify/softmax-model.js';
import { toTextFeatures } from '../src/ingest/classify/text-features.js';
import { TRAINING_SETTINGS } from './train-classifier.js';
import { ACLED_DEFINITION_TEMPLATES } from './acled/frames.js';
import { TEMPLATES as ALL_TEMPLATES, createTrainingSet } from './templates/training-set.js';

const FOLDS = 5;
const perClass = Number(process.argv[2] ?? 320);
const testPerClass = Number(process.argv[3] ?? 40);
// CV_WITHOUT=acled measures the templates as they were before the codebook sentences (the log's
// "before" figure).
const without = process.env.CV_WITHOUT === 'acled';
const TEMPLATES = Object.fromEntries(
  Object.entries(ALL_TEMPLATES).map(([label, ts]) => [
    label,
    without ? ts.filter((t) => !ACLED_DEFINITION_TEMPLATES[label]?.includes(t)) : ts,
  ]),
);
const classIndex = new Map(ACLED_SUB_EVENT_TYPES.map((c, i) => [c as string, i]));

const results: Array<{ accuracy: number; weightedF1: number }> = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const train: Record<string, readonly string[]> = {};
  const test: Record<string, readonly string[]> = {};
  for (const [label, templates] of Object.entries(TEMPLATES)) {
    train[label] = templates.filter((_, i) => i % FOLDS !== fold);
    test[label] = templates.filter((_, i) => i % FOLDS === fold);
  }
  const rows = createTrainingSet(1000 + fold, perClass, train).map(
    (e) => [toTextFeatures(e.text), classIndex.get(e.label) ?? -1] as const,
  );
  const model = trainSoftmaxModel(rows, ACLED_SUB_EVENT_TYPES, { ...TRAINING_SETTINGS.train });
  const examples = createTrainingSet(2000 + fold, testPerClass, test);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const cell = (c: string) => {
    let found = counts.get(c);
    if (!found) counts.set(c, (found = { tp: 0, fp: 0, fn: 0 }));
    return found;
  };
  let right = 0;
  for (const e of examples) {
    const p = predictProbabilities(model, toTextFeatures(e.text));
    const got = model.classes[p.indexOf(Math.max(...p))]!;
    if (got === e.label) {
      right++;
      cell(got).tp++;
    } else {
      cell(got).fp++;
      cell(e.label).fn++;
    }
  }
  let weighted = 0;
  for (const label of ACLED_SUB_EVENT_TYPES) {
    const { tp, fp, fn } = cell(label);
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    weighted += (f1 * (tp + fn)) / examples.length;
  }
  const accuracy = right / examples.length;
  results.push({ accuracy, weightedF1: weighted });
  console.log(
    `fold ${fold + 1}: accuracy ${accuracy.toFixed(3)} weighted F1 ${weighted.toFixed(3)}`,
  );
}
const mean = (k: 'accuracy' | 'weightedF1') => results.reduce((s, r) => s + r[k], 0) / FOLDS;
console.log(
  `cv5: accuracy=${mean('accuracy').toFixed(3)} weighted_f1=${mean('weightedF1').toFixed(3)} (classifier alone, held-out templates)`,
);
