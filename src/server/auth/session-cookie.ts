import type { CookieSerializeOptions } from '@fastify/cookie';

/** The name of the session cookie. */
export const SESSION_COOKIE = 'tearline_session';

/** The request header that carries the session's CSRF token on state-changing requests. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The session cookie's attributes: HttpOnly (no script reads it), SameSite=Strict (no cross-site
 * request carries it, RFC 6265bis §5.4.7), Secure behind TLS, and a Max-Age equal to the session's
 * absolute lifetime.
 *
 * @example reply.setCookie(SESSION_COOKIE, id, toSessionCookieOptions(true, ttlMs))
 */
export function toSessionCookieOptions(secure: boolean, maxAgeMs: number): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}
