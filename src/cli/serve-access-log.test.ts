import { it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { addAccessLog, toLogSettings } from './serve-access-log.js';

it('prints one readable line per request only when asked, else a summary of the traffic', async (t) => {
  for (const mode of ['each', 'summary'] as const) {
    const app = Fastify();
    const lines: string[] = [];
    const stop = addAccessLog(app, mode, (l) => lines.push(l), 20);
    app.get('/api/x', async () => ({ ok: true }));
    t.after(async () => {
      stop();
      await app.close();
    });
    await app.inject({ method: 'GET', url: '/api/x?q=secret' });
    await app.inject({ method: 'GET', url: '/api/missing' });
    if (mode === 'each') {
      assert.equal(lines.length, 2);
      assert.match(lines[0]!, /^GET \/api\/x 200 \d+ ms\n$/);
      assert.ok(!lines[0]!.includes('secret'), 'no query string in the log');
      assert.match(lines[1]!, /^GET \/api\/missing 404 /);
    } else {
      assert.deepEqual(lines, [], 'nothing per request');
      await new Promise((r) => setTimeout(r, 60));
      assert.match(lines[0] ?? '', /^Served 2 requests in the last minute: 1 ok, 1 refused/);
    }
  }
});

it('reads --log-level into the server log level and the access mode', () => {
  assert.deepEqual(toLogSettings(undefined), { level: 'warn', access: 'summary' });
  assert.deepEqual(toLogSettings('info'), { level: 'warn', access: 'each' });
  assert.deepEqual(toLogSettings('debug'), { level: 'debug', access: 'each' });
  assert.deepEqual(toLogSettings('error'), { level: 'error', access: 'summary' });
  assert.throws(() => toLogSettings('loud'), /--log-level must be one of/);
});
