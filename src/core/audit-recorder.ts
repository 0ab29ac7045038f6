import { COALESCED_ACTIONS, type AuditDraft } from './audit.js';
import type { Clock } from './clock.js';
import { toStixTimestamp } from './clock.js';
import type { AuditTrail } from './ports/audit.js';

/** A record as callers give it; the recorder stamps `at` from the injected clock. */
export type AuditEvent = Omit<AuditDraft, 'at'>;

export interface AuditRecorder {
  /** Buffers one record, keeping the event object as given; never waits for the database. */
  record(event: AuditEvent): void;
  /** Writes everything buffered so far (tests, shutdown). */
  flush(): Promise<void>;
}

export interface AuditRecorderOptions {
  /** Longest a record waits in the buffer (default 100 ms). */
  flushMs?: number;
  /**
   * Longest span of identical repeats of a coalesced action written as one record (default
   * 100 ms, and never more than one flush's events); 0 writes a record per event.
   */
  coalesceMs?: number;
  /** A batch this large is written at once (default 500). */
  maxBatch?: number;
  /** Called when a batch cannot be written (the records are kept for the next flush). */
  onError?: (error: unknown) => void;
}

/**
 * Records audit events off the request's path: they are buffered and appended in one chained
 * batch every `flushMs` or every `maxBatch` records, so a search pays for an array push, not a
 * transaction. Writes never overlap, so batches chain in the order they were recorded.
 *
 * Repeats of a coalesced action (a partner paging a collection, ADR 0038) that are identical in
 * every field but their time, and fall within `coalesceMs` of the first, are written as one
 * record at the first one's time with their count: under load the write, the audit's main cost,
 * is paid once per window and client instead of once per page.
 *
 * @example const audit = createAuditRecorder(store.audit, systemClock); audit.record({ … })
 */
export function createAuditRecorder(
  trail: AuditTrail,
  clock: Clock,
  options: AuditRecorderOptions = {},
): AuditRecorder {
  const flushMs = options.flushMs ?? 100;
  const coalesceMs = options.coalesceMs ?? 100;
  const maxBatch = options.maxBatch ?? 500;
  // A request pays for two pushes: the event as the caller built it and the clock's reading.
  // Timestamps are formatted and drafts built at the flush, for a whole batch at once.
  let events: AuditEvent[] = [];
  let times: Date[] = [];
  // A batch whose write failed, written first at the next flush.
  let unwritten: AuditDraft[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const takeBatch = (): AuditDraft[] => {
    const batch = unwritten;
    // A coalesced action's open record by its identity: the draft and its first event's time.
    const open = new Map<string, { draft: AuditDraft; since: number }>();
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      const time = times[i]!.getTime();
      const key = coalesceMs > 0 && COALESCED_ACTIONS.has(e.action) ? identityOf(e) : undefined;
      const same = key === undefined ? undefined : open.get(key);
      if (same !== undefined && time - same.since <= coalesceMs) {
        same.draft.count = (same.draft.count ?? 1) + 1;
        continue;
      }
      const draft: AuditDraft = {
        at: toStixTimestamp(times[i]!),
        actorId: e.actorId,
        actorName: e.actorName,
        action: e.action,
        targets: e.targets,
        origin: e.origin,
        status: e.status,
      };
      batch.push(draft);
      if (key !== undefined) open.set(key, { draft, since: time });
    }
    events = [];
    times = [];
    unwritten = [];
    return batch;
  };

  const flush = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    writing = writing.then(async () => {
      if (events.length === 0 && unwritten.length === 0) return;
      const batch = takeBatch();
      try {
        await trail.append(batch);
      } catch (error) {
        unwritten = batch;
        options.onError?.(error);
      }
    });
    return writing;
  };

  return {
    record(event) {
      events.push(event);
      times.push(clock.now());
      if (events.length >= maxBatch) void flush();
      else if (!timer) {
        timer = setTimeout(() => void flush(), flushMs);
        timer.unref?.();
      }
    },
    flush,
  };
}

/** Every field of an event but its time, as one string: the events one record may stand for. */
function identityOf(e: AuditEvent): string {
  return `${e.action}\u0000${e.actorId}\u0000${e.actorName}\u0000${e.targets}\u0000${e.origin}\u0000${e.status}`;
}
