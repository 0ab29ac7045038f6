import { hash } from 'node:crypto';

/**
 * Canonical JSON bytes in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code units,
 * no whitespace, numbers and strings as ECMAScript's JSON.stringify writes them; undefined
 * properties are left out.
 *
 * @example toCanonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function toCanonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

function write(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError('Canonical JSON has no representation for NaN or Infinity.');
    }
    out.push(value === undefined ? 'null' : JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      write(value[i], out);
    }
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let open = '{';
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    out.push(open, quotedKey(key));
    open = ',';
    write(v, out);
  }
  out.push(open === '{' ? '{}' : '}');
}

/** `"key":` for each key seen, kept (STIX has few distinct keys; the bound is for odd input). */
const quotedKeys = new Map<string, string>();

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * SHA-256 (hex) of a string's UTF-8 bytes.
 *
 * @example sha256Hex('') // 'e3b0c442…'
 */
export function sha256Hex(text: string): string {
  // One-shot hashing: a release hashes two strings per object, and building a Hash object for
  // each cost 2.5–3 times as much (Node ≥ 20.12).
  return hash('sha256', text, 'hex');
}
