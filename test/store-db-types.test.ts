import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DB_TYPES_PATH, renderDbTypes } from '../scripts/generate-db-types.js';

// The TearlineDb interface is generated from the migrations; a migration that changes a table
// without regenerating it fails here (run `npm run db:types`).
it('src/store/schema/tearline-db.ts matches the migrated schema', async () => {
  assert.equal(
    readFileSync(DB_TYPES_PATH, 'utf8'),
    await renderDbTypes(),
    'run `npm run db:types` and commit the result',
  );
});
