import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { SHARED_SCHEMA_COMPILERS } from './schema-compilers.js';

const body = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1 } },
  additionalProperties: false,
} as const;
const answer = {
  type: 'object',
  properties: { greeting: { type: 'string' } },
} as const;

async function appWith(schemaBody: object) {
  const app = Fastify({ schemaController: { compilersFactory: SHARED_SCHEMA_COMPILERS } });
  app.post('/hello', { schema: { body: schemaBody, response: { 200: answer } } }, async (req) => ({
    greeting: `hello ${(req.body as { name: string }).name}`,
    secret: 'not in the schema',
  }));
  await app.ready();
  return app;
}

describe('schema compilers shared by the apps of a process', () => {
  it('validates and serialises as Fastify does, in every app', async () => {
    for (const app of [await appWith(body), await appWith(body)]) {
      const ok = await app.inject({ method: 'POST', url: '/hello', payload: { name: 'Ana' } });
      assert.equal(ok.statusCode, 200);
      // The answer's schema strips what it does not list.
      assert.deepEqual(ok.json(), { greeting: 'hello Ana' });
      const bad = await app.inject({ method: 'POST', url: '/hello', payload: { name: '' } });
      assert.equal(bad.statusCode, 400);
      await app.close();
    }
  });

  it('compiles a schema once, and a different schema again', () => {
    const compile = SHARED_SCHEMA_COMPILERS.buildValidator({}, { customOptions: {}, plugins: [] });
    const route = { schema: body, method: 'POST', url: '/a', httpPart: 'body' };
    const first = compile(route);
    assert.equal(compile({ ...route, url: '/b', schema: structuredClone(body) }), first);
    const other = compile({ ...route, schema: { ...body, required: [] } });
    assert.notEqual(other, first);
    assert.equal(other({}), true);
    assert.equal(first({}), false);
  });
});
