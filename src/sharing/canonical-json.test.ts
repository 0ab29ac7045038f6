import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256Hex, toCanonicalJson } from './canonical-json.js';

describe('toCanonicalJson', () => {
  it('writes empty objects, and objects whose properties are all undefined, as {}', () => {
    assert.equal(toCanonicalJson({}), '{}');
    assert.equal(toCanonicalJson({ a: undefined }), '{}');
    assert.equal(
      toCanonicalJson({ b: {}, a: [{}, { c: undefined, d: 1 }] }),
      '{"a":[{},{"d":1}],"b":{}}',
    );
    // Keys that need escaping are quoted as JSON quotes them, every time.
    assert.equal(toCanonicalJson({ 'q"': 1 }), '{"q\\"":1}');
    assert.equal(toCanonicalJson({ 'q"': 2 }), '{"q\\"":2}');
  });
});

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes of the text', () => {
    // Published SHA-256 test vectors (FIPS 180-2 "abc", the empty string).
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(
      sha256Hex('abc'),
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    // "é" is hashed as its two UTF-8 bytes c3 a9, not as one Latin-1 byte.
    const utf8 = createHash('sha256')
      .update(Buffer.from([0xc3, 0xa9]))
      .digest('hex');
    assert.equal(sha256Hex('é'), utf8);
  });
});
