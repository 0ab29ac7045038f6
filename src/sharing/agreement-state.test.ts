import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Agreement } from '../core/ports/sharing.js';
import { getEffectiveState, getPartnerAccessLevel } from './agreement-state.js';

const base: Agreement = {
  id: 'a1',
  partnerId: 'identity--00000000-0000-4000-8000-000000000001',
  title: 'ISIS-K',
  tlp: 'amber',
  iep: {
    permittedActions: 'none',
    affectedPartyNotifications: 'must-not',
    attribution: 'must-not',
    unmodifiedResale: 'must-not',
    encryptInTransit: 'must',
  },
  iepMarkingUuid: '00000000-0000-4000-8000-00000000000a',
  conditions: [
    {
      id: 'c1',
      text: 'Guarantees for the rights of Afghan women',
      reviewDate: '2026-06-01T00:00:00.000Z',
      expires: '2026-12-01T00:00:00.000Z',
    },
  ],
  state: 'active',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  expires: '2027-01-01T00:00:00.000Z',
};
const at = (iso: string) => new Date(iso);

describe('the effective state of an agreement', () => {
  it('is active until a condition is due for review, then suspended by the clock alone', () => {
    assert.equal(getEffectiveState(base, at('2026-05-31T23:59:59.000Z')).state, 'active');
    const due = getEffectiveState(base, at('2026-06-01T00:00:00.000Z'));
    assert.equal(due.state, 'suspended');
    assert.match(due.reasons[0] ?? '', /due for review/);
  });

  it('is suspended by a breach or an expired condition, ended past its own end date or when ended', () => {
    const breached = {
      ...base,
      conditions: [{ ...base.conditions[0]!, breached: '2026-02-01T00:00:00.000Z' }],
    };
    assert.equal(getEffectiveState(breached, at('2026-03-01T00:00:00.000Z')).state, 'suspended');
    const reviewed = {
      ...base,
      conditions: [{ ...base.conditions[0]!, reviewDate: '2026-12-15T00:00:00.000Z' }],
    };
    assert.match(
      getEffectiveState(reviewed, at('2026-12-02T00:00:00.000Z')).reasons[0] ?? '',
      /expired/,
    );
    assert.equal(getEffectiveState(base, at('2027-01-01T00:00:00.000Z')).state, 'ended');
    assert.equal(
      getEffectiveState({ ...base, state: 'ended' }, at('2026-02-01T00:00:00.000Z')).state,
      'ended',
    );
    assert.equal(
      getEffectiveState({ ...base, state: 'suspended' }, at('2026-02-01T00:00:00.000Z')).state,
      'suspended',
    );
  });

  it('gives a partner full access with one active agreement, revocations only without, none with none', () => {
    const now = at('2026-07-01T00:00:00.000Z');
    const fresh = { ...base, id: 'a2', conditions: [] };
    assert.equal(getPartnerAccessLevel([base, fresh], now), 'full');
    assert.equal(getPartnerAccessLevel([base], now), 'revocations-only');
    assert.equal(getPartnerAccessLevel([], now), 'none');
  });
});
