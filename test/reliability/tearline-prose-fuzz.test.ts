import { describe, it } from 'node:test';
import { assertProseTearlinesHold } from '../support/tearline-prose-property.js';

// Issue 13's proof at its full count; the unit suite runs the first thousand of these cases.
describe('fuzz: tearlines hold in free text (property-based)', () => {
  it('no generated sensitive span survives unreported in the served bytes (10,000 cases)', () => {
    assertProseTearlinesHold(10_000);
  });
});
