import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { toDisplayText, toHighlighted } from './inbox-page.js';

function flatten(nodes: ReactNode[]): string {
  return nodes
    .map((n) =>
      isValidElement(n)
        ? `[${String((n as ReactElement<{ children: string }>).props.children)}]`
        : String(n),
    )
    .join('');
}

describe('review in the original script', () => {
  it('highlights evidence in a right-to-left report by its original offsets, bidi overrides neutralised', () => {
    // The stored text keeps a right-to-left override and a ZWNJ; offsets count them.
    const text = '\u202Eدر انفجار کابل ده‌ها نفر کشته شدند.\u202C';
    const start = text.indexOf('کابل');
    const out = toHighlighted(text, [{ start, end: start + 4, itemId: 'place' }], 'place');
    assert.equal(flatten(out), 'در انفجار [کابل] ده‌ها نفر کشته شدند.');
    assert.equal(toDisplayText('a\u2066b\u2069c\u202Dd'), 'abcd');
    // Marks of direction that do not reorder (RLM) and the ZWNJ are kept.
    assert.equal(toDisplayText('ده\u200Cها\u200F'), 'ده\u200Cها\u200F');
  });
});
