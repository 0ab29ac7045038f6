import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KyselyPlugin } from 'kysely';
import { ENGINES, createTestDatabase, skipReasonFor } from '../../test/support/engines.js';
import { prepareRead } from './prepared-read.js';

interface Row {
  id: string;
  title: string;
}

const collection = (id: string, title: string, partnerId: string | null) => ({
  id,
  title,
  can_read: 1,
  can_write: 0,
  media_types: '[]',
  partner_id: partnerId,
  direction: 'outbound',
});

for (const engine of ENGINES) {
  describe(`prepareRead on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('binds each call its own parameters beside the constants of the query', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const db = t.database.db;
      await db
        .insertInto('taxii_collections')
        .values([
          collection('c1', 'First', 'p1'),
          collection('c2', 'Second', 'p1'),
          collection('c3', 'Third', 'p2'),
          collection('c4', 'Fourth', null),
        ])
        .execute();
      const outboundOf = prepareRead<{ partnerId: string; after: string }, Row>(
        t.database,
        (slot) =>
          db
            .selectFrom('taxii_collections')
            .select(['id', 'title'])
            .where('direction', '=', 'outbound')
            .where('partner_id', '=', slot('partnerId'))
            .where('id', '>', slot('after'))
            .orderBy('id')
            .$castTo<Row>(),
      );
      assert.deepEqual(await outboundOf({ partnerId: 'p1', after: '' }), [
        { id: 'c1', title: 'First' },
        { id: 'c2', title: 'Second' },
      ]);
      assert.deepEqual(await outboundOf({ partnerId: 'p1', after: 'c1' }), [
        { id: 'c2', title: 'Second' },
      ]);
      assert.deepEqual(await outboundOf({ partnerId: 'p2', after: '' }), [
        { id: 'c3', title: 'Third' },
      ]);
      assert.deepEqual(await outboundOf({ partnerId: 'nobody', after: '' }), []);
      // A value that looks like SQL is a parameter, never text of the statement.
      assert.deepEqual(await outboundOf({ partnerId: "p1' or '1'='1", after: '' }), []);
    });

    it('runs each call through Kysely when plugins are installed, so they see every read', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      let seen = 0;
      const watcher: KyselyPlugin = {
        transformQuery: (args) => {
          seen++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const db = t.database.db.withPlugin(watcher);
      const byId = prepareRead<{ id: string }, Row>({ ...t.database, db }, (slot) =>
        db
          .selectFrom('taxii_collections')
          .select(['id', 'title'])
          .where('id', '=', slot('id'))
          .$castTo<Row>(),
      );
      await byId({ id: 'a' });
      await byId({ id: 'b' });
      assert.equal(seen, 2);
    });
  });
}
