import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  hashPassword,
  verifyPassword,
  UNUSABLE_PASSWORD_HASH,
  unusablePasswordHash,
} from './password-hash.js';
import { createPassword, createSecret, hashSecret } from './secret-hash.js';
import { parsePassword, parseRoles, parseUsername } from './account-rules.js';
import { toAuthConfig } from './auth-config.js';
import { isTearlineError } from '../../core/errors.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return isTearlineError(error) ? `${error.code}/${error.kind}` : 'other';
  }
  return 'none';
};

describe('password hashing', () => {
  it('verifies the right password, refuses a wrong one, and salts every hash', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    assert.notEqual(a, b);
    assert.match(a, /^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.equal(await verifyPassword('correct horse battery staple', a), true);
    assert.equal(await verifyPassword('correct horse battery stapl', a), false);
    assert.equal(await verifyPassword('', a), false);
  });

  it('never matches the unusable hash or a malformed stored value', async () => {
    assert.equal(await verifyPassword('', UNUSABLE_PASSWORD_HASH), false);
    assert.equal(await verifyPassword('anything', UNUSABLE_PASSWORD_HASH), false);
    for (const stored of ['', 'plain', 'bcrypt$1$2$3$4$5', 'scrypt$32768$8$1$salt$']) {
      assert.equal(await verifyPassword('plain', stored), false, stored);
    }
  });

  it('hashes at a lower cost when asked, and verifies hashes of any cost', async () => {
    const cheap = await hashPassword('correct horse battery staple', 10);
    assert.match(cheap, /^scrypt\$1024\$8\$1\$/);
    assert.equal(await verifyPassword('correct horse battery staple', cheap), true);
    assert.equal(await verifyPassword('correct horse battery stapl', cheap), false);
    assert.match(unusablePasswordHash(10), /^scrypt\$1024\$/);
    for (const bad of [9, 21, 12.5]) {
      await assert.rejects(
        hashPassword('x', bad),
        /password cost must be an integer from 10 to 20/,
      );
    }
  });
});

describe('secrets', () => {
  it('makes random secrets and hashes them deterministically', () => {
    const s = createSecret(32, 'tl_');
    assert.match(s, /^tl_[A-Za-z0-9_-]{43}$/);
    assert.notEqual(createSecret(), createSecret());
    assert.equal(hashSecret('x'), hashSecret('x'));
    assert.match(hashSecret('x'), /^[0-9a-f]{64}$/);
  });

  it('generates 20-character passwords from an unambiguous alphabet', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = createPassword();
      assert.match(p, /^[a-km-np-zA-HJ-NP-Z2-9]{20}$/);
      for (const ch of p) seen.add(ch);
    }
    assert.ok(seen.size > 45, `alphabet coverage ${seen.size}`);
  });
});

describe('account rules', () => {
  it('normalises usernames and refuses bad ones as input errors', () => {
    assert.equal(parseUsername('  Ana.Lyst '), 'ana.lyst');
    for (const bad of ['', ' ', '-ana', 'a b', 'ana/../x', 'x'.repeat(64), 42, null]) {
      assert.equal(
        code(() => parseUsername(bad)),
        'TEARLINE_E_ACCOUNT_BAD_USERNAME/input',
        String(bad),
      );
    }
  });

  it('accepts known roles as a list or a comma string, de-duplicated', () => {
    assert.deepEqual(parseRoles(['analyst', 'analyst', 'approver']), ['analyst', 'approver']);
    assert.deepEqual(parseRoles('admin,analyst'), ['admin', 'analyst']);
    for (const bad of [[], '', ['root'], ['admin', 'Admin'], undefined]) {
      assert.equal(
        code(() => parseRoles(bad)),
        'TEARLINE_E_ACCOUNT_BAD_ROLE/input',
        JSON.stringify(bad),
      );
    }
  });

  it('wants passwords of 12 to 1,024 characters', () => {
    assert.equal(parsePassword('twelve chars'), 'twelve chars');
    for (const bad of ['eleven char', 'x'.repeat(1025), 123456789012]) {
      assert.equal(
        code(() => parsePassword(bad)),
        'TEARLINE_E_ACCOUNT_WEAK_PASSWORD/input',
      );
    }
  });

  it('fills generous defaults and keeps what the config sets', () => {
    const base = { baseUrl: '', bodyLimit: 1, serveWeb: false, secureCookies: false };
    assert.deepEqual(toAuthConfig(base), {
      rateLimit: { max: 6000, windowMs: 60_000, signInMax: 20 },
      session: { ttlMs: 12 * 3_600_000, idleMs: 3_600_000 },
      passwordCost: 15,
    });
    assert.equal(
      toAuthConfig({ ...base, rateLimit: { max: 5, windowMs: 1000 } }).rateLimit.signInMax,
      20,
    );
    assert.equal(toAuthConfig({ ...base, session: { ttlMs: 5, idleMs: 2 } }).session.idleMs, 2);
  });
});
