import type { Clock } from '../core/clock.js';
import { toStixTimestamp } from '../core/clock.js';
import type { AlertDelivery, AlertRepository } from '../core/ports/analysis.js';

/** Sends one POST; resolves to the HTTP status, rejects on network errors and on abort. */
export type WebhookSender = (url: string, body: string, signal: AbortSignal) => Promise<number>;

/** Timers the loop schedules itself with (tests pass their own). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WebhookDeliveryOptions {
  repo: Pick<AlertRepository, 'listDueDeliveries' | 'markDelivered' | 'markFailed'>;
  clock: Clock;
  /** How a delivery is POSTed (the server wires the policy-held fetch). */
  send: WebhookSender;
  timers?: Timers;
  /** A POST that has not answered after this long is abandoned and retried (default 10 s). */
  timeoutMs?: number;
  /** First retry delay; each further failure doubles it (default 1 s). */
  baseDelayMs?: number;
  /** Longest retry delay (default 1 h). Deliveries are never dropped. */
  maxDelayMs?: number;
  /** How often the loop looks for due deliveries (default 1 s). */
  pollMs?: number;
}

/**
 * Posts JSON with the given fetch; the server passes one held to the outbound policy with the
 * webhook allow list (ADR 0024).
 *
 * @example const send = toFetchSender(createGuardedFetch({ maxRedirects: 0 }))
 */
export const toFetchSender =
  (fetchImpl: (url: string, init: RequestInit) => Promise<Response>): WebhookSender =>
  async (url, body, signal) => {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'tearline-alerts/0.1' },
      body,
      signal,
      redirect: 'error',
    });
    await response.body?.cancel();
    return response.status;
  };

/**
 * The alert outbox's delivery loop: each due delivery is POSTed; a 2xx marks it delivered,
 * anything else (timeout, network error, non-2xx) schedules a retry after an exponentially
 * growing delay. Rows stay in the outbox until delivered, so a restart loses nothing.
 *
 * @example const loop = createWebhookDelivery({ repo: store.analysis, clock }); loop.start()
 */
export function createWebhookDelivery(options: WebhookDeliveryOptions) {
  const send = options.send;
  const timers: Timers = options.timers ?? {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 3_600_000;
  const pollMs = options.pollMs ?? 1000;
  let handle: unknown;
  let running = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  /** The delay before retry number `attempts` + 1, after `attempts` failures. */
  function retryDelay(attempts: number): number {
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
  }

  async function attempt(d: AlertDelivery): Promise<boolean> {
    const controller = new AbortController();
    const timer = timers.setTimeout(() => controller.abort(), timeoutMs);
    const attempts = d.attempts + 1;
    let error: string;
    try {
      const status = await send(d.url, d.payload, controller.signal);
      if (status >= 200 && status < 300) {
        await options.repo.markDelivered(d.id, toStixTimestamp(options.clock.now()), attempts);
        return true;
      }
      error = `HTTP ${status}`;
    } catch (e) {
      error = controller.signal.aborted ? `no answer within ${timeoutMs} ms` : (e as Error).message;
    } finally {
      timers.clearTimeout(timer);
    }
    const next = new Date(options.clock.now().getTime() + retryDelay(attempts));
    await options.repo.markFailed(d.id, attempts, toStixTimestamp(next), error);
    return false;
  }

  /** Attempts every delivery due now, one at a time; returns how many succeeded and failed. */
  async function deliverDue(): Promise<{ delivered: number; failed: number }> {
    const due = await options.repo.listDueDeliveries(toStixTimestamp(options.clock.now()), 50);
    let delivered = 0;
    for (const d of due) if (await attempt(d)) delivered++;
    return { delivered, failed: due.length - delivered };
  }

  function schedule(): void {
    if (!running) return;
    handle = timers.setTimeout(() => {
      inFlight = deliverDue()
        .catch(() => undefined)
        .finally(schedule);
    }, pollMs);
  }

  return {
    deliverDue,
    retryDelay,
    start(): void {
      if (running) return;
      running = true;
      schedule();
    },
    /** Stops the loop and waits for a round in progress. */
    async stop(): Promise<void> {
      running = false;
      timers.clearTimeout(handle);
      await inFlight;
    },
  };
}
