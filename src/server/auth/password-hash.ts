import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt cost parameters (RFC 7914 §2): N=2^15, r=8, p=1 is the OWASP password-storage
// recommendation; each hash takes ~32 MiB and tens of milliseconds, which is the point.
/** log2 of scrypt's N for new hashes unless the deployment sets `passwordCost`. */
export const DEFAULT_PASSWORD_COST = 15;
/**
 * The lowest cost accepted: N=2^10 is for test fixtures that create hundreds of users; a hash
 * records its own N, so hashes made at any cost verify at any setting.
 */
export const MIN_PASSWORD_COST = 10;
const MAX_PASSWORD_COST = 20;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

function scryptAsync(
  password: string,
  salt: Buffer,
  n: number,
  r: number,
  p: number,
  length: number,
) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password, salt, length, { N: n, r, p, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Hashes a password with scrypt and a fresh 16-byte salt, as `scrypt$N$r$p$salt$hash` (base64url).
 *
 * @example const stored = await hashPassword('correct horse battery staple')
 */
export async function hashPassword(
  password: string,
  cost: number = DEFAULT_PASSWORD_COST,
): Promise<string> {
  const n = 2 ** checkCost(cost);
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, n, R, P, KEY_LENGTH);
  return ['scrypt', n, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function checkCost(cost: number): number {
  if (!Number.isInteger(cost) || cost < MIN_PASSWORD_COST || cost > MAX_PASSWORD_COST)
    throw new RangeError(
      `password cost must be an integer from ${MIN_PASSWORD_COST} to ${MAX_PASSWORD_COST}`,
    );
  return cost;
}

/**
 * True when `password` matches a hash made by hashPassword (compared in constant time).
 *
 * @example if (await verifyPassword(input, user.passwordHash)) signIn(user)
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || salt === undefined || hash === undefined)
    return false;
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length === 0) return false;
  const key = await scryptAsync(
    password,
    Buffer.from(salt, 'base64url'),
    Number(n),
    Number(r),
    Number(p),
    expected.length,
  );
  return timingSafeEqual(key, expected);
}

/**
 * A hash no password matches, verified against when the username is unknown so that sign-in
 * takes the same time whether or not the user exists: made at the cost new hashes are made at.
 */
export function unusablePasswordHash(cost: number = DEFAULT_PASSWORD_COST): string {
  const salt = Buffer.alloc(16).toString('base64url');
  const hash = Buffer.alloc(KEY_LENGTH, 1).toString('base64url');
  return `scrypt$${2 ** checkCost(cost)}$${R}$${P}$${salt}$${hash}`;
}

export const UNUSABLE_PASSWORD_HASH = unusablePasswordHash();
