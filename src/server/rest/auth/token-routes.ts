import type { FastifyPluginAsync } from 'fastify';
import { requireUser } from '../../principal.js';
import type { AccountService } from '../../auth/account-service.js';
import { problemResponses } from '../../errors/problem-responses.js';
import { tokenInfoSchema } from '../users/user-schemas.js';

/**
 * A user's own API tokens: `GET /api/tokens`, `POST /api/tokens` (the token is in the answer,
 * once), `DELETE /api/tokens/:id` (revoke).
 *
 * @example await app.register(tokenRoutes(accounts))
 */
export function tokenRoutes(accounts: AccountService): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/api/tokens',
      {
        config: { access: [] },
        schema: {
          summary: "The signed-in user's API tokens (never their secrets)",
          tags: ['tokens'],
          response: {
            200: {
              type: 'object',
              required: ['tokens'],
              properties: { tokens: { type: 'array', items: tokenInfoSchema } },
            },
            ...problemResponses(401, 403),
          },
        },
      },
      async (request) => ({ tokens: await accounts.listTokens(requireUser(request).userId) }),
    );

    app.post<{ Body: { name?: string; expiresInDays?: number } }>(
      '/api/tokens',
      {
        config: { access: [] },
        schema: {
          summary: 'Mint an API token for scripts; the token is shown in this answer only',
          tags: ['tokens'],
          body: {
            type: 'object',
            additionalProperties: false,
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 100 },
              expiresInDays: { type: 'integer', minimum: 1, maximum: 730 },
            },
          },
          response: {
            201: {
              type: 'object',
              required: ['token', 'info'],
              properties: { token: { type: 'string' }, info: tokenInfoSchema },
            },
            ...problemResponses(400, 401, 403),
          },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const minted = await accounts.mintToken(user.userId, request.body ?? {});
        return reply.code(201).send(minted);
      },
    );

    app.delete<{ Params: { id: string } }>(
      '/api/tokens/:id',
      {
        config: { access: [] },
        schema: {
          summary: 'Revoke one of your API tokens',
          tags: ['tokens'],
          params: {
            type: 'object',
            required: ['id'],
            properties: { id: { type: 'string', maxLength: 100 } },
          },
          response: {
            204: { description: 'Revoked', type: 'null' },
            ...problemResponses(401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        await accounts.revokeToken(requireUser(request).userId, request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
