import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../extract.js';

const perpetrators = (text: string): string[] =>
  (extractDocument({ id: 'o', text, published: '2024-05-01' }).events[0]?.actors ?? [])
    .filter((a) => a.role === 'perpetrator')
    .map((a) => a.name);

describe('whose attack word it is (issue 14, item 5)', () => {
  it('gives the attack to the nearest claimant, not to the group that speaks first', () => {
    const text =
      'A bomb went off in a crowded market in Kunduz on Sunday, killing nine people. Taliban spokesmen said the Islamic State claimed the bombing.';
    // In Afghanistan the Islamic State acts through its Khorasan branch (prefer-branches.ts).
    assert.deepEqual(perpetrators(text), ['Islamic State Khorasan Province']);
  });

  it('does not make a group that condemns or denies an attack its perpetrator', () => {
    const text =
      'Gunmen stormed a hotel in Mogadishu on Friday, killing five guests; al-Shabaab denied the attack.';
    assert.ok(!perpetrators(text).includes('al-Shabaab'));
  });

  it('still takes a group whose own description stands before the attack word', () => {
    assert.deepEqual(
      perpetrators('Boko Haram, the jihadist group, attacked a village near Maiduguri on Monday.'),
      ['Boko Haram'],
    );
  });
});
