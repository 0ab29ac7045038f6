import http from 'node:http';

/** One request of the load's rotation. */
export interface LoadRequest {
  readonly path: string;
  readonly headers?: Record<string, string>;
}

/** What a run of `driveLoad` saw. */
export interface LoadOutcome {
  readonly seconds: number;
  /** Answers by status code. */
  readonly statuses: Record<number, number>;
  /** 2xx answers a second: the goodput. */
  readonly goodput: number;
  /** Latency of the 2xx answers, in ms. */
  readonly p50: number;
  readonly p99: number;
  /** Slowest answer of any status, in ms. */
  readonly slowestMs: number;
  /** 503 answers without a Retry-After header. */
  readonly shedWithoutRetryAfter: number;
  /** Requests with no answer within the deadline, or whose connection failed. */
  readonly unanswered: number;
  readonly failures: readonly string[];
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/**
 * Closed-loop load: `clients` keep-alive connections, each sending the `requests` in turn, the
 * next as soon as the last is answered — or, after a 503, once its Retry-After has passed, as a
 * well-behaved client does. A request not answered within `deadlineMs` counts as unanswered
 * (and its connection is dropped), as does a connection error.
 *
 * @example const outcome = await driveLoad(url, token, requests, { clients: 200, seconds: 30, deadlineMs: 10_000 })
 */
export async function driveLoad(
  url: string,
  token: string,
  requests: readonly LoadRequest[],
  options: { clients: number; seconds: number; deadlineMs: number },
): Promise<LoadOutcome> {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  const failures: string[] = [];
  let slowestMs = 0;
  let shedWithoutRetryAfter = 0;
  let unanswered = 0;
  const started = performance.now();
  const endAt = started + options.seconds * 1000;

  const send = (request: LoadRequest) =>
    new Promise<{ status: number; retryAfter?: string } | undefined>((resolve) => {
      const sentAt = performance.now();
      const req = http.request(
        {
          hostname,
          port,
          path: request.path,
          agent,
          headers: { authorization: `Bearer ${token}`, ...request.headers },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            clearTimeout(timer);
            const ms = performance.now() - sentAt;
            slowestMs = Math.max(slowestMs, ms);
            const status = res.statusCode ?? 0;
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status >= 200 && status < 300) latencies.push(ms);
            const retryAfter = res.headers['retry-after'];
            if (status === 503 && !retryAfter) shedWithoutRetryAfter++;
            resolve({ status, ...(retryAfter ? { retryAfter } : {}) });
          });
        },
      );
      const timer = setTimeout(() => {
        unanswered++;
        if (failures.length < 10)
          failures.push(`no answer in ${options.deadlineMs} ms: ${request.path}`);
        req.destroy();
        resolve(undefined);
      }, options.deadlineMs);
      req.on('error', (error) => {
        if (req.destroyed && performance.now() - sentAt >= options.deadlineMs) return;
        clearTimeout(timer);
        unanswered++;
        if (failures.length < 10) failures.push(`${request.path}: ${error.message}`);
        resolve(undefined);
      });
      req.end();
    });

  const client = async (offset: number) => {
    for (let i = offset; performance.now() < endAt; i++) {
      const answer = await send(requests[i % requests.length]!);
      const wait = answer?.status === 503 ? Number(answer.retryAfter ?? 1) * 1000 : 0;
      if (wait > 0)
        await new Promise((r) => setTimeout(r, Math.min(wait, endAt - performance.now())));
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const ok = latencies.length;
  return {
    seconds,
    statuses,
    goodput: ok / seconds,
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    slowestMs: Math.round(slowestMs),
    shedWithoutRetryAfter,
    unanswered,
    failures,
  };
}
