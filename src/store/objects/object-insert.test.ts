import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase } from '../../../test/support/engines.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { createObjectRepository } from './object-repository.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function incident(n: number, modified = '2024-03-22T18:00:00.000Z'): StixObject {
  return {
    type: 'incident',
    spec_version: '2.1',
    id: `incident--${uuid(n)}`,
    created: '2024-03-22T18:00:00.000Z',
    modified,
    name: `Attack number${n}`,
  } as StixObject;
}

function relationship(n: number): StixObject {
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: `relationship--${uuid(n)}`,
    created: '2024-03-23T00:00:00.000Z',
    modified: '2024-03-23T00:00:00.000Z',
    relationship_type: 'related-to',
    source_ref: `incident--${uuid(n)}`,
    target_ref: `incident--${uuid(n + 1)}`,
  } as StixObject;
}

describe('object insert on sqlite', () => {
  it('keeps the full-text index in step with the rows across mixed batches and deletions', async (ctx) => {
    const t = await createTestDatabase('sqlite');
    ctx.after(() => t.dispose());
    const raw = t.database.sqlite!;
    const repo = createObjectRepository(t.database);
    await repo.putObjects([incident(1), incident(2), relationship(1), incident(3)]);
    // A gap at the top of the rowids: the next batch must still index only its own rows.
    raw.prepare('delete from stix_objects where id = ?').run(`incident--${uuid(3)}`);
    const second = await repo.putObjects([
      incident(1),
      incident(2, '2024-04-01T00:00:00.000Z'),
      incident(4),
      incident(4),
      relationship(2),
    ]);
    assert.equal(second.inserted, 3);
    assert.equal(second.unchanged, 2);
    // FTS5's own check compares every index entry with the content table.
    raw.prepare("insert into stix_objects_fts (stix_objects_fts) values ('integrity-check')").run();
    // One docsize row per indexed row (counting stix_objects_fts would count the content table).
    const indexed = raw.prepare('select count(*) from stix_objects_fts_docsize').pluck().get();
    const withText = raw
      .prepare('select count(*) from stix_objects where search_text is not null')
      .pluck()
      .get();
    assert.equal(indexed, withText);
    assert.equal(indexed, 4);
    assert.deepEqual(
      (await repo.search('number4')).map((o) => o.id),
      [`incident--${uuid(4)}`],
    );
    assert.deepEqual(await repo.search('number3'), []);
  });

  it('gives the connection its page cache back after a bulk insert', async (ctx) => {
    const t = await createTestDatabase('sqlite');
    ctx.after(() => t.dispose());
    const raw = t.database.sqlite!;
    const before = raw.pragma('cache_size', { simple: true });
    await createObjectRepository(t.database).putObjects([incident(1), relationship(1)]);
    assert.equal(raw.pragma('cache_size', { simple: true }), before);
  });
});
