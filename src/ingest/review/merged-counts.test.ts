import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONFLICT_EVENT_EXTENSION_ID } from '../../core/stix/conflict-event-extension.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { withMergedCounts } from './merged-counts.js';

const incident = (counts: Record<string, unknown>): StixObject => ({
  type: 'incident',
  spec_version: '2.1',
  id: 'incident--1a2b3c4d-0000-4000-8000-000000000001',
  created: '2024-03-23T00:00:00.000Z',
  modified: '2024-03-23T00:00:00.000Z',
  name: 'Concert hall attack',
  extensions: {
    [CONFLICT_EVENT_EXTENSION_ID]: {
      extension_type: 'property-extension',
      event_type: 'Violence against civilians',
      sub_event_type: 'Attack',
      status: 'occurred',
      ...counts,
    },
  },
});
const countsOf = (o: StixObject) => {
  const ext = (o.extensions as Record<string, Record<string, unknown>>)[
    CONFLICT_EVENT_EXTENSION_ID
  ]!;
  return { fatalities: ext.fatalities, injuries: ext.injuries };
};

describe('withMergedCounts', () => {
  it('widens each count to the span both reports give', () => {
    const stored = incident({
      fatalities: { min: 133, max: 133 },
      injuries: { min: 141, max: 160 },
    });
    const later = incident({
      fatalities: { min: 137, max: 137 },
      injuries: { min: 120, max: 150 },
    });
    assert.deepEqual(countsOf(withMergedCounts(stored, later)), {
      fatalities: { min: 133, max: 137 },
      injuries: { min: 120, max: 160 },
    });
  });

  it('takes a count the stored incident lacks and keeps one the report lacks', () => {
    const stored = incident({ injuries: { min: 40, max: 40 } });
    const later = incident({ fatalities: { min: 6, max: 6 } });
    assert.deepEqual(countsOf(withMergedCounts(stored, later)), {
      fatalities: { min: 6, max: 6 },
      injuries: { min: 40, max: 40 },
    });
  });

  it('returns the stored incident itself when nothing changes, and ignores malformed counts', () => {
    const stored = incident({ fatalities: { min: 10, max: 20 } });
    assert.equal(withMergedCounts(stored, incident({ fatalities: { min: 12, max: 15 } })), stored);
    assert.equal(withMergedCounts(stored, incident({ fatalities: { min: 'x', max: 3 } })), stored);
    assert.equal(withMergedCounts(stored, { ...stored, extensions: {} }), stored);
  });
});
