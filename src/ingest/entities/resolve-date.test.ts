import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveDate } from './resolve-date.js';

describe('resolveDate', () => {
  it('reads a day and month as the past one before the publication date', () => {
    assert.deepEqual(resolveDate('March 22', '2024-06-10'), {
      value: '2024-03-22',
      time_precision: 1,
    });
    // A December day in a January report is last year's December.
    assert.deepEqual(resolveDate('Dec. 26', '2024-01-05'), {
      value: '2023-12-26',
      time_precision: 1,
    });
  });

  it('reads a weekday as the last one and months and years with coarser precision', () => {
    assert.deepEqual(resolveDate('on Friday', '2024-06-10'), {
      value: '2024-06-07',
      time_precision: 1,
    });
    assert.deepEqual(resolveDate('August 2021', '2024-06-10'), {
      value: '2021-08',
      time_precision: 3,
    });
    assert.deepEqual(resolveDate('last year', '2024-06-10'), { value: '2023', time_precision: 3 });
    assert.deepEqual(resolveDate('since 2004'), { value: '2004', time_precision: 3 });
  });

  it('resolves nothing relative without a publication date', () => {
    assert.equal(resolveDate('March 22'), undefined);
    assert.equal(resolveDate('yesterday'), undefined);
    assert.deepEqual(resolveDate('Nov. 6, 2016'), { value: '2016-11-06', time_precision: 1 });
  });
});
