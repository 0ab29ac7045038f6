import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { coarsenDatesInText, placeWithholder, PLACE_MARK, DATE_MARK } from './coarsen-text.js';

describe('coarsening free text', () => {
  it('keeps the month of a day date, in every common English form', () => {
    const cases: [string, string][] = [
      ['on 2024-03-22 at dusk', 'on 2024-03 at dusk'],
      ['at 2024-03-22T18:30:00Z', 'at 2024-03'],
      ['on 22 March 2024,', 'on March 2024,'],
      ['on Friday, 22nd of March, 2024', 'on March 2024'],
      ['on March 22, 2024.', 'on March 2024.'],
      ['since Mar. 22nd', 'since March'],
      ['dated 22/03/2024', `dated ${DATE_MARK}`],
      ['in March 2024 and in 2023', 'in March 2024 and in 2023'],
    ];
    for (const [text, expected] of cases) assert.equal(coarsenDatesInText(text, 'month'), expected);
  });

  it('keeps only the year for a year target, and withholds a day without a year', () => {
    assert.equal(coarsenDatesInText('on 22 March 2024', 'year'), 'on 2024');
    assert.equal(coarsenDatesInText('in March 2024', 'year'), 'in 2024');
    assert.equal(coarsenDatesInText('2024-03-22', 'year'), '2024');
    assert.equal(coarsenDatesInText('on 22 March', 'year'), `on ${DATE_MARK}`);
  });

  it('leaves counts and other numbers alone', () => {
    const text = 'At least 133 people died and 12 May-born recruits; 145 of 2024 records.';
    assert.equal(
      coarsenDatesInText('At least 133 people died.', 'month'),
      'At least 133 people died.',
    );
    assert.notEqual(coarsenDatesInText(text, 'month'), '');
  });

  it('withholds whole-word place names in any case, longest first', () => {
    const withhold = placeWithholder(['Crocus City Hall', 'Crocus', 'Krasnogorsk']);
    assert.ok(withhold);
    assert.equal(
      withhold('Crocus City Hall in KRASNOGORSK; Krasnogorskiy district'),
      `${PLACE_MARK} in ${PLACE_MARK}; Krasnogorskiy district`,
    );
    assert.equal(placeWithholder([]), undefined);
  });
});
