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

  it('is the first end of a stretch struck along its length, not an origin', () => {
    assert.equal(
      placeOf(
        'Jets pounded rebel-held towns from Idlib to Aleppo on Monday, killing 20 civilians.',
      ),
      'Idlib',
    );
    // Fire or people sent from one place to another: the place they came from is no event's.
    assert.equal(
      placeOf('Rockets fired from Gaza to Ashkelon killed two people on Monday.'),
      'Ashkelon',
    );
  });

  it('is named after how long the event lasted ("for three days in …")', () => {
    assert.equal(
      placeOf('The siege went on for nearly two weeks in Kirkuk, police said.'),
      'Kirkuk',
    );
    assert.equal(
      placeOf('The clashes lasted for two days in Beledweyne, residents said.'),
      'Beledweyne',
    );
  });

  it('is no run of a title-case headline ending in a site word', () => {
    assert.equal(placeOf('Jihadist Gunmen Raid Army Barracks'), undefined);
    assert.equal(
      placeOf(
        'Gunmen Storm Grand Hotel In Attack\nGunmen stormed the Grand Hotel in Kismayo on Friday, killing nine.',
      ),
      'Grand Hotel, Kismayo',
    );
  });

  it('is the namesake in the home country of the group the report names', () => {
    const event = extractDocument({
      id: 't',
      text: 'Boko Haram fighters raided a village near Bama on Friday, killing six farmers.',
      published: '2024-06-10',
    }).events[0];
    assert.equal(event?.location?.name, 'Bama');
    assert.equal(event?.location?.country, 'NG');
  });

  it('is the dateline’s town named again, written in its own case', () => {
    assert.equal(
      placeOf(
        'BAIDOA, Somalia (Reuters) - A car bomb exploded outside a hotel in the city on Saturday, killing nine.',
      ),
      'Baidoa, Somalia',
    );
  });

  it('is a Somali federal state named as such', () => {
    assert.equal(
      placeOf('Al-Shabaab fighters overran an army post in Galmudug on Sunday, killing six.'),
      'Galmudug',
    );
  });

  it('is never a dateline, whatever its form', () => {
    for (const text of [
      'Kabul, Afghanistan (AP) — A suicide bomber struck a mosque on Friday, killing 12 worshippers.',
      'By Staff Reporter\nPESHAWAR: Gunmen shot dead two policemen on Sunday, officials said.',
      'Kabul, March 3 (Pajhwok): A roadside bomb killed two children on Thursday.',
      'KABUL, Afghanistan, Monday (AP) — A suicide bomber struck a mosque on Friday, killing 12.',
    ]) {
      assert.equal(placeOf(text), undefined, text);
    }
    assert.equal(
      placeOf('Peshawar, Pakistan — A bomb killed two children in Bannu on Thursday.'),
      'Bannu',
    );
  });

  it('is the dateline’s town when the text names it again as “the city” or “the capital”', () => {
    assert.equal(
      placeOf(
        'KABUL, 12 May 2024 — A bomb exploded in the west of the city on Saturday, killing six.',
      ),
      'Kabul',
    );
    assert.equal(
      placeOf(
        'MOGADISHU (Reuters) - Fighters stormed a hotel in the Somali capital on Friday, killing nine.',
      ),
      'Mogadishu',
    );
    // Another country's capital, a place told from the city, or a city named by its name, is
    // not the dateline's.
    assert.equal(
      placeOf(
        'BAGHDAD, June 3 (Reuters) - Gunmen killed two soldiers north of the capital on Sunday.',
      ),
      undefined,
    );
    assert.equal(
      placeOf(
        'MOGADISHU (Reuters) - Gunmen stormed a hotel in the Kenyan capital on Friday, killing nine.',
      ),
      undefined,
    );
    assert.equal(
      placeOf(
        'KABUL, 12 May 2024 — A bomb exploded in the city of Herat on Saturday, killing six.',
      ),
      'Herat',
    );
  });

  it('leaves a line that opens with a weekday alone to the event (no place, so no dateline)', () => {
    const event = extractDocument({
      id: 't',
      text: 'Friday — Gunmen killed four people in Kano on Friday.',
      published: '2024-06-10',
    }).events[0];
    assert.deepEqual([event?.location?.name, event?.date], ['Kano', '2024-06-07']);
  });

  it('is still the town a headline or a note before a colon names', () => {
    assert.equal(
      placeOf(
        'Afghanistan: Bomb kills 12 in Kabul mosque\nA suicide bomber killed 12 people at a mosque in Kabul on Friday.',
      ),
      'Kabul',
    );
    assert.equal(placeOf('Update: a bomb killed 12 people in Kabul on Friday.'), 'Kabul');
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

  it('is not the day of a trial, a burial or a later arrest, nor a claim’s when the act has one', () => {
    const dayOf = (text: string): string | undefined =>
      extractDocument({ id: 't', text, published: '2024-06-12' }).events[0]?.date;
    assert.equal(
      dayOf(
        'A court in Colombo opened the trial on Monday of three men accused over the bombing of a church that killed 40 people.',
      ),
      undefined,
    );
    assert.equal(
      dayOf(
        'Hundreds of mourners on Tuesday buried the nine victims of the bombing of a bus in Quetta.',
      ),
      undefined,
    );
    assert.equal(
      dayOf(
        'A gunman shot dead four shoppers at a market in Lahore. Police arrested two suspects on Tuesday.',
      ),
      undefined,
    );
    assert.equal(
      dayOf(
        'A suicide bomber killed 12 people at a mosque in Peshawar on Friday. The group claimed the attack on Saturday.',
      ),
      '2024-06-07',
    );
    // A funeral or a memorial is also where attacks happen; the day is then the attack's.
    assert.equal(
      dayOf('A bomb exploded at a funeral in Kabul on Sunday, killing five.'),
      '2024-06-09',
    );
    // With nothing else, the day it was said is kept: the event was then or just before.
    assert.equal(
      dayOf(
        'A bomb exploded in a market in Mogadishu, killing seven people, police said on Thursday.',
      ),
      '2024-06-06',
    );
  });

  it('takes the dateline’s year back when its month lies after publication', async () => {
    const { datelineDay } = await import('./dateline.js');
    assert.equal(datelineDay('KABUL, Dec. 30 — A bomb …', '2024-01-02'), '2023-12-30');
    assert.equal(datelineDay('KABUL, 30 December 2022 — A bomb …'), '2022-12-30');
    assert.equal(datelineDay('KABUL — A bomb …', '2024-01-02'), undefined);
  });
});
