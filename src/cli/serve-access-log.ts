import type { FastifyInstance } from 'fastify';

/** How much `tearline serve` says about requests: nothing but a summary, or one line each. */
export type AccessLogMode = 'summary' | 'each';

/**
 * Reports the server's traffic on `write` (standard error) without burying what `serve` printed
 * first (the credentials): by default one summary line a minute when there was traffic ("Served
 * 42 requests in the last minute: 40 ok, 2 refused"); with `--log-level info` (or more) one
 * readable line per request ("GET /api/drafts 200 12 ms"). Returns a function that stops it.
 *
 * @example const stop = addAccessLog(app, 'summary', (l) => process.stderr.write(l))
 */
export function addAccessLog(
  app: FastifyInstance,
  mode: AccessLogMode,
  write: (line: string) => void,
  everyMs = 60_000,
): () => void {
  let counts = { total: 0, ok: 0, refused: 0, failed: 0 };
  // A callback hook: an async one costs every request a promise.
  app.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    if (mode === 'each') {
      const path = request.url.split('?', 1)[0];
      write(`${request.method} ${path} ${status} ${Math.round(reply.elapsedTime)} ms\n`);
    } else {
      counts.total++;
      if (status >= 500) counts.failed++;
      else if (status >= 400) counts.refused++;
      else counts.ok++;
    }
    done();
  });
  if (mode === 'each') return () => undefined;
  const timer = setInterval(() => {
    if (counts.total === 0) return;
    const { total, ok, refused, failed } = counts;
    counts = { total: 0, ok: 0, refused: 0, failed: 0 };
    const parts = [
      `${ok} ok`,
      ...(refused ? [`${refused} refused`] : []),
      ...(failed ? [`${failed} failed`] : []),
    ];
    write(
      `Served ${total} request${total === 1 ? '' : 's'} in the last minute: ${parts.join(', ')} (one line per request with --log-level info).\n`,
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * The server log's level and the access log's mode from `--log-level` (or TEARLINE_LOG_LEVEL):
 * unset keeps Fastify's own log to warnings and summarises traffic; info prints a line per
 * request; debug and trace add Fastify's JSON lines.
 *
 * @example toLogSettings('info') // { level: 'warn', access: 'each' }
 */
export function toLogSettings(given: string | undefined): { level: string; access: AccessLogMode } {
  if (given === undefined) return { level: 'warn', access: 'summary' };
  if (!LEVELS.includes(given)) {
    throw new Error(`--log-level must be one of ${LEVELS.join(', ')} (got "${given}").`);
  }
  const rank = LEVELS.indexOf(given);
  return {
    level: given === 'debug' || given === 'trace' ? given : rank < 2 ? given : 'warn',
    access: given === 'silent' || rank < 3 ? 'summary' : 'each',
  };
}
