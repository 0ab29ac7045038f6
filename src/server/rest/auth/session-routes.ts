import type { FastifyPluginAsync } from 'fastify';
import { TearlineError } from '../../../core/errors.js';
import { requireUser } from '../../principal.js';
import type { AppDeps } from '../../app-deps.js';
import type { AccountService } from '../../auth/account-service.js';
import type { AuthConfig } from '../../auth/auth-config.js';
import { SESSION_COOKIE, toSessionCookieOptions } from '../../auth/session-cookie.js';
import { createSignInLimiter } from '../../auth/rate-limit-hook.js';
import { problemResponses } from '../../errors/problem-responses.js';
import { noteAuditActor } from '../../audit/audit-notes.js';
import { userSchema } from '../users/user-schemas.js';

const sessionSchema = {
  type: 'object',
  required: ['user', 'csrfToken', 'expires'],
  properties: {
    user: userSchema,
    csrfToken: {
      type: 'string',
      description: 'Send it as X-CSRF-Token on every POST, PUT, PATCH and DELETE.',
    },
    expires: { type: 'string' },
  },
} as const;

/**
 * Sign-in, sign-out, who am I, and the CSRF token: `POST|DELETE /api/session`,
 * `GET /api/session/me`, `GET /api/session/csrf`.
 *
 * @example await app.register(sessionRoutes(deps, accounts, auth))
 */
export function sessionRoutes(
  deps: AppDeps,
  accounts: AccountService,
  auth: AuthConfig,
): FastifyPluginAsync {
  return async (app) => {
    const limitSignInsPerUser = createSignInLimiter(app, auth);
    app.post<{ Body: { username: string; password: string } }>(
      '/api/session',
      {
        schema: {
          summary: 'Sign in with a username and password; sets the HttpOnly session cookie',
          tags: ['session'],
          security: [],
          body: {
            type: 'object',
            required: ['username', 'password'],
            additionalProperties: false,
            properties: {
              username: { type: 'string', minLength: 1, maxLength: 200 },
              password: { type: 'string', minLength: 1, maxLength: 1024 },
            },
          },
          response: { 200: sessionSchema, ...problemResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        // A refusal (too many tries for this name, a wrong password) names the account tried.
        const refused = async (error: unknown): Promise<never> => {
          noteAuditActor(request, await failedSignInActor(deps, request.body.username));
          throw error;
        };
        await limitSignInsPerUser(request, reply).catch(refused);
        const old = request.cookies[SESSION_COOKIE];
        if (old) await accounts.signOut(old);
        const { sessionId, session, user } = await accounts
          .signIn(request.body.username, request.body.password)
          .catch(refused);
        noteAuditActor(request, { actorId: user.id, actorName: user.username });
        reply.setCookie(
          SESSION_COOKIE,
          sessionId,
          toSessionCookieOptions(deps.config.secureCookies, auth.session.ttlMs),
        );
        return { user, csrfToken: session.csrfToken, expires: session.expires };
      },
    );

    app.delete(
      '/api/session',
      {
        config: { access: [] },
        schema: {
          summary: 'Sign out: ends the session and clears its cookie',
          tags: ['session'],
          response: {
            204: { description: 'Signed out', type: 'null' },
            ...problemResponses(401, 403),
          },
        },
      },
      async (request, reply) => {
        requireUser(request);
        if (request.sessionInfo) await accounts.signOut(request.sessionInfo.sessionId);
        reply.clearCookie(SESSION_COOKIE, toSessionCookieOptions(deps.config.secureCookies, 0));
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/session/me',
      {
        config: { access: [] },
        schema: {
          summary: 'The signed-in user and how they are signed in',
          tags: ['session'],
          response: {
            200: {
              type: 'object',
              required: ['user', 'via'],
              properties: {
                user: userSchema,
                via: { type: 'string', enum: ['session', 'token'] },
                expires: { type: 'string' },
                csrfToken: {
                  type: 'string',
                  description: 'With a browser session: the token to send as X-CSRF-Token.',
                },
              },
            },
            ...problemResponses(401, 403),
          },
        },
      },
      async (request) => {
        const principal = requireUser(request);
        const found = await deps.store.users.findById(principal.userId);
        if (!found)
          throw new TearlineError('TEARLINE_E_AUTH_REQUIRED', 'Sign in first.', {
            kind: 'unauthenticated',
          });
        const { passwordHash: _omit, ...user } = found;
        return request.sessionInfo
          ? {
              user,
              via: principal.via,
              expires: request.sessionInfo.expires,
              csrfToken: request.sessionInfo.csrfToken,
            }
          : { user, via: principal.via };
      },
    );

    app.put<{ Body: { currentPassword: string; newPassword: string } }>(
      '/api/session/password',
      {
        config: { access: [] },
        schema: {
          summary: 'Change your own password; every session of yours ends, so sign in again',
          tags: ['session'],
          body: {
            type: 'object',
            required: ['currentPassword', 'newPassword'],
            additionalProperties: false,
            properties: {
              currentPassword: { type: 'string', minLength: 1, maxLength: 1024 },
              newPassword: { type: 'string', minLength: 12, maxLength: 1024 },
            },
          },
          response: {
            204: { description: 'Changed', type: 'null' },
            ...problemResponses(400, 401, 403),
          },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await accounts.changePassword(
          user.userId,
          request.body.currentPassword,
          request.body.newPassword,
        );
        reply.clearCookie(SESSION_COOKIE, toSessionCookieOptions(deps.config.secureCookies, 0));
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/session/csrf',
      {
        config: { access: [] },
        schema: {
          summary: "The session's CSRF token, to send as X-CSRF-Token on state-changing requests",
          tags: ['session'],
          response: {
            200: {
              type: 'object',
              required: ['csrfToken'],
              properties: { csrfToken: { type: 'string' } },
            },
            ...problemResponses(400, 401),
          },
        },
      },
      async (request) => {
        requireUser(request);
        if (!request.sessionInfo) {
          throw new TearlineError(
            'TEARLINE_E_AUTH_NO_SESSION',
            'CSRF tokens belong to browser sessions; requests with an API token need none.',
          );
        }
        return { csrfToken: request.sessionInfo.csrfToken };
      },
    );
  };
}

/** What the audit trail names when a sign-in fails: an account that exists, or no name at all. */
const UNKNOWN_USERNAME = '(unknown username)';

/**
 * The actor a failed sign-in is recorded under: the account the name belongs to (a wrong password,
 * a disabled account), else a placeholder. A name that matches no account is not kept: it is as
 * likely a password typed into the wrong box, and the trail is readable by every admin.
 */
async function failedSignInActor(
  deps: AppDeps,
  username: string,
): Promise<{ actorId: string; actorName: string }> {
  const name = username.trim().toLowerCase();
  const found = await deps.store.users.findByUsername(name).catch(() => undefined);
  return found === undefined
    ? { actorId: '', actorName: UNKNOWN_USERNAME }
    : { actorId: found.id, actorName: found.username };
}
