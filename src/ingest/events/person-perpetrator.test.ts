import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSequentialIds, createSteppingClock } from '../../core/clock.js';
import { createDraftItems, createDraftRecord } from '../draft/create-draft.js';
import { extractDocument } from '../extract.js';

const actorsOf = (text: string) =>
  extractDocument({ id: 'p', text, published: '2024-05-01' }).events[0]?.actors ?? [];

describe('a named person as perpetrator (issue 14, item 5)', () => {
  it('takes the person an attacker noun introduces or an act follows', () => {
    assert.deepEqual(
      actorsOf('Gunman Peter Vance opened fire in a supermarket in Denver, killing four people.'),
      [{ name: 'Peter Vance', role: 'perpetrator' }],
    );
    assert.deepEqual(
      actorsOf('Omar Haddad, 31, detonated a bomb outside a bus station in Leeds on Friday.')[0],
      { name: 'Omar Haddad', role: 'perpetrator' },
    );
  });

  it('reads "identified as" and a relative clause after the name', () => {
    assert.deepEqual(
      actorsOf(
        'Police named the attacker as Lena Hoff, 35, who stabbed two commuters in Bremen.',
      )[0],
      { name: 'Lena Hoff', role: 'perpetrator' },
    );
    assert.deepEqual(
      actorsOf('The shooter, identified as Carl Dunn, killed three guards at a depot in Tulsa.')[0],
      { name: 'Carl Dunn', role: 'perpetrator' },
    );
  });

  it('reads a name after "identified as" as a person, whatever the name lists hold', () => {
    for (const [text, name] of [
      [
        'The gunman, identified as Kwame Mensah, killed three guards at a depot in Ohio.',
        'Kwame Mensah',
      ],
      ['The gunman, identified as Delaney, killed three guards at a depot in Dayton.', 'Delaney'],
      [
        'The attacker, named by police as Tomas Rilke, stabbed two people at a station in Lyon.',
        'Tomas Rilke',
      ],
      [
        'The gunman, identified as 34-year-old Mark Delaney, killed three guards at a depot in Dayton.',
        'Mark Delaney',
      ],
    ] as const) {
      assert.deepEqual(actorsOf(text)[0], { name, role: 'perpetrator' }, text);
    }
  });

  it('takes the attacker a sentence next to the attack identifies', () => {
    assert.deepEqual(
      actorsOf(
        'A gunman killed three guards at a depot in Dayton on Sunday. Police identified the gunman as Mark Delaney, 41.',
      )[0],
      { name: 'Mark Delaney', role: 'perpetrator' },
    );
  });

  it('never takes an identified victim as the attacker (near misses)', () => {
    for (const text of [
      'The victim, identified as Mark Delaney, was shot dead at a depot in Dayton.',
      'A man was shot dead at a depot in Dayton on Sunday. Police identified him as Mark Delaney, 41.',
    ]) {
      assert.ok(
        !actorsOf(text).some((a) => a.role === 'perpetrator' && a.name === 'Mark Delaney'),
        text,
      );
    }
  });

  it('takes a person an aside calls the attacker, or a court convicts of the attack', () => {
    assert.deepEqual(
      actorsOf(
        'Tom Becker, the convicted subway bomber, was sentenced to life in prison for the 2019 blast in Boston that injured 30 people.',
      )[0],
      { name: 'Tom Becker', role: 'perpetrator' },
    );
    assert.deepEqual(
      actorsOf(
        'A jury convicted Sam Ortiz of planting a bomb that killed two people at a bus station in Denver in 2021.',
      )[0],
      { name: 'Sam Ortiz', role: 'perpetrator' },
    );
  });

  it('never takes a lawyer for the bomber or an acquitted man (near misses)', () => {
    for (const [text, name] of [
      [
        'Anna Bell, a lawyer for the bomber, said the 2019 blast in Boston that injured 30 people was an act of despair.',
        'Anna Bell',
      ],
      [
        'A jury acquitted Sam Ortiz of planting a bomb that killed two people at a bus station in Denver in 2021.',
        'Sam Ortiz',
      ],
      [
        'A jury convicted Sam Ortiz of fraud after a bomb killed two people at a bus station in Denver in 2021.',
        'Sam Ortiz',
      ],
    ] as const) {
      assert.ok(!actorsOf(text).some((a) => a.name === name && a.role === 'perpetrator'), text);
    }
  });

  it('does not read a person named like a park as the site', () => {
    const event = extractDocument({
      id: 'p',
      text: 'Lena Park, 29, was arrested after she allegedly set fire to a mosque in Portland on Sunday.',
      published: '2024-05-01',
    }).events[0];
    assert.equal(event?.location?.name, 'Portland');
  });

  it('gives the attack to the group an aside says the person acted for', () => {
    assert.deepEqual(
      actorsOf(
        'Bomber Samir Haddad, a member of Boko Haram, blew himself up at a market in Maiduguri, killing nine.',
      )[0],
      { name: 'Boko Haram', role: 'perpetrator' },
    );
  });

  it('keeps a group that only claims the attack as its claimant', () => {
    const actors = actorsOf(
      'Omar Haddad, 31, detonated a bomb outside a bus station in Leeds. The Islamic State claimed responsibility for the attack.',
    );
    assert.deepEqual(actors[0], { name: 'Omar Haddad', role: 'perpetrator' });
    assert.ok(actors.some((a) => a.role === 'claimant' && a.name === 'Islamic State'));
    assert.ok(!actors.some((a) => a.role === 'perpetrator' && a.name === 'Islamic State'));
  });

  it('never makes a victim or an official quoted about the attack its perpetrator', () => {
    const victim = actorsOf('Gunmen shot dead the journalist Sara Klein in Kabul on Monday.');
    assert.ok(!victim.some((a) => a.role === 'perpetrator' && a.name === 'Sara Klein'));
    const official = actorsOf(
      'Interior Minister David Osei said militants attacked a checkpoint in Herat.',
    );
    assert.ok(!official.some((a) => a.name.includes('Osei')));
  });

  it('proposes the person as a threat actor acting alone', () => {
    const text = 'Gunman Peter Vance opened fire in a supermarket in Denver, killing four people.';
    const deps = {
      clock: createSteppingClock('2024-05-02T00:00:00.000Z'),
      ids: createSequentialIds(),
    };
    const draft = createDraftRecord(
      { text, origin: 'paste', language: 'en', published: '2024-05-02' },
      deps,
      'open',
    );
    const extraction = extractDocument({ id: 'p', text, published: '2024-05-02' });
    const items = createDraftItems(draft, extraction, { actors: [], locations: [] }, deps);
    const actor = items.find((i) => i.kind === 'threat-actor');
    assert.equal(actor?.object.name, 'Peter Vance');
    assert.equal(actor?.object.resource_level, 'individual');
  });
});
