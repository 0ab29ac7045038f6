import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase, skipReasonFor } from './engines.js';

// The pattern every store suite follows: one describe per engine, a fresh database per test.
for (const engine of ENGINES) {
  describe(`test database on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('opens a fresh, migrated database that answers SQL', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const result = await sql<{ one: number }>`select 1 as one`.execute(t.database.db);
      assert.equal(Number(result.rows[0]?.one), 1);
      assert.equal(t.database.engine, engine);
    });
  });
}
