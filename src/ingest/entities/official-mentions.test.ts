import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from './find-entities.js';
import { findQuantities } from './find-quantities.js';
import { findTitledPeople } from './find-titled-people.js';

const typed = (text: string): string[] => findEntities(text).map((e) => `${e.type}:${e.text}`);

describe('entities in diplomatic and official text (issue 14, item 7)', () => {
  it('reads a country that speaks, signs or is a party as an organisation', () => {
    assert.deepEqual(typed('Oman and Kuwait signed the accord after Peru abstained.'), [
      'organization:Oman',
      'organization:Kuwait',
      'organization:Peru',
    ]);
    assert.deepEqual(typed('The ministers met with Chile to discuss fishing rights.'), [
      'organization:Chile',
    ]);
    // The place where speakers are is no speaker, whatever the verb after it.
    assert.deepEqual(typed('Aid workers in Chile signed the petition.'), ['location:Chile']);
    assert.deepEqual(
      typed('Aid workers in Chile said the floods had displaced thousands.')[0],
      'location:Chile',
    );
    assert.deepEqual(typed('Residents across Nigeria have complained of shortages.'), [
      'location:Nigeria',
    ]);
    // Near miss: the country itself speaking is still its state.
    assert.deepEqual(
      typed('Chile said the floods had displaced thousands.')[0],
      'organization:Chile',
    );
    // A country as the place of an event stays a place.
    assert.deepEqual(typed('Floods hit Chile and Peru in May.').slice(0, 2), [
      'location:Chile',
      'location:Peru',
    ]);
  });

  it('reads the name after an official title as a person, with the state before the title', () => {
    assert.deepEqual(
      findTitledPeople('Acting Director Mary Chen and U.S. Ambassador to Kenya Tom Reed met.').map(
        (p) => p.text,
      ),
      ['Acting Director Mary Chen', 'U.S. Ambassador to Kenya Tom Reed'],
    );
    assert.deepEqual(typed('U.K. Secretary of State Helen Ward spoke.'), [
      'person:U.K. Secretary of State Helen Ward',
    ]);
    assert.deepEqual(findTitledPeople('The Minister of Health said on Monday.'), []);
  });

  it('reads states joined as the parties of a relation as organisations', () => {
    assert.deepEqual(typed('Both sides praised the Chile-Peru accord and India-Nepal ties.'), [
      'organization:Chile',
      'organization:Peru',
      'organization:India',
      'organization:Nepal',
    ]);
    // A border area between two countries is a place.
    assert.deepEqual(typed('Floods hit Chile-Peru border towns.'), [
      'location:Chile',
      'location:Peru',
    ]);
  });

  it('reads a level of government after a region’s name as one organisation', () => {
    assert.ok(
      typed('Talks with the Puntland regional government resumed.').includes(
        'organization:the Puntland regional government',
      ),
    );
  });

  it('keeps "U.S." and the whole name of the agency it precedes', () => {
    assert.ok(
      typed('The U.S. Institute for Regional Cooperation funded the survey.').includes(
        'organization:U.S. Institute for Regional Cooperation',
      ),
    );
  });

  it('does not count money, document numbers or a unit’s number as quantities', () => {
    const texts = (t: string): string[] => findQuantities(t).map((q) => q.text);
    assert.deepEqual(texts('The fund gave $12 million, 3 million euros and 40 tents.'), ['40']);
    assert.deepEqual(texts('Under Resolution 1325 and Article 9, call extension 4411.'), []);
    assert.deepEqual(texts('She served in Salvage Team Three with eleven divers.'), ['eleven']);
  });
});
