import type { FastifyReply, FastifyRequest } from 'fastify';
import { TearlineError } from '../../core/errors.js';
import type { PartnerAuthenticator } from '../../core/ports/partner-access.js';
import type { AccountService } from './account-service.js';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A parsed Authorization header (RFC 9110 §11.6.2). */
type Credentials =
  { scheme: 'bearer'; secret: string } | { scheme: 'basic'; secret: string } | { scheme: 'other' };

function parseAuthorization(header: string | undefined): Credentials | undefined {
  if (!header) return undefined;
  const match = /^([A-Za-z]+) +(\S+)\s*$/.exec(header);
  if (!match) return { scheme: 'other' };
  const scheme = match[1]!.toLowerCase();
  if (scheme === 'bearer') return { scheme: 'bearer', secret: match[2]! };
  if (scheme === 'basic') {
    // RFC 7617 §2: base64 of user-id ":" password; the partner's secret is the password.
    const decoded = Buffer.from(match[2]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? { scheme: 'other' } : { scheme: 'basic', secret: decoded.slice(colon + 1) };
  }
  return { scheme: 'other' };
}

function isTaxiiPath(url: string): boolean {
  return url === '/taxii2' || url.startsWith('/taxii2/') || url.startsWith('/taxii2?');
}

/**
 * The onRequest hook that decides who is calling and sets `request.principal`:
 * on /taxii2/ a partner from HTTP Basic or Bearer (or a user's API token); elsewhere a user from
 * a Bearer API token or the session cookie. Requests with a session cookie that change state
 * must carry the session's CSRF token in `X-CSRF-Token` (synchronizer token pattern).
 *
 * @example app.addHook('onRequest', createAuthHook(accounts, deps.partnerAuthenticator, true))
 */
export function createAuthHook(
  accounts: AccountService,
  partners: PartnerAuthenticator,
  secureCookies: boolean,
) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const credentials = parseAuthorization(request.headers.authorization);
    if (isTaxiiPath(request.url)) {
      // TAXII answers its own 401 (with WWW-Authenticate, TAXII 2.1 §1.6.8); here we only recognise.
      if (credentials?.scheme === 'basic' || credentials?.scheme === 'bearer') {
        const partner = await partners.authenticatePartner(credentials.secret);
        if (partner) {
          request.principal = {
            kind: 'partner',
            partnerId: partner.partnerId,
            partnerName: partner.partnerName,
            ...(partner.sharingState === undefined ? {} : { sharingState: partner.sharingState }),
          };
        } else if (credentials.scheme === 'bearer') {
          const found = await accounts.findTokenUser(credentials.secret);
          if (found) {
            request.principal = {
              kind: 'user',
              userId: found.user.id,
              username: found.user.username,
              roles: found.user.roles,
              via: 'token',
            };
          }
        }
      }
      return;
    }
    if (credentials) {
      if (credentials.scheme !== 'bearer') {
        throw new TearlineError(
          'TEARLINE_E_AUTH_SCHEME',
          'The API takes "Authorization: Bearer <token>"; mint a token with "tearline user token".',
          { kind: 'unauthenticated' },
        );
      }
      const found = await accounts.findTokenUser(credentials.secret);
      if (!found) {
        throw new TearlineError(
          'TEARLINE_E_AUTH_TOKEN_INVALID',
          'The API token is unknown, expired or revoked; mint a new one.',
          { kind: 'unauthenticated' },
        );
      }
      request.principal = {
        kind: 'user',
        userId: found.user.id,
        username: found.user.username,
        roles: found.user.roles,
        via: 'token',
      };
      return;
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    // Signing in replaces any session, so it needs none (and SameSite=Strict stops login CSRF).
    if (!sessionId || (request.method === 'POST' && request.url.split('?')[0] === '/api/session'))
      return;
    const found = await accounts.findSessionUser(sessionId);
    if (!found) {
      reply.clearCookie(SESSION_COOKIE, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies,
      });
      return;
    }
    if (!SAFE_METHODS.has(request.method)) {
      const presented = request.headers[CSRF_HEADER];
      if (
        !accounts.isCsrfTokenValid(
          found.session,
          typeof presented === 'string' ? presented : undefined,
        )
      ) {
        throw new TearlineError(
          'TEARLINE_E_AUTH_CSRF',
          'This request needs the X-CSRF-Token header from GET /api/session/csrf; reload the page and try again.',
          { kind: 'forbidden' },
        );
      }
    }
    request.principal = {
      kind: 'user',
      userId: found.user.id,
      username: found.user.username,
      roles: found.user.roles,
      via: 'session',
    };
    request.sessionInfo = {
      sessionId,
      csrfToken: found.session.csrfToken,
      expires: found.session.expires,
    };
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The browser session behind the request, when it came with a live session cookie. */
    sessionInfo?: { sessionId: string; csrfToken: string; expires: string };
  }
}
