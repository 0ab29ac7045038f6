import { describe, it } from 'node:test';
import { assertProseTearlinesHold } from './support/tearline-prose-property.js';

// The first thousand of the generated cases; test/reliability/tearline-prose-fuzz.test.ts runs
// ten thousand from the same seed.
describe('tearlines hold in free text (property-based)', () => {
  it('no generated sensitive span survives unreported in the served bytes (1,000 cases)', () => {
    assertProseTearlinesHold(1_000);
  });
});
