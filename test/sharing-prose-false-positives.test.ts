// Ordinary capitalised words are not persons: sentence openers, armed groups, months, weekdays,
// countries and peoples go through a minimal-trust release untouched and unreported, while a
// name among them is still removed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createProseRecognisers } from '../src/ingest/prose-recognisers.js';
import { planProse, rewriteProse } from '../src/sharing/prose.js';
import { scanText } from '../src/sharing/residual-scan.js';
import { MINIMAL_TRANSFORMS } from './prose-corpus.js';

const plan = planProse(
  MINIMAL_TRANSFORMS,
  { persons: [], places: [], protectedTerms: [] },
  createProseRecognisers(),
);

const ORDINARY = [
  'Clashes broke out in Afghanistan in March 2024.',
  'Insurgents and bandits attacked a convoy in Nigeria.',
  'Security forces and Taliban fighters exchanged fire in Afghanistan.',
  'Unidentified gunmen fired on Chechen and Ingush police in Russia.',
  'Rockets hit a base in Iraq; Kurdish and Yazidi groups blamed Islamic State.',
  'Militants of JNIM and al-Shabaab fighters were active in Burkina Faso and Somalia.',
  'Tribal elders in Pakistan met in December 2023.',
  'Regime artillery and Turkish-backed groups shelled villages in Syria.',
  'Shia and Sunni clerics in Yemen condemned the attack.',
];

describe('residual scan: ordinary capitalised words', () => {
  for (const text of ORDINARY) {
    it(`flags nothing in "${text}"`, () => {
      const out = rewriteProse(text, plan).text;
      assert.equal(out, text, 'the release changed an ordinary sentence');
      assert.deepEqual(
        scanText(out, plan).map((f) => `${f.kind} ${f.text}`),
        [],
      );
    });
  }

  it('still removes a name written among them', () => {
    const text = 'Taliban fighters shot Shabnam Rahimi in Afghanistan in March 2024.';
    const out = rewriteProse(text, plan).text;
    assert.ok(!out.includes('Shabnam') && !out.includes('Rahimi'), out);
  });
});

describe('strip-sources: a group claiming an act is the claimant, not a source', () => {
  // The extractor's recognisers read "X claimed responsibility" as X's statement; the release
  // keeps X, and still withholds a speaker in the same text.
  const claims = [
    'The Islamic State claimed responsibility on Sunday, saying its fighters had struck the convoy.',
    'Al-Shabaab has claimed the bombing of the checkpoint.',
    'Boko Haram claimed credit for the raid in a video.',
  ];
  for (const text of claims) {
    it(`keeps the claimant of "${text}"`, () => {
      const out = rewriteProse(`${text} A police spokesman said the road was closed.`, plan).text;
      const claimant = text.slice(0, text.search(/ (?:has )?claimed/));
      assert.ok(out.startsWith(`${claimant} `), out);
      assert.ok(out.includes('[source withheld] the road was closed.'), out);
    });
  }
});
