import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import { TEARLINE_VERSION } from '../core/version.js';
import type { AppDeps } from './app-deps.js';
import { routeModules } from './route-modules.js';
import { SHARED_SCHEMA_COMPILERS } from './schema-compilers.js';
import { toAuthConfig } from './auth/auth-config.js';
import { createAccountService } from './auth/account-service.js';
import { createAuthHook } from './auth/auth-hook.js';
import { createRateLimitHook } from './auth/rate-limit-hook.js';
import { checkRouteAccess } from './auth/route-access.js';
import { createSecurityHeadersHook, setSecurityHeaders } from './auth/security-headers.js';
import { createErrorHandler, handleNotFound } from './errors/error-handler.js';
import { problemSchema, toProblem } from './errors/problem.js';
import { problemResponses } from './errors/problem-responses.js';
import { createOpenApiCollector } from './openapi/openapi-document.js';
import { registerLoadShedding } from './load/load-shedding.js';
import { sessionRoutes } from './rest/auth/session-routes.js';
import { tokenRoutes } from './rest/auth/token-routes.js';
import { userRoutes } from './rest/users/user-routes.js';
import { objectRoutes } from './rest/objects/object-routes.js';
import { auditRoutes } from './rest/audit/audit-routes.js';
import { createAuditRouteHook } from './audit/audit-hook.js';
import { declareRequestFields } from './request-fields.js';
import { createProtectedTermsCache } from './audit/protected-terms-cache.js';
import { createAuditRecorder } from '../core/audit-recorder.js';

/** The built web application (Vite's output), served when present and enabled. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * Builds the HTTP application from its dependencies: rate limits, authentication, CSRF, security
 * headers, one error handler, the OpenAPI document, the REST routes, every route module of
 * src/server/route-modules.ts, and the web application (from `options.webRoot`, default web/dist).
 * Nothing listens until `app.listen()`.
 *
 * @example const app = await createApp(deps); await app.listen({ port: 8080, host: '127.0.0.1' })
 */
export async function createApp(
  deps: AppDeps,
  options: { webRoot?: string } = {},
): Promise<FastifyInstance> {
  const webRoot = options.webRoot ?? WEB_DIST;
  const auth = toAuthConfig(deps.config);
  const log = deps.config.log;
  const app = Fastify({
    bodyLimit: deps.config.bodyLimit,
    logger: log
      ? {
          level: log.level,
          ...(log.stream ? { stream: log.stream } : {}),
          // Defence in depth: the default serializers log no headers, but never these.
          redact: [
            'req.headers.authorization',
            'req.headers.cookie',
            'req.headers["x-csrf-token"]',
          ],
        }
      : false,
    // Fastify refuses `__proto__` and `constructor.prototype` in JSON bodies (prototype poisoning).
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    schemaController: { compilersFactory: SHARED_SCHEMA_COMPILERS },
    // Malformed URLs (bad percent-escapes) never reach a route; answer them as problems too.
    frameworkErrors: (_error, _request, rawReply) => {
      const reply = rawReply as unknown as FastifyReply;
      setSecurityHeaders(reply, deps.config.secureCookies);
      void reply
        .code(400)
        .type('application/problem+json; charset=utf-8')
        .send(
          toProblem(
            400,
            'TEARLINE_E_HTTP_BAD_URL',
            'The URL is malformed (a broken %-escape?); encode it and resend.',
          ),
        );
    },
  });
  // Before any plugin or route: every context's requests are built with these fields.
  declareRequestFields(app);
  const spa = deps.config.serveWeb && existsSync(join(webRoot, 'index.html'));
  const openapi = createOpenApiCollector(app);
  app.addSchema(problemSchema);
  app.setErrorHandler(createErrorHandler(deps.config.bodyLimit));
  app.setNotFoundHandler(createNotFoundHandler(spa));

  // First, so that a saturated server answers 503 before any other work (ADR 0026).
  await registerLoadShedding(app, deps.config.load);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  const accounts = createAccountService({
    store: deps.store,
    clock: deps.clock,
    ids: deps.ids,
    auth,
  });
  app.addHook('onRequest', createRateLimitHook(app, auth));
  app.addHook(
    'onRequest',
    createAuthHook(accounts, deps.partnerAuthenticator, deps.config.secureCookies),
  );
  app.addHook('preParsing', checkRouteAccess);
  app.addHook('onSend', createSecurityHeadersHook(deps.config.secureCookies));
  const audit =
    deps.config.audit?.enabled === false
      ? undefined
      : createAuditRecorder(deps.store.audit, deps.clock, {
          ...(deps.config.audit?.flushMs !== undefined
            ? { flushMs: deps.config.audit.flushMs }
            : {}),
          ...(deps.config.audit?.coalesce === false ? { coalesceMs: 0 } : {}),
          onError: (error) => app.log.error({ err: error }, 'audit trail write failed'),
        });
  if (audit) {
    // Restricted objects are recognised in every answer, whichever route produced it.
    const terms = createProtectedTermsCache(
      async () => deps.store.sharing.settings?.getSetting('protected-terms'),
      Date.now,
      (error) => app.log.error({ err: error }, 'audit: protected terms could not be read'),
    );
    await terms.reload();
    // Each route gets its own audit hook, which knows its route (ADR 0039).
    const auditRoute = createAuditRouteHook(audit, terms, {
      objects: deps.store.objects,
      releases: deps.store.sharing.releases,
    });
    app.addHook('onRoute', auditRoute);
    // Whatever is buffered, or still being classified, is written before the store closes.
    app.addHook('onClose', async () => {
      await auditRoute.settled();
      await audit.flush();
    });
  }

  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Whether the server and its database answer',
        tags: ['health'],
        security: [],
        response: {
          200: {
            type: 'object',
            required: ['status', 'engine'],
            properties: { status: { type: 'string', enum: ['ok'] }, engine: { type: 'string' } },
          },
          ...problemResponses(500),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(deps.store.database.db);
      return { status: 'ok', engine: deps.store.database.engine };
    },
  );
  app.get(
    '/api/openapi.json',
    {
      schema: {
        summary: 'This OpenAPI 3.1 document',
        tags: ['meta'],
        security: [],
        response: { 200: { type: 'object', additionalProperties: true } },
      },
    },
    async () => openapi.toDocument(TEARLINE_VERSION),
  );

  await app.register(sessionRoutes(deps, accounts, auth));
  await app.register(tokenRoutes(accounts));
  await app.register(userRoutes(deps, accounts));
  await app.register(objectRoutes(deps));
  await app.register(auditRoutes(deps, audit));
  for (const module of routeModules) {
    await app.register(module.plugin(deps), { prefix: module.prefix });
  }

  if (spa) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      index: ['index.html'],
      wildcard: true,
    });
  }
  return app;
}

/**
 * Unknown routes: the web application's index.html for browser navigation outside /api and
 * /taxii2 (the SPA routes on the client), a problem response otherwise.
 */
function createNotFoundHandler(spa: boolean) {
  return function notFound(request: FastifyRequest, reply: FastifyReply) {
    const path = request.url.split('?')[0] ?? '';
    const isApi =
      path === '/api' ||
      path.startsWith('/api/') ||
      path === '/taxii2' ||
      path.startsWith('/taxii2/');
    if (spa && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return handleNotFound(request, reply);
  };
}
