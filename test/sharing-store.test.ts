import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { createSharingStore } from '../src/store/sharing/sharing-store.js';
import type { Agreement, Partner } from '../src/core/ports/sharing.js';
import { sealLedgerEntries, verifyLedger, type LedgerDraft } from '../src/sharing/ledger.js';

const partner: Partner = {
  id: 'identity--00000000-0000-4000-8000-0000000000a1',
  name: 'Northern Partner Service',
  trustTier: 'limited',
  identity: {
    type: 'identity',
    spec_version: '2.1',
    id: 'identity--00000000-0000-4000-8000-0000000000a1',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    name: 'Northern Partner Service',
    identity_class: 'organization',
  },
  created: '2026-01-01T00:00:00.000Z',
};

const agreement: Agreement = {
  id: '00000000-0000-4000-8000-0000000000b1',
  partnerId: partner.id,
  title: 'ISIS-K tracking',
  tlp: 'amber',
  iep: {
    permittedActions: 'internally-visible-actions',
    affectedPartyNotifications: 'must-not',
    attribution: 'must-not',
    unmodifiedResale: 'must-not',
    encryptInTransit: 'must',
  },
  iepMarkingUuid: '00000000-0000-4000-8000-0000000000b2',
  conditions: [],
  state: 'active',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
};

function drafts(n: number, offset = 0): LedgerDraft[] {
  return Array.from({ length: n }, (_, i) => ({
    partnerId: partner.id,
    objectId: `incident--00000000-0000-4000-8000-${(offset + i).toString(16).padStart(12, '0')}`,
    objectVersion: '2026-02-01T00:00:00.000Z',
    sha256: 'ab'.repeat(32),
    releaseId: 'r1',
    approver: 'bea',
    action: 'release' as const,
    at: '2026-02-01T00:00:00.000Z',
  }));
}

for (const engine of ENGINES) {
  describe(`sharing store on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('stores partners and credentials, finds a credential by hash, revokes it once', async () => {
      const t = await createTestDatabase(engine);
      try {
        const s = createSharingStore(t.database);
        await s.partners.createPartner(partner);
        assert.deepEqual(await s.partners.getPartner(partner.id), partner);
        await s.partners.addCredential({
          id: 'c1',
          partnerId: partner.id,
          label: 'taxii client',
          secretHash: 'f'.repeat(64),
          created: '2026-01-02T00:00:00.000Z',
        });
        assert.equal((await s.partners.findCredentialByHash('f'.repeat(64)))?.id, 'c1');
        assert.equal(await s.partners.findCredentialByHash('e'.repeat(64)), undefined);
        assert.equal(await s.partners.revokeCredential('c1', '2026-01-03T00:00:00.000Z'), true);
        assert.equal(await s.partners.revokeCredential('c1', '2026-01-04T00:00:00.000Z'), false);
        const [listed] = await s.partners.listCredentials(partner.id);
        assert.equal(listed?.revoked, '2026-01-03T00:00:00.000Z');
      } finally {
        await t.dispose();
      }
    });

    it('keeps every agreement change with who, when and why, in order', async () => {
      const t = await createTestDatabase(engine);
      try {
        const s = createSharingStore(t.database);
        await s.partners.createPartner(partner);
        const at = '2026-01-01T00:00:00.000Z';
        await s.agreements.createAgreement(agreement, {
          agreementId: agreement.id,
          at,
          actor: 'ana',
          action: 'created',
          reason: 'signed',
        });
        await s.agreements.updateAgreement(
          { ...agreement, state: 'suspended' },
          {
            agreementId: agreement.id,
            at,
            actor: 'ana',
            action: 'suspended',
            reason: 'breach',
          },
        );
        await s.agreements.updateAgreement(agreement, {
          agreementId: agreement.id,
          at,
          actor: 'bea',
          action: 'resumed',
          reason: 'remedied',
        });
        assert.equal((await s.agreements.getAgreement(agreement.id))?.state, 'active');
        const events = await s.agreements.listEvents(agreement.id);
        assert.deepEqual(
          events.map((e) => `${e.actor}:${e.action}:${e.reason}`),
          ['ana:created:signed', 'ana:suspended:breach', 'bea:resumed:remedied'],
        );
        assert.equal((await s.agreements.listAgreements({ partnerId: partner.id })).length, 1);
        assert.equal((await s.agreements.listAgreements({ partnerId: 'identity--x' })).length, 0);
      } finally {
        await t.dispose();
      }
    });

    it('chains ledger appends and detects altered, removed and reordered rows', async () => {
      const t = await createTestDatabase(engine);
      try {
        const s = createSharingStore(t.database);
        await s.ledger.append((head) => sealLedgerEntries(head, drafts(3)));
        await s.ledger.append((head) => sealLedgerEntries(head, drafts(3, 3)));
        const entries = await s.ledger.listEntries();
        assert.deepEqual(
          entries.map((e) => e.seq),
          [1, 2, 3, 4, 5, 6],
        );
        assert.equal(verifyLedger(entries).ok, true);
        const db = t.database.db;

        await sql`update sharing_ledger set approver = 'mallory' where seq = 4`.execute(db);
        assertBad(verifyLedger(await s.ledger.listEntries()), 4, /altered/);
        await sql`update sharing_ledger set approver = 'bea' where seq = 4`.execute(db);
        assert.equal(verifyLedger(await s.ledger.listEntries()).ok, true);

        // Reordered: swap two rows' positions.
        await sql`update sharing_ledger set seq = 100 where seq = 2`.execute(db);
        await sql`update sharing_ledger set seq = 2 where seq = 3`.execute(db);
        await sql`update sharing_ledger set seq = 3 where seq = 100`.execute(db);
        assertBad(verifyLedger(await s.ledger.listEntries()), 2, /link/);
      } finally {
        await t.dispose();
      }
    });

    it('detects a removed row in the middle of the chain', async () => {
      const t = await createTestDatabase(engine);
      try {
        const s = createSharingStore(t.database);
        await s.ledger.append((head) => sealLedgerEntries(head, drafts(5)));
        await sql`delete from sharing_ledger where seq = 3`.execute(t.database.db);
        assertBad(verifyLedger(await s.ledger.listEntries()), 4, /removed or reordered/);
      } finally {
        await t.dispose();
      }
    });

    it('does not fork the chain when two appends race', async () => {
      const t = await createTestDatabase(engine);
      try {
        const s = createSharingStore(t.database);
        await Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            s.ledger.append((head) => sealLedgerEntries(head, drafts(2, i * 2))),
          ),
        );
        const entries = await s.ledger.listEntries();
        assert.equal(entries.length, 10);
        assert.equal(verifyLedger(entries).ok, true);
      } finally {
        await t.dispose();
      }
    });
  });
}

function assertBad(verdict: ReturnType<typeof verifyLedger>, seq: number, reason: RegExp): void {
  assert.equal(verdict.ok, false);
  if (!verdict.ok) {
    assert.equal(verdict.badSeq, seq);
    assert.match(verdict.reason, reason);
  }
}
