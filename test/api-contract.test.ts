import { it } from 'node:test';
import assert from 'node:assert/strict';
import { buildOpenApiDocument } from '../scripts/generate-api-types.js';

interface Operation {
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

// Routes that change state from the URL alone: they take no body on purpose.
const BODILESS = new Set([
  'delete /api/session',
  'post /api/drafts/{id}/items/{itemId}/accept',
  'post /api/drafts/{id}/items/{itemId}/reject',
  'post /api/drafts/{id}/accept-all',
  'post /api/drafts/{id}/undo',
  'post /api/feeds/{id}/poll',
  'post /api/alerts/{id}/ack',
  'post /api/analysis/reindex',
  'post /api/releases/{id}/preview',
]);

const operations = Object.entries(
  (await buildOpenApiDocument()).paths as Record<string, Record<string, Operation>>,
).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ name: `${method} ${path}`, method, op })),
);

// Fastify serialises an answer from its response schema and drops what the schema does not name,
// so a route without one would answer unchecked, and the web app's generated types would miss it.
it('every /api route documents a 2xx answer with a schema (or 204)', () => {
  assert.ok(operations.length >= 80, `${operations.length} operations`);
  const missing = operations
    .filter(({ op }) => {
      const ok = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      return ok.length === 0 || ok.some(([status, r]) => status !== '204' && !r.content);
    })
    .map((o) => o.name);
  assert.deepEqual(missing, []);
});

it('every /api route that takes a body declares its shape, never an open object', () => {
  const problems: string[] = [];
  for (const { name, method, op } of operations) {
    const takesBody = ['post', 'put', 'patch'].includes(method) || name === 'delete /api/session';
    if (!op.requestBody) {
      if (takesBody && !BODILESS.has(name)) problems.push(`${name}: no body schema`);
      continue;
    }
    const json = op.requestBody.content['application/json']?.schema;
    if (!json) problems.push(`${name}: no JSON body schema`);
    else if (json.properties === undefined) problems.push(`${name}: body without properties`);
  }
  assert.deepEqual(problems, []);
});
