import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase, skipReasonFor } from '../../../test/support/engines.js';
import { createCollectionRepository } from './collection-repository.js';
import { createTaxiiStatusRepository } from './taxii-status-repository.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import type { StixId } from '../../core/stix/stix-id.js';
import type { Collection } from '../../core/ports/collection-repository.js';
import { TLP2_MARKING_IDS } from '../../core/vocab/tlp.js';

const collection: Collection = {
  id: '5b0b2a4e-1d55-4c36-9a0e-6f1f6c2a0001',
  title: 'Outbound to partner A',
  canRead: true,
  canWrite: false,
  mediaTypes: ['application/stix+json;version=2.1'],
  partnerId: 'identity--00000000-0000-4000-8000-00000000000a',
  direction: 'outbound',
};

const actor = (n: number, modified: string, extra: Partial<StixObject> = {}): StixObject => ({
  type: 'threat-actor',
  spec_version: '2.1',
  id: `threat-actor--00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}` as StixId,
  created: '2024-01-01T00:00:00.000Z',
  modified,
  name: `Group ${n}`,
  ...extra,
});

for (const engine of ENGINES) {
  describe(`collection repository on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('tells which pages may name an audited marking, from the rows as they were stored', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const repo = createCollectionRepository(t.database);
      await repo.createCollection(collection);
      const day = '2024-01-01T00:00:00.000Z';
      const marked = (n: number, id: string) => actor(n, day, { object_marking_refs: [id] });
      await repo.addObjects(
        collection.id,
        [actor(1, day), marked(2, TLP2_MARKING_IDS.green)],
        '2024-02-01T00:00:00Z',
      );
      await repo.addObjects(
        collection.id,
        [marked(3, TLP2_MARKING_IDS.amber), marked(4, TLP2_MARKING_IDS.red)],
        '2024-02-02T00:00:00Z',
      );
      const first = await repo.queryObjectsJson(collection.id, { limit: 2 });
      first.release?.();
      assert.equal(first.mayHoldAudited, false);
      const second = await repo.queryObjectsJson(collection.id, { limit: 2, next: first.next! });
      second.release?.();
      assert.equal(second.mayHoldAudited, true);
      // A row some other writer stored without the check counts as one that may.
      await sql`update taxii_collection_objects set may_hold_audited = 1
        where object_id = ${actor(1, day).id}`.execute(t.database.db);
      const again = await repo.queryObjectsJson(collection.id, { limit: 2 });
      again.release?.();
      assert.equal(again.mayHoldAudited, true);
    });

    it('gives the objects endpoint the same pages as bytes, read off the main thread', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const repo = createCollectionRepository(t.database);
      await repo.createCollection(collection);
      for (let batch = 0; batch < 3; batch++) {
        const objects = Array.from({ length: 6 }, (_, i) =>
          actor(batch * 6 + i, '2024-01-01T00:00:00.000Z', { description: `Grupo «${i}» – ü` }),
        );
        await repo.addObjects(collection.id, objects, `2024-02-0${batch + 1}T00:00:00Z`);
      }
      await repo.addObjects(
        collection.id,
        [actor(0, '2024-03-01T00:00:00.000Z', { revoked: true })],
        '2024-03-02T00:00:00Z',
      );
      const queries = [
        { limit: 5 },
        { limit: 4, addedAfter: '2024-02-01T00:00:00Z' },
        { limit: 3, types: ['threat-actor'], versions: ['all'] },
        { limit: 2, onlyRevoked: true },
        { limit: 10, addedAfter: '2030-01-01T00:00:00Z' },
      ];
      for (const first of queries) {
        let query: typeof first & { next?: string } = first;
        for (;;) {
          const page = await repo.queryObjects(collection.id, query);
          const bytes = await repo.queryObjectsJson(collection.id, query, {
            before: 7,
            after: 3,
          });
          assert.equal(bytes.jsonStart, 7);
          assert.ok(bytes.bytes.length >= bytes.jsonEnd + 3, 'the room after the page');
          const text = new TextDecoder().decode(
            bytes.bytes.subarray(bytes.jsonStart, bytes.jsonEnd),
          );
          assert.equal(text, page.entries.map((e) => e.json).join(','), JSON.stringify(query));
          assert.equal(bytes.count, page.entries.length);
          assert.equal(bytes.firstAdded, page.entries[0]?.dateAdded);
          assert.equal(bytes.lastAdded, page.entries.at(-1)?.dateAdded);
          assert.equal(bytes.more, page.more);
          assert.equal(bytes.next, page.next);
          bytes.release?.();
          if (!page.next) break;
          query = { ...first, next: page.next };
        }
      }
    });

    it('pages through every latest version exactly once, in date_added order', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const repo = createCollectionRepository(t.database);
      await repo.createCollection(collection);
      for (let batch = 0; batch < 5; batch++) {
        const objects = Array.from({ length: 7 }, (_, i) =>
          actor(batch * 7 + i, '2024-01-01T00:00:00.000Z'),
        );
        await repo.addObjects(collection.id, objects, `2024-02-0${batch + 1}T00:00:00.5Z`);
      }
      // A second version of object 0, added last: `last` moves it to the end.
      await repo.addObjects(
        collection.id,
        [actor(0, '2024-03-01T00:00:00.000Z')],
        '2024-03-02T00:00:00Z',
      );
      const seen: string[] = [];
      let next: string | undefined;
      let pages = 0;
      do {
        const page = await repo.queryObjects(collection.id, { limit: 4, next });
        pages++;
        seen.push(...page.entries.map((e) => `${e.object.id}@${e.object.modified}`));
        assert.equal(page.more, page.next !== undefined);
        next = page.next;
      } while (next);
      assert.equal(pages, 9);
      assert.equal(seen.length, 35);
      assert.equal(new Set(seen).size, 35);
      assert.equal(seen.at(-1), `${actor(0, '').id}@2024-03-01T00:00:00.000Z`);
      const all = await repo.queryObjects(collection.id, { limit: 100, versions: ['all'] });
      assert.equal(all.entries.length, 36);
      const first = await repo.queryObjects(collection.id, {
        limit: 100,
        ids: [actor(0, '').id],
        versions: ['first'],
      });
      assert.deepEqual(
        first.entries.map((e) => e.object.modified),
        ['2024-01-01T00:00:00.000Z'],
      );
      assert.equal(first.entries[0]!.dateAdded, '2024-02-01T00:00:00.500000Z');
    });

    it('applies added_after strictly, type and revocation filters, and refuses foreign cursors', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const repo = createCollectionRepository(t.database);
      await repo.createCollection(collection);
      await repo.addObjects(
        collection.id,
        [actor(1, '2024-01-01T00:00:00.000Z')],
        '2024-02-01T00:00:00Z',
      );
      await repo.addObjects(
        collection.id,
        [actor(2, '2024-01-02T00:00:00.000Z', { revoked: true })],
        '2024-02-02T00:00:00Z',
      );
      const after = await repo.queryObjects(collection.id, {
        limit: 10,
        addedAfter: '2024-02-01T00:00:00Z',
      });
      assert.deepEqual(
        after.entries.map((e) => e.object.id),
        [actor(2, '').id],
      );
      const revoked = await repo.queryObjects(collection.id, { limit: 10, onlyRevoked: true });
      assert.deepEqual(
        revoked.entries.map((e) => e.object.id),
        [actor(2, '').id],
      );
      const none = await repo.queryObjects(collection.id, { limit: 10, types: ['incident'] });
      assert.equal(none.entries.length, 0);
      const page = await repo.queryObjects(collection.id, { limit: 1 });
      assert.ok(page.next);
      await assert.rejects(
        repo.queryObjects(collection.id, { limit: 1, next: page.next, types: ['incident'] }),
        { code: 'TEARLINE_E_TAXII_BAD_NEXT' },
      );
      await assert.rejects(
        repo.queryObjects(collection.id, { limit: 1, next: 'bm90LWEtY3Vyc29y' }),
        {
          code: 'TEARLINE_E_TAXII_BAD_NEXT',
        },
      );
      await assert.rejects(
        repo.queryObjects(collection.id, { limit: 1, addedAfter: 'yesterday' }),
        {
          code: 'TEARLINE_E_TAXII_BAD_FILTER',
        },
      );
    });

    it('answers "last version added after X" like the spec reference, versions added in any order', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const repo = createCollectionRepository(t.database);
      await repo.createCollection(collection);
      // A small deterministic generator: versions of 6 objects, two spec versions, added out
      // of order across 12 deliveries, some deleted again.
      let seed = 7;
      const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
      const rows: Array<{ id: string; spec: string; version: string; added: string }> = [];
      for (let d = 0; d < 12; d++) {
        const added = `2024-06-${String(d + 1).padStart(2, '0')}T00:00:00.000000Z`;
        const batch: StixObject[] = [];
        for (let k = 0; k < 4; k++) {
          const n = rand(6);
          const version = `2024-01-${String(rand(28) + 1).padStart(2, '0')}T00:00:00.000Z`;
          const spec = rand(4) === 0 ? '2.0' : '2.1';
          const o = actor(n, version, spec === '2.0' ? { spec_version: undefined } : {});
          if (spec === '2.0') delete o.spec_version;
          if (
            rows.some((r) => r.id === o.id && r.version === version) ||
            batch.some((b) => b.id === o.id && b.modified === version)
          )
            continue;
          batch.push(o);
          rows.push({ id: o.id, spec, version, added });
        }
        await repo.addObjects(collection.id, batch, added);
        if (d % 5 === 4) {
          const victim = rows[rand(rows.length)]!;
          await repo.deleteObject(collection.id, victim.id, { versions: [victim.version] });
          rows.splice(rows.indexOf(victim), 1);
        }
      }
      const rank = (r: (typeof rows)[number]) => `${r.spec}|${r.version}`;
      for (const after of [
        undefined,
        '2024-06-03T00:00:00Z',
        '2024-06-07T12:00:00Z',
        '2024-06-11T00:00:00Z',
      ]) {
        const passing = rows.filter((r) => !after || r.added > after.replace('Z', '.000000Z'));
        const expected = passing
          .filter((r) => !passing.some((s) => s.id === r.id && rank(s) > rank(r)))
          .map((r) => `${r.id}@${r.version}`)
          .sort();
        const page = await repo.queryObjects(collection.id, {
          limit: 1000,
          ...(after ? { addedAfter: after } : {}),
        });
        const got = page.entries.map((e) => `${e.object.id}@${e.object.modified}`).sort();
        assert.deepEqual(got, expected, `added_after ${after}`);
      }
    });

    it('keeps a version already there, deletes by version filter, and isolates statuses', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const repo = createCollectionRepository(t.database);
      await repo.createCollection(collection);
      const versions = [
        '2024-01-01T00:00:00.000Z',
        '2024-01-02T00:00:00.000Z',
        '2024-01-03T00:00:00.000Z',
      ];
      await repo.addObjects(
        collection.id,
        versions.map((v) => actor(1, v)),
        '2024-02-01T00:00:00Z',
      );
      await repo.addObjects(
        collection.id,
        [actor(1, versions[0]!, { name: 'changed' })],
        '2024-02-05T00:00:00Z',
      );
      const all = await repo.queryObjects(collection.id, { limit: 10, versions: ['all'] });
      assert.equal(all.entries.length, 3);
      assert.equal(all.entries[0]!.object.name, 'Group 1');
      assert.equal(
        await repo.deleteObject(collection.id, actor(1, '').id, { versions: ['first'] }),
        1,
      );
      assert.equal(
        await repo.deleteObject(collection.id, actor(1, '').id, { specVersions: ['2.0'] }),
        0,
      );
      assert.equal(await repo.deleteObject(collection.id, actor(1, '').id), 2);
      const status = {
        id: 'b1c6a1d2-0000-4000-8000-000000000001',
        status: 'complete' as const,
        request_timestamp: '2024-02-01T00:00:00.000000Z',
        total_count: 0,
        success_count: 0,
        successes: [],
        failure_count: 0,
        failures: [],
        pending_count: 0,
        pendings: [],
      };
      const statuses = createTaxiiStatusRepository(t.database);
      await statuses.saveStatus('partner:a', status);
      assert.deepEqual(await statuses.getStatus('partner:a', status.id), status);
      assert.equal(await statuses.getStatus('partner:b', status.id), undefined);
      assert.deepEqual(
        (await repo.listCollections({ partnerId: collection.partnerId })).map((c) => c.id),
        [collection.id],
      );
      assert.deepEqual(await repo.listCollections({ partnerId: 'someone-else' }), []);
    });

    it('stores a delivery in page order, whatever order the caller gives', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const repo = createCollectionRepository(t.database);
      await repo.createCollection(collection);
      const numbers = [5, 1, 9, 3, 7, 2, 8, 4, 6];
      await repo.addObjects(
        collection.id,
        numbers.map((n) => actor(n, '2024-01-01T00:00:00.000Z')),
        '2024-02-01T00:00:00Z',
      );
      // Physical order: SQLite's rowid, PostgreSQL's ctid (rows never updated here).
      const physical = t.database.engine === 'sqlite' ? sql`rowid` : sql`ctid`;
      const stored = await sql<{ object_id: string }>`select object_id
        from taxii_collection_objects order by ${physical}`.execute(t.database.db);
      const ids = numbers.map((n) => actor(n, '').id).sort();
      assert.deepEqual(
        stored.rows.map((r) => r.object_id),
        ids,
      );
      const page = await repo.queryObjects(collection.id, { limit: 100 });
      assert.deepEqual(
        page.entries.map((e) => e.object.id),
        ids,
      );
    });
  });
}
