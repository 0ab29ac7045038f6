import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../extract.js';
import { findCasualties } from './find-casualties.js';

// Classes of segmentation error (issue 14, item 4), each shown with sentences of our own.
const incidents = (text: string): string[] =>
  extractDocument({ id: 't', text, published: '2024-06-12' })
    .events.filter((e) => e.event_type !== 'Protests')
    .map((e) => `${e.location?.name ?? '?'} ${e.fatalities?.min ?? '?'}`);

describe('incidents of a round-up', () => {
  it('are told apart when attackers act in a town of their own with a toll of their own', () => {
    assert.deepEqual(
      incidents(
        'Militants attacked villages in Borno state on Sunday. In Dikwa, gunmen killed six farmers. In Gajiram, four herders were shot dead.',
      ),
      ['Dikwa 6', 'Gajiram 4'],
    );
  });

  it('are told apart when a town of its own has a toll of its own, even with no attack word', () => {
    assert.deepEqual(
      incidents(
        'In Dikwa, gunmen killed six farmers on Sunday. In the town of Ngamdu, fighters burned 20 homes and killed two men.',
      ),
      ['Dikwa 6', 'Ngamdu 2'],
    );
    // The dead counted again where they came from, or where they died later, are the same.
    assert.deepEqual(
      incidents(
        'A bomb killed seven people in Bama on Monday. In Maiduguri, hospital officials said two of the wounded later died.',
      ),
      ['Bama 7'],
    );
  });

  it('count victims told by the manner of their killing', () => {
    const text = 'Two police officers were shot dead and six herders were gunned down.';
    assert.deepEqual(findCasualties(text, { start: 0, end: text.indexOf(' and') }).fatalities, {
      min: 2,
      max: 2,
    });
    assert.deepEqual(
      findCasualties(text, { start: text.indexOf('six'), end: text.length }).fatalities,
      {
        min: 6,
        max: 6,
      },
    );
  });

  it('are several when one sentence counts the dead of several attacks', () => {
    assert.deepEqual(
      incidents(
        'Suicide bombers struck a mosque in Kano, killing 12, and a market in Maiduguri, killing eight.',
      ),
      ['Kano 12', 'Maiduguri 8'],
    );
    assert.equal(
      incidents(
        'Two blasts struck Quetta on Friday: a car bomb killed nine at a police station and a suicide bomber killed five at a market.',
      ).length,
      2,
    );
    // One attack's dead and wounded, or a toll told twice, stay one incident.
    assert.deepEqual(
      incidents(
        'A suicide bomber killed 12 people at a mosque in Kano, and the blast wounded 30 others.',
      ),
      ['Kano 12'],
    );
  });
});

describe('another day', () => {
  it('opens another incident only with an attack and a toll of its own', () => {
    assert.deepEqual(
      incidents(
        'Gunmen killed seven people at a church in Bama on Monday. The next day, a suicide bomber killed four people at a market in Bama.',
      ),
      ['Bama 7', 'Bama 4'],
    );
    for (const follow of [
      'The next day, the death toll rose to nine as two of the wounded died.',
      'The next day, the Islamic State claimed the attack.',
      'Days later, police arrested two suspects in Bama.',
    ]) {
      assert.deepEqual(
        incidents(`Gunmen killed seven people at a church in Bama on Monday. ${follow}`),
        ['Bama 7'],
        follow,
      );
    }
  });
});

describe('a dateline report with two attacks on two days', () => {
  const events = (text: string) =>
    extractDocument({ id: 't', text, published: '2024-05-14' }).events.map((e) => ({
      place: e.location?.name,
      date: e.date,
      perpetrators: e.actors.filter((a) => a.role === 'perpetrator').map((a) => a.name),
    }));

  it('tells each attack apart, with its own place, day and claimant', () => {
    assert.deepEqual(
      events(
        'MAIDUGURI, 12 May 2024 — Gunmen attacked an army checkpoint on the outskirts of Maiduguri on Saturday, killing four soldiers. Boko Haram claimed responsibility for the attack. The next day, a roadside bomb in the town of Konduga killed a district official.',
      ),
      [
        { place: 'Maiduguri', date: '2024-05-11', perpetrators: ['Boko Haram'] },
        { place: 'Konduga', date: '2024-05-12', perpetrators: [] },
      ],
    );
    // The first attack placed only by the dateline is still its own incident.
    assert.equal(
      events(
        'MAIDUGURI, 12 May 2024 — Gunmen attacked an army checkpoint on Saturday, killing four soldiers. The next day, a roadside bomb in the town of Konduga killed a district official.',
      ).length,
      2,
    );
  });

  it('keeps a follow-up told the next day in the first incident', () => {
    for (const follow of [
      'The next day, police arrested two suspects in Konduga.',
      'The next day, mourners in Konduga buried the four soldiers killed in the attack.',
    ]) {
      const found = events(
        `MAIDUGURI, 12 May 2024 — Gunmen attacked an army checkpoint on the outskirts of Maiduguri on Saturday, killing four soldiers. ${follow}`,
      );
      assert.equal(found.length, 1, follow);
      assert.equal(found[0]!.place, 'Maiduguri', follow);
    }
  });
});

describe('a summary told attack by attack', () => {
  const told = (text: string): string[] =>
    extractDocument({ id: 't', text, published: '2024-06-12' }).events.map(
      (e) => `${e.location?.name ?? '?'} ${e.date ?? '?'} ${e.fatalities?.min ?? '?'}`,
    );

  it('gives each attack counted one by one the summary’s town and day', () => {
    assert.deepEqual(
      told(
        'Two bombs exploded in Quetta on Friday, one near a police station, killing nine, and the other at a market, killing five.',
      ),
      ['Quetta 2024-06-07 9', 'Quetta 2024-06-07 5'],
    );
    assert.deepEqual(
      told(
        'Two blasts struck Quetta on Friday: a car bomb killed nine at a police station and a suicide bomber killed five at a market.',
      ),
      ['Quetta 2024-06-07 9', 'Quetta 2024-06-07 5'],
    );
  });

  it('stays one incident when the parts count the victims of one attack', () => {
    assert.deepEqual(
      told(
        'Two soldiers were killed in Quetta on Friday: one died at the scene, the other in hospital.',
      ),
      ['Quetta 2024-06-07 2'],
    );
    assert.deepEqual(
      told(
        'A bomb exploded in Quetta on Friday, killing nine; the other victims were taken to hospital.',
      ),
      ['Quetta 2024-06-07 9'],
    );
  });
});

describe('a city and its borough', () => {
  it('tell one incident, from the headline to the body', () => {
    assert.deepEqual(
      incidents(
        'Gunman kills three in New York bar shooting\n\nA gunman killed three people at a bar in Brooklyn on Saturday night, police said.',
      ),
      ['Brooklyn 3'],
    );
  });

  it('do not join two towns a short drive apart that tell their own tolls', () => {
    assert.deepEqual(
      incidents(
        'Gunmen killed six farmers in Maiduguri on Sunday. In Konduga, a bomb killed two soldiers.',
      ),
      ['Maiduguri 6', 'Konduga 2'],
    );
  });
});

describe('a toll told by reference in another town', () => {
  it('is another incident when the incident told none there', () => {
    assert.deepEqual(
      incidents(
        'A car bomb exploded outside a police station in Kirkuk on Monday. Last month, more than two dozen pro-government fighters were killed in Islamic State attacks in Hawija.',
      ),
      ['Kirkuk ?', 'Hawija 25'],
    );
  });

  it('stays with the incident when it is told in the incident’s town', () => {
    assert.deepEqual(
      incidents(
        'A car bomb exploded outside a police station in Kirkuk on Monday. Nine people were killed in the attack in Kirkuk.',
      ),
      ['Kirkuk 9'],
    );
  });
});

describe('a round-up told after a lead that sums it up', () => {
  const days = (text: string): Array<string | undefined> =>
    extractDocument({ id: 't', text, published: '2024-05-14' }).events.map((e) => e.date);

  it('gives each attack without a day of its own the lead’s day', () => {
    assert.deepEqual(
      days(
        'Violence flared across Afghanistan on Tuesday. A roadside bomb killed three policemen in Kandahar. In Kunduz, Taliban fighters attacked a checkpoint, killing two soldiers.',
      ),
      ['2024-05-14', '2024-05-14'],
    );
  });

  it('gives none when the lead sums up nothing', () => {
    assert.deepEqual(
      days(
        'The governor visited Herat on Tuesday. A roadside bomb killed three policemen in Kandahar. In Kunduz, Taliban fighters attacked a checkpoint, killing two soldiers.',
      ),
      [undefined, undefined],
    );
  });
});

describe('a long report under a dateline in May', () => {
  it('still tells its attack: the month is not the modal “may”', async () => {
    const { isGenericWording } = await import('./event-cues.js');
    assert.equal(isGenericWording('KABUL, 12 May 2024 — A bomb exploded on Saturday.'), false);
    assert.equal(isGenericWording('A bomb exploded in Kabul on 11 May.'), false);
    assert.equal(isGenericWording('Militants may attack the city again.'), true);
    const filler = ' The market reopened later and traders returned to their stalls.'.repeat(30);
    const events = extractDocument({
      id: 't',
      text: `KABUL, 12 May 2024 — A bomb exploded in a market on Saturday, killing six people.${filler}`,
      published: '2024-05-14',
    }).events;
    assert.deepEqual(
      events.map((e) => [e.date, e.fatalities?.min]),
      [['2024-05-11', 6]],
    );
  });
});

describe('a headline and its lead', () => {
  it('tell one incident, placed where the lead says, when the toll is the same', () => {
    assert.deepEqual(
      incidents(
        'Gunmen kill 5 in Kaduna village\nGunmen killed five people in Kajuru, a village in Kaduna state, on Sunday night, residents said.',
      ),
      ['Kajuru 5'],
    );
  });

  it('tell two when the body counts other dead in another town', () => {
    assert.deepEqual(
      incidents('Bomb kills 9 in Quetta\nIn Gwadar, gunmen killed two guards on Monday.'),
      ['Quetta 9', 'Gwadar 2'],
    );
  });
});

describe('a claim of the attack on a site', () => {
  const claimed = (text: string): string[][] =>
    extractDocument({ id: 't', text, published: '2024-05-14' }).events.map((e) =>
      e.actors.filter((a) => a.role === 'perpetrator').map((a) => a.name),
    );

  it('belongs to the incident told at that site, not to the last one told', () => {
    assert.deepEqual(
      claimed(
        'Militants attacked a police station in Dera Ismail Khan on Tuesday, killing six officers. Hours later, a roadside bomb wounded three soldiers in North Waziristan. The Pakistani Taliban claimed the attack on the police station.',
      ),
      [['Tehrik-i-Taliban Pakistan'], []],
    );
  });

  it('stays with the last incident when it names the site that incident was at', () => {
    assert.deepEqual(
      claimed(
        'Militants attacked a police station in Dera Ismail Khan on Tuesday, killing six officers. Hours later, a roadside bomb hit a convoy in North Waziristan, killing three soldiers. The Pakistani Taliban claimed the attack on the convoy.',
      ),
      [['Unidentified armed group'], ['Tehrik-i-Taliban Pakistan']],
    );
  });
});

describe('attacks a summary counts, then tells by their ordinals', () => {
  it('are one incident each, in the summary’s town and on its day', () => {
    assert.deepEqual(
      incidents(
        'Twin blasts rocked Quetta on Friday. The first, a car bomb, killed nine people near a police station. The second, a suicide bomber, killed five at a market minutes later.',
      ),
      ['Quetta 9', 'Quetta 5'],
    );
    assert.deepEqual(
      incidents(
        'Two attacks struck northern Burkina Faso on Sunday. In the first, gunmen killed 12 villagers. In the second, an army convoy hit a mine near Djibo, killing four soldiers.',
      ),
      ['Burkina Faso 12', 'Djibo 4'],
    );
  });

  it('stay one when nothing counted attacks before the ordinal', () => {
    assert.deepEqual(
      incidents(
        'Gunmen stormed a village in Zamfara on Friday, killing 14 people. The second, a herder, died in hospital.',
      ),
      ['Zamfara 14'],
    );
  });
});
