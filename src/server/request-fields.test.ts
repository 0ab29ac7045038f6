import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { declareRequestFields, REQUEST_FIELDS } from './request-fields.js';

it('builds every request with the declared fields, in child contexts too', async () => {
  const app = Fastify();
  declareRequestFields(app);
  await app.register(async (child) => {
    child.get('/fields', async (request) =>
      REQUEST_FIELDS.filter((field) => !Object.hasOwn(request, field)),
    );
  });
  const missing = (await app.inject({ method: 'GET', url: '/fields' })).json();
  assert.deepEqual(missing, []);
  await app.close();
});

it('declares every field the server sets on a request after Fastify built it', () => {
  const server = fileURLToPath(new URL('.', import.meta.url));
  const set = new Set<string>();
  // Names, not entries: in the test run's compiled mirror the sources are links, not files.
  for (const name of readdirSync(server, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    const text = readFileSync(join(server, name), 'utf8');
    for (const match of text.matchAll(/\brequest\.(\w+)\s*(?:\?\?)?=(?!=)/g)) set.add(match[1]!);
  }
  assert.ok(set.has('principal'), 'the scan finds the auth hook setting the principal');
  const undeclared = [...set].filter((f) => !(REQUEST_FIELDS as readonly string[]).includes(f));
  assert.deepEqual(undeclared, [], 'add them to REQUEST_FIELDS');
});
