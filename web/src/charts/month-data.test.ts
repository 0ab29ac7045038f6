import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toMonthData } from './month-data.js';

describe('toMonthData', () => {
  it('counts incidents and killed per month and fills the empty months between', () => {
    const months = toMonthData([
      { date: '2024-03-22', fatalities: 145 },
      { date: '2024-01-03', fatalities: 95 },
      { date: '2024-03-01' },
      { date: undefined, fatalities: 9 },
      { date: 'not a date' },
    ]);
    assert.deepEqual(months, [
      { month: '2024-01', incidents: 1, fatalities: 95 },
      { month: '2024-02', incidents: 0, fatalities: 0 },
      { month: '2024-03', incidents: 2, fatalities: 145 },
    ]);
  });

  it('crosses a year end and gives nothing for no dated items', () => {
    assert.deepEqual(
      toMonthData([{ date: '2023-12-30' }, { date: '2024-01-02' }]).map((m) => m.month),
      ['2023-12', '2024-01'],
    );
    assert.deepEqual(toMonthData([{}]), []);
  });
});
