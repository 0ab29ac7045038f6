import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashLedgerEntry, sealLedgerEntries, verifyLedger, type LedgerDraft } from './ledger.js';
import { sha256Hex, toCanonicalJson } from './canonical-json.js';

const drafts: LedgerDraft[] = [1, 2, 3, 4].map((n) => ({
  partnerId: 'identity--00000000-0000-4000-8000-000000000001',
  objectId: `incident--00000000-0000-4000-8000-00000000000${n}`,
  objectVersion: '2026-05-01T00:00:00.000Z',
  sha256: sha256Hex(`object ${n}`),
  releaseId: 'r1',
  approver: 'bea',
  action: 'release',
  at: '2026-05-01T00:00:00.000Z',
}));

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined properties and writes no whitespace', () => {
    assert.equal(
      toCanonicalJson({ b: [3, { z: 1, a: 'x' }], a: undefined, c: null, é: 'ü' }),
      '{"b":[3,{"a":"x","z":1}],"c":null,"é":"ü"}',
    );
    assert.throws(() => toCanonicalJson({ n: Number.NaN }), /NaN/);
  });
});

describe('the ledger chain', () => {
  it('hashes an entry over the previous hash and its canonical content', () => {
    const [first] = sealLedgerEntries(undefined, drafts);
    assert.ok(first);
    const { hash, ...content } = first;
    assert.equal(hash, sha256Hex(`\n${toCanonicalJson(content)}`));
    assert.equal(hashLedgerEntry(first), hash);
  });

  it('continues from a head and verifies an intact chain', () => {
    const a = sealLedgerEntries(undefined, drafts.slice(0, 2));
    const last = a[a.length - 1];
    assert.ok(last);
    const b = sealLedgerEntries({ seq: last.seq, hash: last.hash }, drafts.slice(2));
    const verdict = verifyLedger([...a, ...b]);
    assert.deepEqual(verdict, { ok: true, entries: 4, head: b[1]?.hash });
    assert.deepEqual(verifyLedger([]), { ok: true, entries: 0 });
  });

  it('names the first altered, removed or reordered entry', () => {
    const chain = sealLedgerEntries(undefined, drafts);
    const altered = chain.map((e) => (e.seq === 2 ? { ...e, approver: 'mallory' } : e));
    assert.deepEqual(pick(verifyLedger(altered)), { badSeq: 2, reason: /altered/ });
    const removed = chain.filter((e) => e.seq !== 2);
    assert.deepEqual(pick(verifyLedger(removed)), { badSeq: 3, reason: /removed or reordered/ });
    const renumbered = removed.map((e, i) => ({ ...e, seq: i + 1 }));
    assert.equal(verifyLedger(renumbered).ok, false);
    const swapped = [chain[0], chain[2], chain[1], chain[3]].map((e, i) => ({ ...e!, seq: i + 1 }));
    assert.deepEqual(pick(verifyLedger(swapped)), { badSeq: 2, reason: /link/ });
  });
});

function pick(verdict: ReturnType<typeof verifyLedger>): { badSeq: number; reason: RegExp } | 'ok' {
  if (verdict.ok) return 'ok';
  return {
    badSeq: verdict.badSeq,
    reason: new RegExp(
      verdict.reason.includes('altered')
        ? 'altered'
        : verdict.reason.includes('link')
          ? 'link'
          : 'removed or reordered',
    ),
  };
}
