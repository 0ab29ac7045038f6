import { randomBytes } from 'node:crypto';
import { sha256Hex } from './canonical-json.js';

/** The prefix of partner secrets, so that a leaked one is recognisable in logs and scanners. */
export const PARTNER_SECRET_PREFIX = 'tlpt_';

/**
 * A new random partner secret (256 bits) and its SHA-256 hash. The secret is shown once; only the
 * hash is stored. A fast hash is enough because the secret is random, not chosen by a person.
 *
 * @example const { secret, secretHash } = createPartnerSecret()
 */
export function createPartnerSecret(): { secret: string; secretHash: string } {
  const secret = PARTNER_SECRET_PREFIX + randomBytes(32).toString('base64url');
  return { secret, secretHash: toSecretHash(secret) };
}

/**
 * The stored form of a presented secret.
 *
 * @example toSecretHash('tlpt_…') // 64 hex digits
 */
export function toSecretHash(secret: string): string {
  return sha256Hex(secret);
}
