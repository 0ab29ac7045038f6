import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/rate-limit';
import { TearlineError } from '../../core/errors.js';
import type { AuthConfig } from './auth-config.js';
import { hashSecret } from './secret-hash.js';

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/** Counts the request against a limiter; over budget, sets Retry-After and throws a 429. */
async function check(limiter: Limiter, request: FastifyRequest, reply: FastifyReply) {
  const result = await limiter(request);
  if (result.isAllowed || !result.isExceeded) return;
  const seconds = Math.max(1, result.ttlInSeconds);
  reply.header('retry-after', String(seconds));
  throw new TearlineError(
    'TEARLINE_E_HTTP_RATE_LIMITED',
    `Too many requests; wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
    { kind: 'rate-limited' },
  );
}

/**
 * An onRequest hook (run before authentication, so floods never reach the database) that counts
 * every request against its address and, when it carries credentials, against those credentials
 * too, plus a tighter budget for sign-in attempts per address. Over budget: 429 with Retry-After
 * (RFC 6585 §4, RFC 9110 §10.2.3). Needs @fastify/rate-limit registered on `app`.
 *
 * @example app.addHook('onRequest', createRateLimitHook(app, toAuthConfig(config)))
 */
export function createRateLimitHook(app: FastifyInstance, config: AuthConfig) {
  const { max, windowMs, signInMax } = config.rateLimit;
  const byAddress = app.createRateLimit({
    max,
    timeWindow: windowMs,
    keyGenerator: (r) => `addr:${r.ip}`,
  });
  const byCredential = app.createRateLimit({
    max,
    timeWindow: windowMs,
    // The credential's hash keys the count, so the log-free store never holds the secret itself.
    keyGenerator: (r) => `cred:${hashSecret(r.headers.authorization ?? '')}`,
  });
  const bySignIn = app.createRateLimit({
    max: signInMax,
    timeWindow: windowMs,
    keyGenerator: (r) => `signin:${r.ip}`,
  });

  return async function limitRate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await check(byAddress, request, reply);
    if (request.headers.authorization) await check(byCredential, request, reply);
    if (request.method === 'POST' && request.url.split('?')[0] === '/api/session') {
      await check(bySignIn, request, reply);
    }
  };
}

/**
 * A budget of sign-in attempts per username, whatever the address, against password guessing
 * spread over many addresses; call it in the sign-in handler once the body is parsed.
 *
 * @example const limitUser = createSignInLimiter(app, auth); await limitUser(request, reply, username)
 */
export function createSignInLimiter(app: FastifyInstance, config: AuthConfig) {
  const byUsername = app.createRateLimit({
    max: config.rateLimit.signInMax,
    timeWindow: config.rateLimit.windowMs,
    keyGenerator: (r) =>
      `signin-user:${hashSecret(
        String((r.body as { username?: unknown })?.username ?? '')
          .trim()
          .toLowerCase(),
      )}`,
  });
  return (request: FastifyRequest, reply: FastifyReply) => check(byUsername, request, reply);
}
