import { getHeapStatistics } from 'node:v8';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import underPressure from '@fastify/under-pressure';
import { toProblem } from '../errors/problem.js';
import { createTurnGate } from './turn-gate.js';

/** Two of under-pressure's one-second samples: long enough for the boot's lag to leave them. */
const BOOT_GRACE_MS = 2000;

/** When the server sheds load instead of queueing (ADR 0026 decides the defaults). */
export interface LoadLimits {
  /** Requests in flight (started or waiting for a turn) past which new ones get 503. */
  maxInFlight: number;
  /** Extra in-flight room that only partners' TAXII requests and sign-in may use. */
  reservedInFlight: number;
  /** Mean event-loop delay (ms, over one-second samples) past which requests get 503. */
  maxEventLoopDelayMs: number;
  /** Used V8 heap past which requests get 503; 0: 85 % of the heap's limit. */
  maxHeapUsedBytes: number;
}

/** The defaults ADR 0026 chose from measurements on the project's 2-core machines. */
export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  maxInFlight: 32,
  reservedInFlight: 16,
  maxEventLoopDelayMs: 1000,
  maxHeapUsedBytes: 0,
};

/** Request starts per event-loop turn (turn-gate.ts says why turns must stay short). */
const STARTS_PER_TURN = 2;
/** Bounds of the seconds a shed client is asked to wait (RFC 9110 §10.2.3). */
const RETRY_AFTER_MIN_SECONDS = 1;
const RETRY_AFTER_MAX_SECONDS = 30;

/**
 * Partners' TAXII requests and sign-in, which keep a reserved share of the server when it sheds
 * load. Decided from the request line and the credential's shape only (a partner secret starts
 * with `tlpt_`), before any database work; a forged one gains nothing but a fast 401.
 */
export function isReservedRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  if (request.method === 'POST' && path === '/api/session') return true;
  if (path !== '/taxii2' && !path.startsWith('/taxii2/')) return false;
  const header = request.headers.authorization ?? '';
  const [scheme = '', value = ''] = header.split(/ +/, 2);
  if (scheme.toLowerCase() === 'bearer') return value.startsWith('tlpt_');
  if (scheme.toLowerCase() !== 'basic') return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1).startsWith('tlpt_');
}

/**
 * Readies a 503 with Retry-After and returns its problem body. The connection stays open: closing
 * it made every refused client reconnect, and the accepts cost more than the refusals (ADR 0026).
 */
function toShedProblem(reply: FastifyReply, why: string, seconds: number) {
  reply
    .code(503)
    .header('retry-after', String(seconds))
    .type('application/problem+json; charset=utf-8');
  return toProblem(
    503,
    'TEARLINE_E_HTTP_OVERLOADED',
    `The server is saturated (${why}); retry after ${seconds} second${seconds === 1 ? '' : 's'}.`,
  );
}

/**
 * Registers, before every other hook: under-pressure (503 when the event loop lags or the heap
 * is nearly full), then an in-flight limit with a reserved share, then the turn gate that lets
 * at most a few requests start per turn of the event loop. `limits` undefined: only the turn
 * gate (in-process tests, whose machine's load must not turn their requests away).
 *
 * @example await registerLoadShedding(app, DEFAULT_LOAD_LIMITS)
 */
export async function registerLoadShedding(
  app: FastifyInstance,
  limits: LoadLimits | undefined,
): Promise<void> {
  let inFlight = 0;
  // Answers a second, smoothed: Retry-After asks for the time the requests in flight take to
  // drain, so that well-behaved clients come back when there is room, not every second.
  let completed = 0;
  let perSecond = 0;
  const meter = setInterval(() => {
    perSecond = perSecond === 0 ? completed : (perSecond + completed) / 2;
    completed = 0;
  }, 1000).unref();
  app.addHook('onClose', () => clearInterval(meter));
  const retryAfter = () =>
    Math.min(
      RETRY_AFTER_MAX_SECONDS,
      Math.max(RETRY_AFTER_MIN_SECONDS, Math.ceil(inFlight / Math.max(1, perSecond))),
    );
  // The boot's own work (compiling every route's validators and serialisers) lags the loop in
  // under-pressure's first samples; that is not load, so it sheds nothing for a while after ready.
  let readyAt = Number.POSITIVE_INFINITY;
  app.addHook('onReady', async () => {
    readyAt = Date.now();
  });
  const isBootLag = (type: string) =>
    type === 'eventLoopDelay' && Date.now() - readyAt < BOOT_GRACE_MS;
  if (limits) {
    await app.register(underPressure, {
      maxEventLoopDelay: limits.maxEventLoopDelayMs,
      maxHeapUsedBytes:
        limits.maxHeapUsedBytes || Math.floor(getHeapStatistics().heap_size_limit * 0.85),
      // Reserved requests go on; the others are answered here (the hook below then stops).
      pressureHandler: (request, reply, type) => {
        if (isBootLag(type)) return;
        if (!isReservedRequest(request)) void reply.send(toShedProblem(reply, type, retryAfter()));
      },
    });
  }
  let accepted = 0;
  app.server.on('connection', () => accepted++);
  const gate = createTurnGate(STARTS_PER_TURN, () => accepted);
  app.addHook('onRequest', (request, reply, done) => {
    if (reply.sent) return; // shed by under-pressure
    if (limits) {
      const limit = limits.maxInFlight + (isReservedRequest(request) ? limits.reservedInFlight : 0);
      if (inFlight >= limit) {
        void reply.send(toShedProblem(reply, `${inFlight} requests in flight`, retryAfter()));
        return;
      }
    }
    inFlight++;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      inFlight--;
      completed++;
    };
    // 'finish' when the response is sent, 'close' when the client left first: either ends it.
    reply.raw.once('finish', finish).once('close', finish);
    const wait = gate.enter();
    if (wait) void wait.then(() => done());
    else done();
  });
}
