import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from '../../../test/support/engines.js';
import type { Partner } from '../../core/ports/sharing.js';
import { createPartnerRepository } from './partner-repository.js';

const partner = (n: number, name: string): Partner => {
  const id =
    `identity--00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}` as Partner['id'];
  return {
    id,
    name,
    trustTier: 'limited',
    identity: {
      type: 'identity',
      spec_version: '2.1',
      id: id as Partner['identity']['id'],
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      name,
      identity_class: 'organization',
    },
    created: '2026-01-01T00:00:00.000Z',
  };
};

for (const engine of ENGINES) {
  describe(`partner repository on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('names the partner of a live credential in one lookup, and nobody once it is revoked', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const partners = createPartnerRepository(t.database);
      const north = partner(1, 'Northern Service');
      const south = partner(2, 'Southern Service');
      await partners.createPartner(north);
      await partners.createPartner(south);
      const credential = (id: string, owner: Partner, hash: string) =>
        partners.addCredential({
          id,
          partnerId: owner.id,
          label: 'client',
          secretHash: hash,
          created: '2026-01-02T00:00:00.000Z',
        });
      await credential('c1', north, 'a'.repeat(64));
      await credential('c2', south, 'b'.repeat(64));

      const found = await partners.findPartnerByLiveCredential('a'.repeat(64));
      assert.deepEqual(
        { id: found?.id, name: found?.name },
        { id: north.id, name: 'Northern Service' },
      );
      assert.match(found?.sharingState ?? '', /^[0-9a-f-]{32,36}$/, 'the sharing state token');
      assert.equal((await partners.findPartnerByLiveCredential('b'.repeat(64)))?.id, south.id);
      assert.equal(await partners.findPartnerByLiveCredential('c'.repeat(64)), undefined);

      assert.equal(await partners.revokeCredential('c1', '2026-01-03T00:00:00.000Z'), true);
      // Nothing is cached between the revocation and the next lookup: it is refused at once.
      assert.equal(await partners.findPartnerByLiveCredential('a'.repeat(64)), undefined);
      assert.equal((await partners.findPartnerByLiveCredential('b'.repeat(64)))?.id, south.id);
    });
  });
}
