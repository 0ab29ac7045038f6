import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase, skipReasonFor } from '../../../test/support/engines.js';
import { createStore } from '../create-store.js';
import type { Agreement } from '../../core/ports/sharing.js';

const PARTNER = 'identity--00000000-0000-4000-8000-0000000000a1';

for (const engine of ENGINES) {
  describe(`sharing state token on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('takes a new value with every agreement and collection change, and only then', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const store = createStore(t.database);
      const token = async () =>
        (await sql<{ token: string }>`select token from sharing_state`.execute(t.database.db)).rows;
      const seen = new Set<string>();
      const changed = async (what: string) => {
        const rows = await token();
        assert.equal(rows.length, 1, 'one row');
        assert.ok(!seen.has(rows[0]!.token), `${what} gives a new token`);
        seen.add(rows[0]!.token);
      };
      await changed('the migration');
      await store.sharing.partners.createPartner({
        id: PARTNER,
        name: 'North',
        trustTier: 'limited',
        identity: { type: 'identity', spec_version: '2.1', id: PARTNER } as never,
        created: '2026-01-01T00:00:00.000Z',
      });
      const agreement = {
        id: 'agreement-1',
        partnerId: PARTNER,
        title: 'A',
        state: 'active',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
      } as unknown as Agreement;
      const event = (n: number) =>
        ({
          agreementId: 'agreement-1',
          at: `2026-01-0${n}T00:00:00.000Z`,
          actor: 'bea',
          action: 'created',
          reason: 'test',
        }) as never;
      await store.sharing.agreements.createAgreement(agreement, event(1));
      await changed('a new agreement');
      await store.sharing.agreements.updateAgreement(
        { ...agreement, state: 'suspended', modified: '2026-01-02T00:00:00.000Z' },
        event(2),
      );
      await changed('a changed agreement');
      await store.collections.createCollection({
        id: 'c0000000-0000-4000-8000-000000000001',
        title: 'Out',
        canRead: true,
        canWrite: false,
        mediaTypes: ['application/stix+json;version=2.1'],
        partnerId: PARTNER,
        direction: 'outbound',
      });
      await changed('a new collection');
      const before = (await token())[0]!.token;
      await store.collections.addObjects(
        'c0000000-0000-4000-8000-000000000001',
        [
          {
            type: 'threat-actor',
            spec_version: '2.1',
            id: 'threat-actor--00000000-0000-4000-8000-000000000001',
            created: '2026-01-01T00:00:00.000Z',
            modified: '2026-01-01T00:00:00.000Z',
          },
        ],
        '2026-01-03T00:00:00Z',
      );
      assert.equal((await token())[0]!.token, before, 'a delivery into a collection keeps it');
      await sql`delete from taxii_collections where id = 'c0000000-0000-4000-8000-000000000001'`.execute(
        t.database.db,
      );
      await changed('a deleted collection');
    });
  });
}
