import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  TLP1_MARKING_IDS,
  TLP2_MARKING_IDS,
  toTlp2Level,
  findTlp2MarkingDefinitions,
  isTlpMarkingId,
} from './tlp.js';
import {
  parseAdmiraltyGrade,
  toCredibilityFromStixConfidence,
  toStixConfidenceFromCredibility,
  toAdmiraltyCode,
  isAdmiraltyGrade,
} from './admiralty.js';
import {
  ESTIMATIVE_BANDS,
  parseEstimativeTerm,
  toStixConfidenceFromTerm,
  toTermFromProbability,
  toTermFromStixConfidence,
} from './estimative.js';
import { permitsIepAction } from './iep.js';
import { isAcledPair } from './acled.js';
import { MONTH_NAMES, shortMonthName } from './calendar.js';

describe('vocabularies', () => {
  it('maps TLP 1.0 ids onto TLP 2.0 levels, never onto AMBER+STRICT', () => {
    assert.equal(toTlp2Level(TLP1_MARKING_IDS.white), 'clear');
    assert.equal(toTlp2Level(TLP1_MARKING_IDS.amber), 'amber');
    assert.equal(toTlp2Level(TLP2_MARKING_IDS['amber+strict']), 'amber+strict');
    assert.equal(
      toTlp2Level('marking-definition--1b6d5b4f-3a8c-4e2d-8d9f-2c3e4f5a6b7c'),
      undefined,
    );
    assert.equal(isTlpMarkingId(TLP1_MARKING_IDS.red), true);
    assert.deepEqual(
      findTlp2MarkingDefinitions([
        TLP2_MARKING_IDS.red,
        TLP1_MARKING_IDS.red,
        TLP2_MARKING_IDS.red,
      ]).map((m) => m.name),
      ['TLP:RED'],
    );
  });

  it('reads and writes Admiralty grades and converts credibility by STIX Appendix A', () => {
    assert.deepEqual(parseAdmiraltyGrade(' b2 '), { reliability: 'B', credibility: 2 });
    assert.equal(parseAdmiraltyGrade('G7'), undefined);
    assert.equal(toAdmiraltyCode({ reliability: 'F', credibility: 6 }), 'F6');
    assert.equal(isAdmiraltyGrade({ reliability: 'A', credibility: 1.5 }), false);
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((c) => toStixConfidenceFromCredibility(c as 1)),
      [90, 70, 50, 30, 10, undefined],
    );
    assert.deepEqual(
      [100, 80, 79, 60, 40, 20, 19, 0, undefined].map(toCredibilityFromStixConfidence),
      [1, 1, 2, 2, 3, 4, 5, 5, 6],
    );
  });

  it('converts ICD 203 terms to and from STIX confidence and probabilities', () => {
    for (const band of ESTIMATIVE_BANDS) {
      assert.equal(toTermFromStixConfidence(toStixConfidenceFromTerm(band.term)), band.term);
      assert.equal(parseEstimativeTerm(band.words[1].toUpperCase()), band.term);
    }
    assert.equal(toTermFromStixConfidence(0), 'almost-no-chance');
    assert.equal(toTermFromStixConfidence(100), 'almost-certain');
    assert.equal(toTermFromProbability(60), 'likely');
    assert.equal(toTermFromProbability(20), 'very-unlikely');
    assert.equal(parseEstimativeTerm('maybe'), undefined);
  });

  it('orders IEP permitted actions and pairs ACLED types', () => {
    assert.equal(permitsIepAction('externally-visible-direct-actions', 'none'), true);
    assert.equal(permitsIepAction('contact-for-instruction', 'internally-visible-actions'), false);
    assert.equal(isAcledPair('Explosions/Remote violence', 'Suicide bomb'), true);
    assert.equal(isAcledPair('Battles', 'Suicide bomb'), false);
  });
});

describe('calendar words', () => {
  it('names twelve months from January and gives short names by number', () => {
    assert.equal(MONTH_NAMES.length, 12);
    assert.equal(MONTH_NAMES[0], 'January');
    assert.equal(shortMonthName(3), 'Mar');
    assert.equal(shortMonthName(12), 'Dec');
    assert.equal(shortMonthName(13), '13');
  });
});
