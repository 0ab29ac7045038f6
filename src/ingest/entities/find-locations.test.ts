import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LocationEntity } from '../extract-types.js';
import { findEntities } from './find-entities.js';

const places = (text: string) =>
  findEntities(text, {}).filter((e): e is LocationEntity => e.type === 'location');

describe('place geocoding', () => {
  it('resolves an ambiguous town by the country the document names', () => {
    const [kerman] = places('A blast in Kerman killed dozens. Iran blamed the group.');
    assert.equal(kerman?.country, 'IR');
  });

  it('prefers the well-known city without context and reads provinces as regions', () => {
    const [paris] = places('The attack in Paris shocked Europe.');
    assert.equal(paris?.country, 'FR');
    const [nangarhar] = places('Fighting spread in Nangarhar province.');
    assert.equal(nangarhar?.country, 'AF');
    assert.equal(nangarhar?.geo_precision, 3);
  });

  it('reads a big city’s name as that city, not a namesake quarter or small town', () => {
    const found = places('Officers made arrests in Los Angeles, Philadelphia and Memphis.');
    assert.deepEqual(
      found.map((p) => `${p.country} ${p.admin1}`),
      ['US California', 'US Pennsylvania', 'US Tennessee'],
    );
    const [belgrade] = places('A bomb went off in central Belgrade.');
    assert.equal(belgrade?.country, 'RS');
  });

  it('reads a borough or suburb as the one inside a city or province the text names', () => {
    const where = (text: string): string | undefined => {
      const brooklyn = places(text).find((p) => p.text === 'Brooklyn');
      return brooklyn && `${brooklyn.country} ${brooklyn.admin1}`;
    };
    assert.equal(
      where('A gunman opened fire in Brooklyn on Tuesday. New York police said he fled.'),
      'US New York',
    );
    assert.equal(
      where('A man was stabbed in Brooklyn on Tuesday. Melbourne police said he fled.'),
      'AU Victoria',
    );
    assert.equal(
      where('A man was stabbed in Brooklyn, a town in Michigan, on Tuesday.'),
      'US Michigan',
    );
    // A city far from every namesake draws none of them to it: the document's country decides.
    assert.notEqual(
      where('A man was stabbed in Brooklyn on Tuesday. Chicago police said he fled.'),
      'US New York',
    );
    const [bronx] = places('Two men were shot dead in the Bronx on Sunday.');
    assert.deepEqual([bronx?.text, bronx?.admin1], ['Bronx', 'New York']);
  });

  it('ranks namesakes by the nationalities the document names, not over a well-known city', () => {
    const [tripoli] = places('Lebanese troops clashed with gunmen in Tripoli on Monday.');
    assert.equal(tripoli?.country, 'LB');
    const [libya] = places('Libyan officials said talks in Tripoli failed.');
    assert.equal(libya?.country, 'LY');
    // A village of the same name does not take a famous city's place.
    const [herat] = places('Iranian border guards said smugglers crossed from Herat.');
    assert.equal(herat?.country, 'AF');
  });

  it('keeps a town’s whole name when the gazetteer knows only its first word', () => {
    const [nioro] = places('Gunmen killed seven soldiers in the town of Nioro du Sahel on Monday.');
    // No country rather than the wrong one: Gambia also has a Nioro.
    assert.deepEqual([nioro?.text, nioro?.country], ['Nioro du Sahel', undefined]);
    const [inMali] = places('Jihadists attacked an army post in Nioro du Sahel, a town in Mali.');
    assert.deepEqual([inMali?.text, inMali?.country], ['Nioro du Sahel', 'ML']);
    const [ras] = places('Fighters seized Ras al-Ain, a town in northern Syria, on Sunday.');
    assert.deepEqual([ras?.text, ras?.country], ['Ras al-Ain', 'SY']);
    const [bir] = places('Militants stormed the village of Bir el Abd on Friday.');
    assert.equal(bir?.text, 'Bir el Abd');
    // A document about one country places a town the gazetteer lacks there; one about two, not.
    const [elBur] = places('Somali forces retook the town of El Bur on Monday.');
    assert.deepEqual([elBur?.text, elBur?.country], ['El Bur', 'SO']);
    const [both] = places('Somali and Kenyan forces retook the town of El Bur on Monday.');
    assert.deepEqual([both?.text, both?.country], ['El Bur', undefined]);
    // A region that spans countries keeps none.
    const [sahel] = places('Malian troops fought jihadists across the Sahel on Monday.');
    assert.deepEqual([sahel?.text, sahel?.country], ['Sahel', undefined]);
  });

  it('reads an unknown name as a town when an apposition says so, in the country it names', () => {
    const [boulkessi] = places(
      'Jihadists attacked an army post in Boulkessi, a town in western Mali, on Monday.',
    );
    assert.deepEqual([boulkessi?.text, boulkessi?.country], ['Boulkessi', 'ML']);
    // An apposition of another kind, or none after a locative, makes no town.
    assert.deepEqual(
      places('Officials in Boulkessi, a spokesman for the army in Mali, said.').map((p) => p.text),
      ['Mali'],
    );
  });

  it('keeps the second word of a little-known town’s name ("Tal Abyad")', () => {
    const found = places('Troops captured Tal Abyad and Ras al-Ain in northern Syria.');
    assert.deepEqual(
      found.map((p) => [p.text, p.country]),
      [
        ['Tal Abyad', 'SY'],
        ['Ras al-Ain', 'SY'],
        ['Syria', 'SY'],
      ],
    );
    // Not a kind of place, a day, or a longer capitalised phrase.
    assert.deepEqual(
      places('Clocks in Greenwich Mean Time zones.').map((p) => p.text),
      ['Greenwich'],
    );
    const [kano] = places('A bomb exploded in Kano State.');
    assert.equal(kano?.text, 'Kano State');
  });

  it('does not stretch a name the gazetteer knows whole, nor make a person a town', () => {
    const [dar] = places('A bomb exploded in Dar es Salaam on Monday.');
    assert.deepEqual([dar?.text, dar?.country], ['Dar es Salaam', 'TZ']);
    const [palmyra] = places('Palmyra, Syria, was shelled on Monday.');
    assert.deepEqual([palmyra?.text, palmyra?.country], ['Palmyra, Syria', 'SY']);
    assert.deepEqual(
      places('Hassan al-Turabi said the attack killed five.').map((p) => p.text),
      [],
    );
  });

  it('reads "X state" or "X region" in lower case as the division X', () => {
    const [kaduna] = places('Gunmen killed 11 people in Kaduna state on Sunday.');
    assert.deepEqual([kaduna?.text, kaduna?.country], ['Kaduna', 'NG']);
    const [tillaberi] = places('Fighters attacked a village in Tillaberi region on Monday.');
    assert.equal(tillaberi?.country, 'NE');
  });

  it('keeps "Town, Country" together and resolves it inside that country', () => {
    const [palmyra] = places('Strikes hit near Palmyra, Syria.');
    assert.equal(palmyra?.text, 'Palmyra, Syria');
    assert.equal(palmyra?.country, 'SY');
    assert.equal(palmyra?.geo_precision, 2);
  });

  it('reads aliases of regions and countries', () => {
    const found = places('Clashes in Burma, the Gaza Strip and the Donbas.');
    assert.deepEqual(
      found.map((p) => p.country),
      ['MM', 'PS', 'UA'],
    );
  });

  it('reads a name shared by a city and its province as the city unless "province" follows', () => {
    const [city] = places('A bomb went off in Herat on Friday.');
    assert.deepEqual([city?.country, city?.admin1, city?.geo_precision], ['AF', 'Herat', 1]);
    const [province] = places('Clashes spread across Herat province.');
    assert.equal(province?.geo_precision, 3);
  });

  it('reads transliterations and a town named like a person after a locative cue', () => {
    assert.equal(
      places('Shelling hit Diyarbakır and Deir ez-Zor.')
        .map((p) => p.country)
        .join(),
      'TR,SY',
    );
    const [raqqa] = places('Clashes continued in Raqqa.');
    assert.deepEqual([raqqa?.country, raqqa?.admin1], ['SY', 'Raqqa']);
    const [gao] = places('Jihadists attacked a convoy in Gao.');
    assert.equal(gao?.country, 'ML');
  });

  it('does not read ordinary capitalised words as towns', () => {
    assert.deepEqual(places('Police said Western officials will Reading.'), []);
  });
});
