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
 * record at the first one's time with their count: under load the write is paid once per window
 * and client instead of once per page. A repeat is counted as it is recorded, into the open
 * record it repeats (ADR 0039): it adds nothing to the buffer and nothing to the flush.
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
  // A request pays for a push and the clock's reading, or, repeating an open record, for a
  // count. Timestamps are formatted and drafts built at the flush, for a whole batch at once.
  let pending: Pending[] = [];
  // The coalesced actions' records still open to repeats, by actor: a few per flush (one per
  // partner and collection it pages), compared field by field, never joined into a key.
  let open = new Map<string, Pending[]>();
  // A batch whose write failed, written first at the next flush.
  let unwritten: AuditDraft[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const takeBatch = (): AuditDraft[] => {
    const batch = unwritten;
    for (const { event: e, at, count } of pending) {
      batch.push({
        at: toStixTimestamp(at),
        actorId: e.actorId,
        actorName: e.actorName,
        action: e.action,
        targets: e.targets,
        origin: e.origin,
        status: e.status,
        ...(count === 1 ? {} : { count }),
      });
    }
    pending = [];
    open = new Map();
    unwritten = [];
    return batch;
  };

  /** Counts the event into an open record it repeats; false when there is none. */
  const countedAsRepeat = (event: AuditEvent, now: Date): boolean => {
    for (const record of open.get(event.actorId) ?? []) {
      if (sameButTime(record.event, event) && now.getTime() - record.at.getTime() <= coalesceMs) {
        record.count++;
        return true;
      }
    }
    return false;
  };
  const keepOpen = (record: Pending): void => {
    const records = open.get(record.event.actorId);
    if (records === undefined) open.set(record.event.actorId, [record]);
    else records.push(record);
  };

  const flush = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    writing = writing.then(async () => {
      if (pending.length === 0 && unwritten.length === 0) return;
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
      const now = clock.now();
      const coalesced = coalesceMs > 0 && COALESCED_ACTIONS.has(event.action);
      if (coalesced && countedAsRepeat(event, now)) return;
      const record: Pending = { event, at: now, count: 1 };
      pending.push(record);
      if (coalesced) keepOpen(record);
      if (pending.length >= maxBatch) void flush();
      else if (!timer) {
        timer = setTimeout(() => void flush(), flushMs);
        timer.unref?.();
      }
    },
    flush,
  };
}

/** An event waiting for the flush, with the repeats it stands for. */
interface Pending {
  event: AuditEvent;
  at: Date;
  count: number;
}

/** Whether two events are the same in every field but their time: one record may stand for both. */
function sameButTime(a: AuditEvent, b: AuditEvent): boolean {
  return (
    a.action === b.action &&
    a.actorId === b.actorId &&
    a.actorName === b.actorName &&
    a.targets === b.targets &&
    a.origin === b.origin &&
    a.status === b.status
  );
}
