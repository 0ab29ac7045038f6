import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocumentContext } from './document-context.js';
import { findActors } from './find-actors.js';
import { findDiscoveredActors } from './find-discovered-actors.js';
import { findNominalActors } from './find-armed-forces.js';

const canonicals = (text: string) => findActors(text).map((a) => [a.text, a.canonical]);

describe('findActors', () => {
  it('maps the aliases and transliterations of a group to one canonical name', () => {
    const text =
      'ISKP, IS-K, Wilayat Khorasan, Daesh-Khorasan and the Islamic State – Khorasan are one group.';
    assert.deepEqual(
      findActors(text).map((a) => a.canonical),
      Array(5).fill('Islamic State Khorasan Province'),
    );
    assert.deepEqual(canonicals('al Qaida and AQAP'), [
      ['al Qaida', 'al-Qaeda'],
      ['AQAP', 'al-Qaeda in the Arabian Peninsula'],
    ]);
  });

  it('matches acronyms only in capitals and names only when capitalised', () => {
    assert.deepEqual(canonicals('this is what it is'), []);
    assert.deepEqual(canonicals('IS fighters attacked'), [['IS fighters', 'Islamic State']]);
  });

  it('does not read a place held by a group as the group acting', () => {
    assert.deepEqual(canonicals('They struck an ISIL-held building.'), []);
  });
});

describe('findDiscoveredActors and findNominalActors', () => {
  it('finds groups introduced by how the text names them', () => {
    const text =
      'A group calling itself Saraya Nasr al-Din claimed the blast. The Tawhid Front claimed responsibility.';
    assert.deepEqual(
      findDiscoveredActors(createDocumentContext(text)).map((a) => a.canonical),
      ['Saraya Nasr al-Din', 'Tawhid Front'],
    );
  });

  it('finds coalitions and unnamed armed men', () => {
    const found = findNominalActors('Unidentified gunmen fired on the U.S.-led coalition.');
    assert.deepEqual(
      found.map((a) => [a.text, a.canonical]),
      [
        ['the U.S.-led coalition', 'U.S.-led coalition'],
        ['Unidentified gunmen', 'Unidentified armed group'],
      ],
    );
  });
});
