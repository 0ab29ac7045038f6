import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { API_TYPES_PATH, renderApiTypes } from '../scripts/generate-api-types.js';

// The web app's API types are generated from the routes' schemas; a route whose schema changes
// without regenerating them fails here (run `npm run api:types`).
it('web/src/api-types.gen.ts matches the OpenAPI document of the routes', async () => {
  assert.equal(
    readFileSync(API_TYPES_PATH, 'utf8'),
    await renderApiTypes(),
    'run `npm run api:types` and commit the result',
  );
});
