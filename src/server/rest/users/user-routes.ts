import type { FastifyPluginAsync } from 'fastify';
import { requireUser } from '../../principal.js';
import type { AppDeps } from '../../app-deps.js';
import type { AccountService } from '../../auth/account-service.js';
import { problemResponses } from '../../errors/problem-responses.js';
import { rolesSchema, userSchema } from './user-schemas.js';

const usernameParams = {
  type: 'object',
  required: ['username'],
  properties: { username: { type: 'string', minLength: 1, maxLength: 63 } },
} as const;

/**
 * User administration for admins: `GET /api/users`, `POST /api/users`,
 * `PATCH /api/users/:username` (roles, disabled).
 *
 * @example await app.register(userRoutes(deps, accounts))
 */
export function userRoutes(deps: AppDeps, accounts: AccountService): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/api/users',
      {
        config: { access: ['admin'] },
        schema: {
          summary: 'Every user (admin)',
          tags: ['users'],
          response: {
            200: {
              type: 'object',
              required: ['users'],
              properties: { users: { type: 'array', items: userSchema } },
            },
            ...problemResponses(401, 403),
          },
        },
      },
      async (request) => {
        requireUser(request, 'admin');
        return { users: await deps.store.users.listUsers() };
      },
    );

    app.post<{
      Body: { username: string; roles: string[]; displayName?: string; password?: string };
    }>(
      '/api/users',
      {
        config: { access: ['admin'] },
        schema: {
          summary: 'Add a user (admin); without a password, one is generated and returned once',
          tags: ['users'],
          body: {
            type: 'object',
            required: ['username', 'roles'],
            additionalProperties: false,
            properties: {
              username: { type: 'string', minLength: 1, maxLength: 63 },
              displayName: { type: 'string', maxLength: 200 },
              roles: rolesSchema,
              password: { type: 'string', minLength: 12, maxLength: 1024 },
            },
          },
          response: {
            201: {
              type: 'object',
              required: ['user'],
              properties: { user: userSchema, generatedPassword: { type: 'string' } },
            },
            ...problemResponses(400, 401, 403, 409),
          },
        },
      },
      async (request, reply) => {
        requireUser(request, 'admin');
        return reply.code(201).send(await accounts.addUser(request.body));
      },
    );

    app.patch<{ Params: { username: string }; Body: { roles?: string[]; disabled?: boolean } }>(
      '/api/users/:username',
      {
        config: { access: ['admin'] },
        schema: {
          summary:
            "Set a user's roles or disable / enable them (admin); disabling ends their sessions",
          tags: ['users'],
          params: usernameParams,
          body: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: { roles: rolesSchema, disabled: { type: 'boolean' } },
          },
          response: { 200: userSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        requireUser(request, 'admin');
        const { username } = request.params;
        let user = await accounts.getUserOrThrow(username);
        if (request.body.roles !== undefined) await accounts.setRoles(username, request.body.roles);
        if (request.body.disabled !== undefined)
          await accounts.setDisabled(username, request.body.disabled);
        user = await accounts.getUserOrThrow(username);
        const { passwordHash: _omit, ...shown } = user;
        return shown;
      },
    );
  };
}
