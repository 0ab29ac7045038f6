import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { extractJsonLines, parseInputLine } from './extract-jsonl.js';
import { extractDocument } from './extract.js';

async function runLines(lines: string[], options = {}) {
  const output = new PassThrough();
  let written = '';
  output.setEncoding('utf8').on('data', (d: string) => (written += d));
  const summary = await extractJsonLines(Readable.from([lines.join('\n')]), output, options);
  return {
    summary,
    out: written
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('parseInputLine', () => {
  it('keeps the known fields and ignores the others', () => {
    assert.deepEqual(
      parseInputLine('{"id":"a","text":"t","published":"2024-02-29","source":"S","x":1}', 1),
      { id: 'a', text: 't', published: '2024-02-29', source: 'S' },
    );
  });

  it('says what is wrong with a line, with its id when it has one', () => {
    assert.match(String((parseInputLine('', 4) as { error: string }).error), /^line 4 is empty/);
    assert.deepEqual(parseInputLine('{"id":"a","text":5}', 2), {
      id: 'a',
      error: 'line 2 has no string "text"; put the report body in "text".',
    });
    assert.match(
      String(
        (parseInputLine('{"id":"a","text":"t","published":"10/06/2024"}', 3) as { error: string })
          .error,
      ),
      /"published" must be a date written YYYY-MM-DD/,
    );
    assert.deepEqual(Object.keys(parseInputLine('{"text":"t"}', 1)), ['error']);
  });
});

describe('extractJsonLines', () => {
  it('answers a document whose extraction fails with an error line and goes on', async () => {
    const stages = {
      findEntities: (text: string) => {
        if (text.includes('poison')) throw new Error('stage broke');
        return [];
      },
    };
    const { summary, out } = await runLines(
      [
        JSON.stringify({ id: 'one', text: 'A quiet day in the valley.' }),
        JSON.stringify({ id: 'two', text: 'This text has poison in it.' }),
        JSON.stringify({ id: 'three', text: 'Another quiet day.' }),
      ],
      { stages },
    );
    assert.deepEqual(summary, { lines: 3, errors: 1 });
    assert.deepEqual(
      out.map((o) => [o.id, typeof o.error]),
      [
        ['one', 'undefined'],
        ['two', 'string'],
        ['three', 'undefined'],
      ],
    );
    assert.match(String(out[1]!.error), /line 2: extraction failed \(stage broke\)/);
  });
});

describe('extractDocument', () => {
  it('refuses text over the limit with a coded error', () => {
    assert.throws(
      () => extractDocument({ id: 'x', text: 'word '.repeat(50) }, { maxChars: 100 }),
      (error: Error & { code?: string }) => error.code === 'TEARLINE_E_EXTRACT_TOO_LARGE',
    );
  });

  it('extracts an attack of our own with its place, date, toll and perpetrator', () => {
    const out = extractDocument({
      id: 'r1',
      published: '2024-06-10',
      text: 'Al-Shabaab fighters attacked a hotel in Mogadishu on Saturday, killing nine people, police said.',
    });
    const event = out.events[0]!;
    assert.equal(event.status, 'occurred');
    assert.match(event.location?.name ?? '', /Mogadishu/);
    assert.equal(event.location?.country, 'SO');
    assert.equal(event.date, '2024-06-08');
    assert.deepEqual(event.fatalities, { min: 9, max: 9 });
    assert.ok(event.actors.some((a) => a.role === 'perpetrator' && /Shabaab/i.test(a.name)));
    assert.equal(out.attributions[0]?.source, 'police');
  });
});
