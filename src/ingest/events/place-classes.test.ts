import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../extract.js';

// Classes of place error (issue 14, items 4 and 6), each shown with sentences of our own.
const placeOf = (text: string): string | undefined =>
  extractDocument({ id: 't', text, published: '2024-06-10' }).events[0]?.location?.name;

describe('the place of an event', () => {
  it('is not where the fire came from', () => {
    assert.equal(placeOf('Rockets fired from Gaza landed near Ashkelon on Monday.'), 'Ashkelon');
  });

  it('is the province a country is narrowed to', () => {
    assert.match(
      placeOf(
        "Two soldiers were killed in a blast in Syria's northern Idlib province on Monday.",
      ) ?? '',
      /Idlib/,
    );
  });

  it('is a town the gazetteer does not know when the text calls it a town', () => {
    assert.equal(
      placeOf('Gunmen killed four farmers in the village of Umm Qasrain on Monday.'),
      'Umm Qasrain',
    );
  });
});
