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

describe('an event that is no attack', () => {
  it('has the place, day and group its lead gives, and no police as perpetrator', () => {
    const arrest = extractDocument({
      id: 't',
      text: 'Police in Karachi arrested three men over suspected ties to the Pakistani Taliban on Monday, a spokesman said.',
      published: '2024-06-12',
    }).events[0];
    assert.equal(arrest?.sub_event_type, 'Arrests');
    assert.equal(arrest?.location?.name, 'Karachi');
    assert.equal(arrest?.date, '2024-06-10');
    const protest = extractDocument({
      id: 't',
      text: 'Hundreds of students protested outside the parliament in Dhaka, calling for the release of activists held by the police.',
      published: '2024-06-12',
    }).events[0];
    assert.equal(protest?.location?.name, 'Dhaka');
    assert.deepEqual(
      protest?.actors.filter((a) => a.role === 'perpetrator'),
      [],
    );
  });
});

describe('the day of an event', () => {
  it('reads "on Friday" against the dateline’s day, not the publication day', () => {
    const event = extractDocument({
      id: 't',
      text: 'HERAT, May 3 — A bomb exploded at a bus stop in Herat on Friday, killing four people.',
      published: '2024-05-10',
    }).events[0];
    assert.equal(event?.date, '2024-05-03');
  });

  it('takes the dateline’s year back when its month lies after publication', async () => {
    const { datelineDay } = await import('./dateline.js');
    assert.equal(datelineDay('KABUL, Dec. 30 — A bomb …', '2024-01-02'), '2023-12-30');
    assert.equal(datelineDay('KABUL, 30 December 2022 — A bomb …'), '2022-12-30');
    assert.equal(datelineDay('KABUL — A bomb …', '2024-01-02'), undefined);
  });
});
