import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { toHighlighted } from './inbox-page.js';

/** The pieces as strings, marks as [text]. */
function flatten(nodes: ReactNode[]): string {
  return nodes
    .map((n) =>
      isValidElement(n)
        ? `[${String((n as ReactElement<{ children: string }>).props.children)}]`
        : String(n),
    )
    .join('');
}

describe('toHighlighted', () => {
  const text = 'ISIS-K claimed the attack on <b>Kabul</b> airport.';
  it('marks the spans by offset and keeps the rest, markup included, as text', () => {
    const out = toHighlighted(text, [
      { start: 0, end: 6, itemId: 'actor' },
      { start: text.indexOf('Kabul'), end: text.indexOf('Kabul') + 5, itemId: 'place' },
    ]);
    assert.equal(
      flatten(out),
      'ISIS-K claimed the attack on <b>Kabul</b> airport.'
        .replace('ISIS-K', '[ISIS-K]')
        .replace('Kabul', '[Kabul]'),
    );
    assert.ok(out.every((n) => typeof n === 'string' || isValidElement(n)));
  });
  it('lets the selected item win an overlap, then the shorter span', () => {
    const spans = [
      { start: 0, end: 50, itemId: 'incident' },
      { start: 0, end: 6, itemId: 'actor' },
    ];
    assert.equal(flatten(toHighlighted(text, spans)), `[ISIS-K]${text.slice(6)}`);
    assert.equal(flatten(toHighlighted(text, spans, 'incident')), `[${text.slice(0, 50)}]`);
  });
  it('ignores empty spans', () => {
    assert.equal(flatten(toHighlighted(text, [{ start: 4, end: 4, itemId: 'x' }])), text);
  });
});
