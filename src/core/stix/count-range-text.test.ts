import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toCountRangeKind, toCountRangeText } from './count-range-text.js';

describe('count range text', () => {
  it("writes each kind of bound in an analyst's words", () => {
    const cases: Array<[Parameters<typeof toCountRangeText>[0], string, string]> = [
      [undefined, 'unknown', 'unknown'],
      [null, 'unknown', 'unknown'],
      [{ min: 21 }, 'at least', 'at least 21'],
      [{ min: 0, max: 5 }, 'at most', 'at most 5'],
      [{ min: 0, max: 0 }, 'exactly', '0'],
      [{ min: 133, max: 133 }, 'exactly', '133'],
      [{ min: 133, max: 144 }, 'between', '133–144'],
    ];
    for (const [range, kind, text] of cases) {
      assert.equal(toCountRangeKind(range), kind, JSON.stringify(range));
      assert.equal(toCountRangeText(range), text, JSON.stringify(range));
    }
  });
});
