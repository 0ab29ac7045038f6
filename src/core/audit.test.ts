import { it } from 'node:test';
import assert from 'node:assert/strict';
import { auditEntryJson, sealAuditEntries, verifyAuditTrail, type AuditDraft } from './audit.js';
import { toCanonicalJson } from './canonical-json.js';

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

it("a coalesced record's count is part of what its hash seals", () => {
  const [entry] = sealAuditEntries(undefined, [{ ...draft(1), count: 3 }]);
  assert.equal(verifyAuditTrail([entry!]).ok, true);
  const verdict = verifyAuditTrail([{ ...entry!, count: 1 }]);
  assert.deepEqual(verdict.ok ? undefined : verdict.badSeq, 1, 'a count lowered after writing');
});

it('verifies from a prune checkpoint and refuses records that do not link to it', () => {
  const entries = sealAuditEntries(undefined, [draft(1), draft(2), draft(3)]);
  const checkpoint = { seq: 1, hash: entries[0]!.hash, at: entries[0]!.at };
  assert.equal(verifyAuditTrail(entries.slice(1), checkpoint).ok, true);
  const forged = { ...checkpoint, hash: 'f'.repeat(64) };
  assert.equal((verifyAuditTrail(entries.slice(1), forged) as { badSeq: number }).badSeq, 2);
});

it('seals with the canonical JSON of the entry, as the chain was first written', () => {
  const tricky: AuditDraft = {
    at: '2026-03-01T09:00:00.000Z',
    actorId: 'user--1',
    actorName: 'Zoë "the" \\ analyst\u2028\u0000',
    action: 'object.read-restricted',
    targets: 'threat-actor--1 incident--2',
    origin: '::ffff:127.0.0.1',
    status: 200,
  };
  const drafts = [
    tricky,
    draft(1),
    { ...draft(2), actorId: '', status: 0, targets: '𝔸 ü' },
    { ...draft(3), action: 'taxii.read' as const, count: 12 },
  ];
  for (const d of drafts) {
    const [entry] = sealAuditEntries({ seq: 41, hash: 'a'.repeat(64) }, [d]);
    // A record of one event is hashed without its count, as records were before counts existed.
    const { hash: _hash, count, ...content } = entry!;
    const hashed = count === 1 ? content : { ...content, count };
    assert.equal(auditEntryJson(entry!), toCanonicalJson(hashed));
  }
  // A chain written before the direct writer still verifies: this hash was computed by the
  // generic canonical writer.
  const [entry] = sealAuditEntries({ seq: 41, hash: 'a'.repeat(64) }, [
    { ...tricky, actorName: 'Zoë "the" \\ analyst\u2028' },
  ]);
  assert.equal(entry!.hash, 'aa070c4be6a2c259904a5fba9635974b309d115cbcdfb4384a9d6a48c87a64fa');
  assert.equal(entry!.count, 1);
});
