import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from './extract.js';
import { boundSentences, MAX_SENTENCE_CHARS } from './text/bound-sentences.js';
import { splitSections } from './text/split-sections.js';
import { splitSentences } from './text/split-sentences.js';

const PARAGRAPH =
  'A car bomb exploded near a market in Kabul on Monday, killing 12 people, officials said. ' +
  'Al-Shabaab claimed responsibility for the attack in a statement.';

describe('sections and bounded sentences', () => {
  it('cuts sections at paragraph breaks, in order, without gaps', () => {
    const text = Array.from({ length: 40 }, () => PARAGRAPH).join('\n\n');
    const sections = splitSections(text, 1000);
    assert.ok(sections.length > 5);
    assert.equal(sections[0]!.start, 0);
    assert.equal(sections[sections.length - 1]!.end, text.length);
    for (let i = 1; i < sections.length; i++) {
      assert.equal(sections[i]!.start, sections[i - 1]!.end);
      assert.ok(sections[i]!.end - sections[i]!.start <= 1000);
      assert.match(text.slice(sections[i]!.start - 2, sections[i]!.start), /\n\n$/);
    }
  });

  it('maps every span of a sectioned text back to the whole text', () => {
    const text = Array.from({ length: 30 }, () => PARAGRAPH).join('\n\n');
    const whole = extractDocument({ id: 'w', text, published: '2024-06-10' });
    const cut = extractDocument({ id: 'c', text, published: '2024-06-10' }, { sectionChars: 1200 });
    assert.ok(cut.entities.length >= whole.entities.length * 0.9);
    assert.ok(cut.entities.some((e) => e.start > text.length / 2));
    for (const e of cut.entities) assert.equal(text.slice(e.start, e.end), e.text);
    for (const a of cut.attributions) assert.equal(text.slice(a.start, a.end), a.source);
    for (const event of cut.events) {
      for (const span of event.evidence) assert.ok(span.end <= text.length && span.start >= 0);
    }
  });

  it('cuts a sentence too long to be one at clause breaks, covering all its words', () => {
    const text = Array.from({ length: 200 }, (_, i) => `clause number ${i} goes on`).join(', ');
    const spans = boundSentences(text, [{ start: 0, end: text.length }]);
    assert.ok(spans.length >= Math.ceil(text.length / MAX_SENTENCE_CHARS));
    for (const s of spans) assert.ok(s.end - s.start <= MAX_SENTENCE_CHARS);
    assert.equal(spans.map((s) => text.slice(s.start, s.end)).join(' '), text);
    assert.deepEqual(splitSentences(text), spans);
  });
});
