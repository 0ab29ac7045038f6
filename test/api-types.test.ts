import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

// The pages name an answer by its route (ApiAnswer<'/api/…', 'get'>), never by a shape written
// out again: a literal `callApi<{ … }>` or a domain type imported from the server's ports would
// compile against a field the API no longer sends (or never sent).
it('the web app writes no API answer by hand', () => {
  const files = readdirSync('web/src', { recursive: true, encoding: 'utf8' }).filter(
    (f) => /\.tsx?$/.test(f) && !f.endsWith('.gen.ts') && !/\.test\.tsx?$/.test(f),
  );
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(join('web/src', file), 'utf8');
    if (/callApi<\s*\{/.test(text)) found.push(`${file}: callApi<{ … }>`);
    for (const m of text.matchAll(
      /from '(?:\.\.\/)+src\/(core\/ports|core\/audit|sharing|analysis|ingest)\/[^']*'/g,
    )) {
      found.push(`${file}: ${m[0]}`);
    }
  }
  assert.deepEqual(found, []);
});
