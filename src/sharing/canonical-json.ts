import { createHash } from 'node:crypto';

/**
 * Canonical JSON bytes in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code units,
 * no whitespace, numbers and strings as ECMAScript's JSON.stringify writes them; undefined
 * properties are left out.
 *
 * @example toCanonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function toCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError('Canonical JSON has no representation for NaN or Infinity.');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : toCanonicalJson(v))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${toCanonicalJson(record[k])}`).join(',')}}`;
}

/**
 * SHA-256 (hex) of a string's UTF-8 bytes.
 *
 * @example sha256Hex('') // 'e3b0c442…'
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
