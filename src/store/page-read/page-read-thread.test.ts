import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from '../../../test/support/engines.js';
import { createCollectionRepository } from '../collections/collection-repository.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import type { StixId } from '../../core/stix/stix-id.js';

const COLLECTION = '5b0b2a4e-1d55-4c36-9a0e-6f1f6c2a0002';
const PAGE_SQL = {
  sqlite:
    'select object_id, version, date_added, object from taxii_collection_objects order by 3, 1, 2 limit ? offset ?',
  postgres:
    'select object_id, version, date_added, object from taxii_collection_objects order by 3, 1, 2 limit $1 offset $2',
};

const report = (n: number, description: string): StixObject => ({
  type: 'report',
  spec_version: '2.1',
  id: `report--00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}` as StixId,
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-01-01T00:00:00.000Z',
  name: `Report ${n}`,
  description,
  published: '2024-01-01T00:00:00.000Z',
  object_refs: ['identity--00000000-0000-4000-8000-000000000001'],
});

/** The page's JSON as text, and the ids it holds. */
function idsOf(page: { bytes: Uint8Array; jsonStart: number; jsonEnd: number }): string[] {
  const text = Buffer.from(page.bytes.buffer, page.bytes.byteOffset, page.bytes.byteLength)
    .subarray(page.jsonStart, page.jsonEnd)
    .toString('utf8');
  return (JSON.parse(`[${text}]`) as StixObject[]).map((o) => o.id);
}

for (const engine of ENGINES)
  describe(
    `page-read thread and its shared slots on ${engine}`,
    { skip: await skipReasonFor(engine) },
    () => {
      it('keeps pages apart while more are held than there are slots, and takes every slot back', async (ctx) => {
        const t = await createTestDatabase(engine);
        ctx.after(() => t.dispose());
        const repo = createCollectionRepository(t.database);
        await repo.createCollection({
          id: COLLECTION,
          title: 'Outbound',
          canRead: true,
          canWrite: false,
          mediaTypes: ['application/stix+json;version=2.1'],
          direction: 'outbound',
        });
        // 200 small objects, then 3 whose page (~600 KB) cannot fit a 256 KB slot.
        await repo.addObjects(
          COLLECTION,
          Array.from({ length: 200 }, (_, i) => report(i, `Report text ${i} – «ü»`)),
          '2024-02-01T00:00:00Z',
        );
        await repo.addObjects(
          COLLECTION,
          Array.from({ length: 3 }, (_, i) => report(1000 + i, 'x'.repeat(200_000))),
          '2024-02-02T00:00:00Z',
        );
        const worker = t.database.pageReadWorker!;
        assert.ok(worker, 'the store has a page-read thread');
        const free = worker.freeSlots();
        // 100 pages of two objects each, all held at once: the first ones take every slot, the
        // rest come back in memory of their own; none may be written over by another.
        const pages = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            worker.readPage(PAGE_SQL[engine], [3, i * 2], 2, { before: 5, after: 2 }),
          ),
        );
        assert.equal(worker.freeSlots(), 0, 'every slot is held by a page');
        pages.forEach((page, i) => {
          assert.ok(page, `page ${i} read`);
          assert.deepEqual(idsOf(page), [report(i * 2, '').id, report(i * 2 + 1, '').id]);
        });
        assert.equal(pages.filter((p) => p?.release).length, free, 'as many borrowed as slots');
        for (const page of pages) page?.release?.();
        pages[0]?.release?.(); // a second release gives nothing back twice
        assert.equal(worker.freeSlots(), free);
        // The large page is transferred, and owns its bytes.
        const large = await worker.readPage(PAGE_SQL[engine], [4, 200], 3, {
          before: 5,
          after: 2,
        });
        assert.ok(large && !large.release);
        assert.deepEqual(
          idsOf(large),
          [1000, 1001, 1002].map((n) => report(n, '').id),
        );
        assert.equal(worker.freeSlots(), free);
      });
    },
  );
