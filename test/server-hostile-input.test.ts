import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { createTestApp, problemOf } from './server-fixture.js';

const ROUTES: Array<{ method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string }> = [
  { method: 'POST', url: '/api/session' },
  { method: 'PUT', url: '/api/session/password' },
  { method: 'POST', url: '/api/tokens' },
  { method: 'DELETE', url: '/api/tokens/' },
  { method: 'POST', url: '/api/users' },
  { method: 'PATCH', url: '/api/users/' },
  { method: 'GET', url: '/api/objects?' },
  { method: 'GET', url: '/api/search?q=' },
  { method: 'GET', url: '/api/objects/' },
  { method: 'POST', url: '/api/objects' },
  {
    method: 'POST',
    url: '/api/objects/threat-actor--6f1c2a7e-8b4d-4c1e-9f2a-3b5c7d9e1f20/versions',
  },
];

// Values that break naive code: SQL and path metacharacters, prototype keys, odd Unicode, numbers.
const nasty = fc.oneof(
  fc.constantFrom(
    "' OR 1=1 --",
    '../../etc/passwd',
    '%00',
    '%zz',
    '%E0%A4%A',
    '__proto__',
    'constructor',
    '\u0000',
    '\ud800',
    'a'.repeat(5000),
    '1e309',
    '-1',
    'NaN',
  ),
  fc.string({ maxLength: 40 }),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.dictionary(nasty, fc.oneof(nasty, fc.integer(), fc.boolean())).map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '[[[[[[[[[[]]]]]]]]]]',
    '{',
    '',
  ),
  fc
    .record({ type: nasty, id: nasty, created: nasty, modified: nasty })
    .map((v) => JSON.stringify(v)),
);

for (const engine of ENGINES) {
  describe(`server hostile input on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('answers random and malicious input on every route with a 2xx or a coded 4xx, never a 5xx', async (ctx) => {
      const t = await createTestApp(engine, { rateLimit: { max: 1_000_000, windowMs: 60_000 } });
      ctx.after(() => t.dispose());
      await t.addUser('root', 'admin');
      const authorization = `Bearer ${await t.mintToken('root')}`;
      let tried = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROUTES),
          nasty,
          body,
          async (route, suffix, payload) => {
            // Percent-encode the UTF-8 bytes (lone surrogates become U+FFFD), or send a few raw
            // sequences as they are, malformed escapes included.
            const encoded = [...Buffer.from(suffix, 'utf8')]
              .map((b) => `%${b.toString(16).padStart(2, '0')}`)
              .join('');
            const url =
              route.url +
              (/^[\x21-\x7e]*$/.test(suffix) && suffix.includes('%') ? suffix : encoded);
            const res = await t.app.inject({
              method: route.method,
              url,
              headers: { authorization, 'content-type': 'application/json' },
              ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload }),
            });
            tried++;
            assert.ok(
              res.statusCode < 500,
              `${route.method} ${url} ${payload.slice(0, 80)} → ${res.statusCode} ${res.body}`,
            );
            if (res.statusCode >= 400) problemOf(res);
            assert.equal(
              res.headers['x-content-type-options'],
              'nosniff',
              'security headers on every answer',
            );
          },
        ),
        { numRuns: 300, seed: 20260301 },
      );
      assert.equal(tried, 300);
      assert.equal(({} as Record<string, unknown>).x, undefined, 'no prototype was polluted');
    });
  });
}
