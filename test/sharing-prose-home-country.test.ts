// Coarsening a town to its country must not name the wrong country: a small place the gazetteer
// resolves to a country the incident is not in ("Moura", Mali, is also a town in Portugal) is
// withheld, while towns of the incident's own country become that country.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { proseIncident } from './support/stix-fixtures.js';
import { createProseRecognisers } from '../src/ingest/prose-recognisers.js';
import { applyTransforms, createTransformContext } from '../src/sharing/apply-transforms.js';
import { MINIMAL_TRANSFORMS } from './prose-corpus.js';

const recognisers = createProseRecognisers();

function release(description: string, country: string): string {
  const incident = proseIncident(description, { country });
  const context = createTransformContext([incident], MINIMAL_TRANSFORMS, { recognisers });
  return String(applyTransforms(incident, MINIMAL_TRANSFORMS, context).object?.description);
}

describe('coarsen-place in text and the incident’s country', () => {
  it('withholds a town resolved to another country instead of naming that country', () => {
    const out = release('Soldiers killed around 300 men in Moura over five days.', 'ML');
    assert.ok(!out.includes('Moura') && !out.includes('Portugal'), out);
  });

  it('names the incident’s own country for its towns', () => {
    const out = release('Gunmen killed ten people near Gao.', 'ML');
    assert.equal(out, 'Gunmen killed ten people near Mali.');
  });

  it('names the country once for a list of its towns, a town in its province or district', () => {
    assert.equal(
      release('Bombs went off in Gao, Menaka and Timbuktu, killing 30.', 'ML'),
      'Bombs went off in Mali, killing 30.',
    );
    assert.equal(release('Gunmen attacked Gao in Mali.', 'ML'), 'Gunmen attacked Mali.');
    assert.equal(
      release('Jihadists raided the Gao and Menaka regions of Mali.', 'ML'),
      'Jihadists raided Mali.',
    );
    assert.equal(
      release('A bomb exploded in Gao, the largest city of the north, at dawn.', 'ML'),
      'A bomb exploded in Mali, at dawn.',
    );
  });

  it('reads as one place where a town is described or placed within its country', () => {
    // A town's description goes with it; its direction stays.
    assert.equal(
      release('Militants stormed a market in the northern town of Gao at dawn.', 'ML'),
      'Militants stormed a market in northern Mali at dawn.',
    );
    assert.equal(
      release('Gunmen raided the northern town of Gao, in Mali.', 'ML'),
      'Gunmen raided northern Mali.',
    );
    assert.equal(
      release('The convoy reached the Malian border town of Menaka.', 'ML'),
      'The convoy reached Mali.',
    );
    // Where a town lies, in words, folds into the country it is coarsened to.
    assert.equal(
      release('A mine hit a truck near Gao, in eastern Mali, at dawn.', 'ML'),
      'A mine hit a truck near Mali, at dawn.',
    );
    assert.equal(
      release('Shelling hit a camp in Menaka, on the outskirts of Gao.', 'ML'),
      'Shelling hit a camp in Mali.',
    );
    // An attack on the country is not where a town lies: it stays.
    assert.equal(
      release('Fighters gathered in Gao in an attack on Mali’s army.', 'ML'),
      'Fighters gathered in Mali in an attack on Mali’s army.',
    );
  });
});
