import { it } from 'node:test';
import assert from 'node:assert/strict';
import { LIKELIHOOD_TERMS, type AssessmentProperties } from '../core/stix/assessment-extension.js';
import { toAssessmentStatement, toAttackScope } from './assessment.js';

const TARGETS = [
  undefined,
  '',
  'outside Afghanistan and Pakistan',
  'Afghanistan and Pakistan: mostly the east',
  'Europe',
  'concert venues and churches;',
  'against Shia mosques.',
  '  in   Russia  ',
];
const COUNTRIES = [undefined, [], ['AF'], ['AF', 'PK'], ['RU', 'IR', 'TR']];
const CONFIDENCE = ['low', 'moderate', 'high'] as const;

it('writes a well-formed judgment for every combination of the assessment fields', () => {
  let checked = 0;
  for (const target of TARGETS)
    for (const countries of COUNTRIES)
      for (const capability of LIKELIHOOD_TERMS)
        for (const intent of LIKELIHOOD_TERMS)
          for (const confidence of CONFIDENCE) {
            const p = {
              extension_type: 'property-extension',
              subject_ref: 'threat-actor--00000000-0000-4000-8000-000000000001',
              capability,
              intent,
              analytic_confidence: confidence,
              rationale: 'Because.',
              evidence_refs: [],
              ...(target !== undefined ? { target_description: target } : {}),
              ...(countries !== undefined ? { region_countries: countries } : {}),
            } as unknown as AssessmentProperties;
            const sentences = toAssessmentStatement(p, 'ISIS-K');
            assert.equal(sentences.length, 3);
            for (const s of sentences) {
              const why = `${JSON.stringify({ target, countries })}: "${s}"`;
              assert.match(s, /^[A-Z]/, why);
              assert.match(s, /[^.\s]\.$/, why);
              assert.doesNotMatch(s, /\s{2}|\s[.,;:]|[:;]|\.\./, why);
              // "attacks" is followed by a preposition or ends the clause, never a bare noun.
              assert.doesNotMatch(s, /attacks (?!(in|outside|against)\b)\S/, why);
              assert.doesNotMatch(s, /undefined|null/, why);
            }
            assert.doesNotMatch(
              sentences[0]!,
              /confidence/,
              'ICD 203: no confidence in a likelihood sentence',
            );
            checked++;
          }
  assert.equal(checked, TARGETS.length * COUNTRIES.length * 7 * 7 * 3);
});

it('puts the scope after "attacks" as an analyst would write it', () => {
  assert.equal(toAttackScope('Afghanistan and Pakistan: the east'), ' in Afghanistan and Pakistan');
  assert.equal(
    toAttackScope('outside Afghanistan and Pakistan'),
    ' outside Afghanistan and Pakistan',
  );
  assert.equal(toAttackScope('concert venues'), ' against concert venues');
  assert.equal(toAttackScope(undefined, ['AF', 'PK', 'IR']), ' in AF, PK and IR');
  assert.equal(toAttackScope('', []), '');
});
