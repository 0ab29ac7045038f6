import { it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreIskp } from './score-iskp.js';
import { ISKP_HALVES } from './iskp-split.js';

// Floors, not targets: our own in-domain reports (training/iskp), scored field by field. The
// held-back half is only scored; its errors are not printed (read the look half's instead).
const FLOORS = { look: 0.93, held: 0.9 } as const;

for (const half of ['look', 'held'] as const) {
  it(`extracts at least ${FLOORS[half] * 100}% of the fields of the ${half} half of our ISKP reports`, () => {
    const { accuracy, wrong } = scoreIskp(ISKP_HALVES[half]);
    const detail = half === 'look' ? `\n${wrong.join('\n')}` : '';
    assert.ok(accuracy >= FLOORS[half], `accuracy ${accuracy.toFixed(3)}${detail}`);
  });
}
