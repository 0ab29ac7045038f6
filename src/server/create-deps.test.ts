import { it } from 'node:test';
import assert from 'node:assert/strict';
import { toAppConfig } from './create-deps.js';
import { isTearlineError } from '../core/errors.js';

it('reads the server configuration from the environment with defaults', () => {
  const config = toAppConfig({ env: {}, host: '0.0.0.0', port: 8080 });
  assert.equal(config.baseUrl, 'http://127.0.0.1:8080');
  assert.equal(config.bodyLimit, 10 * 1024 * 1024);
  assert.equal(config.serveWeb, true);
  assert.equal(config.secureCookies, false);
  assert.deepEqual(config.rateLimit, { max: 6000, windowMs: 60_000 });
  assert.deepEqual(config.audit, { enabled: true, coalesce: true });
  const set = toAppConfig({
    env: {
      TEARLINE_BASE_URL: 'https://tearline.example.org/',
      TEARLINE_BODY_LIMIT: '2048',
      TEARLINE_SECURE_COOKIES: 'yes',
      TEARLINE_SERVE_WEB: 'off',
      TEARLINE_RATE_LIMIT: '50',
      TEARLINE_SESSION_HOURS: '2',
      TEARLINE_SESSION_IDLE_MINUTES: '15',
      TEARLINE_AUDIT_COALESCE: 'false',
    },
    host: '::1',
    port: 9000,
  });
  assert.equal(set.baseUrl, 'https://tearline.example.org');
  assert.equal(set.bodyLimit, 2048);
  assert.equal(set.secureCookies, true);
  assert.equal(set.serveWeb, false);
  assert.equal(set.rateLimit?.max, 50);
  assert.deepEqual(set.session, { ttlMs: 7_200_000, idleMs: 900_000 });
  assert.equal(set.audit?.coalesce, false);
  assert.equal(toAppConfig({ env: {}, host: '::1', port: 1 }).baseUrl, 'http://[::1]:1');
});

it('refuses malformed values with the variable named', () => {
  for (const env of [
    { TEARLINE_BODY_LIMIT: '10MB' },
    { TEARLINE_RATE_LIMIT: '-1' },
    { TEARLINE_SECURE_COOKIES: 'maybe' },
    { TEARLINE_SESSION_HOURS: '1.5' },
  ]) {
    assert.throws(
      () => toAppConfig({ env, host: '127.0.0.1', port: 1 }),
      (e) =>
        isTearlineError(e) &&
        e.code === 'TEARLINE_E_CONFIG_BAD_VALUE' &&
        e.message.includes(Object.keys(env)[0]!),
    );
  }
});
