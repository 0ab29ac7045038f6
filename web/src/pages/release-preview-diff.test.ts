import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffWords, overlayFindings, toFields } from './release-preview-diff.js';

const join = (segs: Array<{ text: string }>) => segs.map((s) => s.text).join('');
const changed = (segs: Array<{ text: string; changed?: boolean }>) =>
  segs.filter((s) => s.changed).map((s) => s.text);

describe('release preview diff', () => {
  it('marks removed words in what we hold and written words in what the partner receives', () => {
    const d = diffWords(
      'Witness Gulalai Wardak said the attackers fled toward Sangin.',
      'Witness [name withheld] said the attackers fled toward Afghanistan.',
    );
    assert.equal(join(d.before), 'Witness Gulalai Wardak said the attackers fled toward Sangin.');
    assert.equal(
      join(d.after),
      'Witness [name withheld] said the attackers fled toward Afghanistan.',
    );
    assert.deepEqual(changed(d.before), ['Gulalai Wardak', 'Sangin.']);
    assert.deepEqual(changed(d.after), ['[name withheld]', 'Afghanistan.']);
  });

  it('keeps both texts whole when they are too long to compare word by word', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const d = diffWords(a, b);
    assert.equal(join(d.before), a);
    assert.equal(join(d.after), b);
  });

  it('lays findings over the text by their offsets', () => {
    const segs = overlayFindings(
      [{ text: 'The courier, ' }, { text: 'Zarnigar', changed: true }, { text: ', fled.' }],
      [{ id: 'f1', start: 13, end: 21 }],
    );
    assert.deepEqual(
      segs.filter((s) => s.finding === 'f1').map((s) => s.text),
      ['Zarnigar'],
    );
    assert.equal(join(segs), 'The courier, Zarnigar, fled.');
  });

  it('reads structured values as fields: ranges, open ranges, nested extensions, lists', () => {
    const fields = toFields(
      {
        spec_version: '2.1',
        aliases: ['ISKP', 'ISIS-K'],
        extensions: { x: { fatalities: { min: 12, max: 15 }, injured: { min: 3 }, country: 'AF' } },
      },
      new Set(['spec_version']),
    );
    assert.deepEqual(
      fields.map((f) => `${f.path} = ${f.value}`),
      [
        'aliases[0] = ISKP',
        'aliases[1] = ISIS-K',
        'extensions.x.fatalities = 12–15',
        'extensions.x.injured = 3 or more',
        'extensions.x.country = AF',
      ],
    );
    assert.equal(fields[2]?.label, 'extensions › x › fatalities');
  });
});
