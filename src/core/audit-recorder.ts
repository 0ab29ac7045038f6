import type { AuditDraft } from './audit.js';
import type { Clock } from './clock.js';
import { toStixTimestamp } from './clock.js';
import type { AuditTrail } from './ports/audit.js';

/** A record as callers give it; the recorder stamps `at` from the injected clock. */
export type AuditEvent = Omit<AuditDraft, 'at'>;

export interface AuditRecorder {
  /** Buffers one record; never waits for the database. */
  record(event: AuditEvent): void;
  /** Writes everything buffered so far (tests, shutdown). */
  flush(): Promise<void>;
}

export interface AuditRecorderOptions {
  /** Longest a record waits in the buffer (default 100 ms). */
  flushMs?: number;
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
 * @example const audit = createAuditRecorder(store.audit, systemClock); audit.record({ … })
 */
export function createAuditRecorder(
  trail: AuditTrail,
  clock: Clock,
  options: AuditRecorderOptions = {},
): AuditRecorder {
  const flushMs = options.flushMs ?? 100;
  const maxBatch = options.maxBatch ?? 500;
  let buffer: AuditDraft[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    writing = writing.then(async () => {
      if (buffer.length === 0) return;
      const batch = buffer;
      buffer = [];
      try {
        await trail.append(batch);
      } catch (error) {
        buffer = batch.concat(buffer);
        options.onError?.(error);
      }
    });
    return writing;
  };

  return {
    record(event) {
      buffer.push({ ...event, at: toStixTimestamp(clock.now()) });
      if (buffer.length >= maxBatch) void flush();
      else if (!timer) {
        timer = setTimeout(() => void flush(), flushMs);
        timer.unref?.();
      }
    },
    flush,
  };
}
