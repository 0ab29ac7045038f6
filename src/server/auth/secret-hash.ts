import { createHash, randomBytes } from 'node:crypto';

/**
 * The SHA-256 (hex) under which a high-entropy secret (session id, API token) is stored. A fast
 * hash is enough here because the secrets are 256-bit random values, not guessable passwords.
 *
 * @example await store.tokens.findByHash(hashSecret(bearer))
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * A fresh random secret of `bytes` bytes, base64url, with an optional prefix.
 *
 * @example createSecret(32, 'tl_') // 'tl_Qm9…'
 */
export function createSecret(bytes = 32, prefix = ''): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

/**
 * A generated password for a new account: 20 characters from an unambiguous alphabet
 * (about 115 bits), shown once.
 *
 * @example const password = createPassword()
 */
export function createPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  // Rejection sampling keeps every character equally likely (no modulo bias).
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < 20) {
    for (const b of randomBytes(32)) {
      if (b < limit && out.length < 20) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}
