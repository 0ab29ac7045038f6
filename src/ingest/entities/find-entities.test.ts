import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity, LocationEntity } from '../extract-types.js';
import { findEntities } from './find-entities.js';

const PUBLISHED = '2024-06-10';
// Our own sentences, built on the public facts of the Crocus City Hall attack.
const REPORT =
  'Officials say ISIS-K carried out the attack on March 22 at Moscow’s Crocus City Hall, which left ' +
  'at least 130 dead and hundreds injured. Islamic State Khorasan Province also struck Iran, killing dozens. ' +
  'The Taliban government in Kabul has fought the group since 2021.';

const byText = (entities: Entity[], text: string): Entity | undefined =>
  entities.find((e) => e.text === text);

describe('findEntities', () => {
  const entities = findEntities(REPORT, { published: PUBLISHED });

  it('reads ISIS-K and its long name as one actor, never as a place', () => {
    const short = byText(entities, 'ISIS-K');
    assert.equal(short?.type, 'actor');
    assert.equal(short?.type === 'actor' && short.canonical, 'Islamic State Khorasan Province');
    const long = byText(entities, 'Islamic State Khorasan Province');
    assert.equal(long?.type, 'actor');
    assert.ok(!entities.some((e) => e.type === 'location' && /Khorasan/.test(e.text)));
    assert.equal(byText(entities, 'Taliban')?.type, 'actor');
  });

  it('reads state forces that open a sentence, and not a capitalised "State" inside a name', () => {
    const actors = (text: string) =>
      findEntities(text)
        .filter((e) => e.type === 'actor')
        .map((e) => [e.text, (e as { canonical: string }).canonical]);
    assert.deepEqual(
      actors('Security forces raided a compound at dawn. Police said two men fled.'),
      [
        ['Security forces', 'State forces'],
        ['Police', 'Police forces'],
      ],
    );
    assert.deepEqual(actors('Soldiers were deployed.'), [['Soldiers', 'State forces']]);
    assert.ok(
      !actors('Islamic State forces stormed the town.').some(([, c]) => c === 'State forces'),
    );
  });

  it('geocodes Moscow to Russia, Kabul to Afghanistan and Iran as a country', () => {
    const moscow = byText(entities, 'Moscow') as LocationEntity;
    assert.equal(moscow.type, 'location');
    assert.equal(moscow.country, 'RU');
    assert.equal(moscow.geo_precision, 1);
    assert.ok(Math.abs(moscow.lat! - 55.75) < 0.1 && Math.abs(moscow.lon! - 37.62) < 0.1);
    const kabul = byText(entities, 'Kabul') as LocationEntity;
    assert.equal(kabul.country, 'AF');
    assert.equal(kabul.admin1, 'Kabul');
    const iran = byText(entities, 'Iran') as LocationEntity;
    assert.equal(iran.country, 'IR');
    assert.equal(iran.geo_precision, 3);
  });

  it('resolves March 22 against a June publication date and keeps years', () => {
    assert.deepEqual(
      { ...byText(entities, 'March 22') },
      {
        type: 'date',
        text: 'March 22',
        start: REPORT.indexOf('March 22'),
        end: REPORT.indexOf('March 22') + 8,
        value: '2024-03-22',
        time_precision: 1,
      },
    );
    const thisYear = findEntities('This year, the group struck again.', {
      published: PUBLISHED,
    })[0];
    assert.equal(thisYear?.type === 'date' && thisYear.value, '2024');
    const since = byText(entities, '2021');
    assert.equal(since?.type === 'date' && since.value, '2021');
  });

  it('reads counts, including the vague ones, as ACLED does', () => {
    const dead = byText(entities, 'at least 130');
    assert.equal(dead?.type, 'quantity');
    assert.equal(dead?.type === 'quantity' && dead.min, 130);
    const hundreds = byText(entities, 'hundreds');
    assert.ok(hundreds?.type === 'quantity' && hundreds.min === 100 && hundreds.max === 999);
    const dozens = byText(entities, 'dozens');
    assert.ok(dozens?.type === 'quantity' && dozens.min === 12);
  });

  it('returns non-overlapping spans sorted by start whose text is the text at their offsets', () => {
    for (let k = 0; k < entities.length; k++) {
      const e = entities[k]!;
      assert.equal(REPORT.slice(e.start, e.end), e.text);
      if (k > 0)
        assert.ok(entities[k - 1]!.end <= e.start, `${entities[k - 1]!.text} overlaps ${e.text}`);
    }
  });

  it('leaves relative dates unresolved without a publication date', () => {
    const found = findEntities(
      'Gunmen attacked a checkpoint on Monday and again on March 3, 2019.',
      {},
    );
    const monday = byText(found, 'on Monday') ?? byText(found, 'Monday');
    assert.equal(monday?.type, 'date');
    assert.equal(monday?.type === 'date' && monday.value, undefined);
    const absolute = found.find((e) => e.type === 'date' && e.text.includes('2019'));
    assert.equal(absolute?.type === 'date' && absolute.value, '2019-03-03');
  });

  it('reads how long something lasted as a period, never as a date', () => {
    const text =
      'Troops and rebels fought for two hours near the bridge on Thursday; the siege of the ' +
      'town went on over three days. Shelling resumed within 48 hours.';
    const found = findEntities(text, { published: '2024-05-10' });
    const values = found.flatMap((e) => (e.type === 'date' && e.value ? [e.value] : []));
    assert.deepEqual(values, ['2024-05-09'], 'only Thursday is a date');
    // A span that says when, and not how long, still resolves.
    const ago = findEntities('Gunmen fired on the post two hours ago.', {
      published: '2024-05-10',
    });
    assert.ok(ago.some((e) => e.type === 'date' && e.value === '2024-05-10'));
  });

  it('extends the gazetteer with the store’s own actors', () => {
    const text = 'The Northern Hawks Battalion shelled the village.';
    const known = [
      {
        canonical: 'Northern Hawks',
        aliases: ['Northern Hawks Battalion'],
        kind: 'armed-group' as const,
      },
    ];
    const found = findEntities(text, { knownActors: known });
    const actor = found.find((e) => e.type === 'actor');
    assert.equal(actor?.type === 'actor' && actor.canonical, 'Northern Hawks');
  });

  it('returns nothing for empty or entity-free text', () => {
    assert.deepEqual(findEntities('', {}), []);
    assert.deepEqual(findEntities('   \n ', {}), []);
  });
});

describe('findEntities on people, organisations, forces and weapons', () => {
  const text =
    'Gen. Amina Yusuf, the army chief, said Nigerian troops repelled Boko Haram fighters who used ' +
    'a vehicle-borne improvised explosive device and rocket-propelled grenades near Maiduguri. ' +
    'The Ministry of Defence said Yusuf would brief the United Nations.';
  const found = findEntities(text, { published: PUBLISHED });

  it('finds titled people and their later surname mentions', () => {
    assert.equal(byText(found, 'Gen. Amina Yusuf')?.type, 'person');
    assert.equal(byText(found, 'Yusuf')?.type, 'person');
  });

  it('finds state forces by nationality with an ACLED-style canonical name', () => {
    const troops = byText(found, 'Nigerian troops');
    assert.equal(troops?.type === 'actor' && troops.canonical, 'Military Forces of Nigeria');
    const group = byText(found, 'Boko Haram fighters');
    assert.equal(group?.type === 'actor' && group.canonical, 'Boko Haram');
  });

  it('finds weapons and organisations', () => {
    assert.equal(byText(found, 'vehicle-borne improvised explosive device')?.type, 'weapon');
    assert.equal(byText(found, 'rocket-propelled grenades')?.type, 'weapon');
    assert.equal(byText(found, 'Ministry of Defence')?.type, 'organization');
    assert.equal(byText(found, 'United Nations')?.type, 'organization');
  });

  it('geocodes a town near which something happened with geo_precision 2', () => {
    const town = byText(found, 'Maiduguri') as LocationEntity;
    assert.equal(town.country, 'NG');
    assert.equal(town.geo_precision, 2);
  });
});
