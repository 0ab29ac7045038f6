import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from './find-entities.js';
import { preferBranches } from '../events/prefer-branches.js';
import { isStateForce } from '../draft/state-forces.js';

const actors = (text: string) =>
  findEntities(text)
    .filter((e) => e.type === 'actor')
    .map((e) => [e.text, 'canonical' in e ? e.canonical : '']);

const ISKP = 'Islamic State Khorasan Province';

describe('a branch described in words resolves to the branch', () => {
  it("reads a parent's named branch as the branch", () => {
    assert.deepEqual(actors("The Islamic State's Khorasan branch said it carried out the raid."), [
      ["Islamic State's Khorasan branch", ISKP],
    ]);
    assert.deepEqual(actors('Al Qaeda fighters were seen. The group’s Khorasan wing denied it.'), [
      ['Al Qaeda fighters', 'al-Qaeda'],
    ]);
  });

  it('follows a phrase that points back at the group named before', () => {
    assert.deepEqual(
      actors('IS fighters stormed a jail; its Khorasan affiliate took the credit.'),
      [
        ['IS fighters', 'Islamic State'],
        ['Khorasan affiliate', ISKP],
      ],
    );
  });

  it('reads "the X branch of the group" and an appositive naming the parent as the branch', () => {
    const found = actors('ISKP, the Afghan branch of the Islamic State, sent two gunmen.');
    assert.deepEqual(found[1], ['the Afghan branch of the Islamic State', ISKP]);
  });

  it('keeps the parent as claimant but not as perpetrator when its branch acted', () => {
    assert.deepEqual(
      preferBranches([
        { name: 'Islamic State', role: 'perpetrator' },
        { name: 'Islamic State', role: 'claimant' },
        { name: ISKP, role: 'perpetrator' },
      ]),
      [
        { name: 'Islamic State', role: 'claimant' },
        { name: ISKP, role: 'perpetrator' },
      ],
    );
  });
});

describe('isStateForce', () => {
  it('tells police and armies from armed groups', () => {
    for (const name of ['Afghan security forces', 'German police', 'Nigerian Army', 'troops'])
      assert.equal(isStateForce(name), true, name);
    for (const name of ['Islamic State', 'al-Shabaab', 'Taliban', 'Gunmen'])
      assert.equal(isStateForce(name), false, name);
  });
});

describe('datelines and branches in whole reports', () => {
  it('takes neither the place nor the day of a dateline as the event’s', async () => {
    const { extractDocument } = await import('../extract.js');
    const [event] = extractDocument({
      id: 'd',
      published: '2021-10-16',
      text: 'ISLAMABAD, Oct 16 — Two suicide bombers attacked a mosque in Kandahar on Friday, killing 12 people.',
    }).events;
    assert.equal(event?.location?.name, 'Kandahar');
    assert.equal(event?.date, '2021-10-15');
  });

  it('resolves "whose Khorasan branch" and a parentless "the group’s Khorasan branch"', () => {
    assert.deepEqual(actors('The Islamic State, whose Khorasan branch claimed it, said so.')[1], [
      'Khorasan branch',
      ISKP,
    ]);
    assert.deepEqual(actors("Officials said the group's Khorasan branch was behind it."), [
      ['Khorasan branch', ISKP],
    ]);
  });
});
