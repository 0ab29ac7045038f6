import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getClassifierModel, toModelJson } from '../src/ingest/classify/classifier-model.js';
import { ACLED_SUB_EVENT_TYPES } from '../src/ingest/classify/acled-types.js';
import { trainClassifier } from './train-classifier.js';
import { createTrainingSet } from './templates/training-set.js';

describe('trainClassifier', () => {
  it('reproduces the shipped classifier-model.json exactly', () => {
    const fresh = trainClassifier();
    assert.deepEqual(JSON.parse(toModelJson(fresh)), getClassifierModel());
  });

  it('builds the same training set from the same seed and a different one from another', () => {
    const a = createTrainingSet(3, 5);
    assert.deepEqual(createTrainingSet(3, 5), a);
    assert.notDeepEqual(createTrainingSet(4, 5), a);
    assert.equal(a.length, 5 * ACLED_SUB_EVENT_TYPES.length);
  });

  it('gives every one of the 25 classes training sentences with no unfilled slot', () => {
    const set = createTrainingSet(1, 40);
    for (const label of ACLED_SUB_EVENT_TYPES) {
      const texts = set.filter((e) => e.label === label).map((e) => e.text);
      assert.equal(texts.length, 40, label);
      for (const text of texts) assert.doesNotMatch(text, /[{}[\]]/, text);
    }
  });
});
