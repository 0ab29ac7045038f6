import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sealAuditEntries, verifyAuditTrail, type AuditDraft } from './audit.js';

const draft = (n: number): AuditDraft => ({
  at: `2026-03-01T09:00:0${n}.000Z`,
  actorId: 'u1',
  actorName: 'ana',
  action: 'object.search',
  targets: '',
  origin: '127.0.0.1',
  status: 200,
});

it('chains records and names the first one altered, removed or reordered', () => {
  const entries = sealAuditEntries(undefined, [draft(1), draft(2), draft(3)]);
  assert.deepEqual(verifyAuditTrail(entries), { ok: true, entries: 3, head: entries[2]!.hash });
  const altered = entries.map((e) => (e.seq === 2 ? { ...e, actorName: 'bea' } : e));
  assert.deepEqual(verifyAuditTrail(altered), {
    ok: false,
    entries: 3,
    badSeq: 2,
    reason: 'entry 2 was altered after it was written',
  });
  const removed = [entries[0]!, entries[2]!];
  assert.equal((verifyAuditTrail(removed) as { badSeq: number }).badSeq, 3);
  const swapped = [entries[1]!, entries[0]!, entries[2]!];
  assert.equal((verifyAuditTrail(swapped) as { badSeq: number }).badSeq, 2);
});

it('verifies from a prune checkpoint and refuses records that do not link to it', () => {
  const entries = sealAuditEntries(undefined, [draft(1), draft(2), draft(3)]);
  const checkpoint = { seq: 1, hash: entries[0]!.hash, at: entries[0]!.at };
  assert.equal(verifyAuditTrail(entries.slice(1), checkpoint).ok, true);
  const forged = { ...checkpoint, hash: 'f'.repeat(64) };
  assert.equal((verifyAuditTrail(entries.slice(1), forged) as { badSeq: number }).badSeq, 2);
});
