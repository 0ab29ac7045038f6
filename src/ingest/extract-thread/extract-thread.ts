import { Worker } from 'node:worker_threads';
import { isErrorCode, TearlineError, type ErrorDetail, type ErrorKind } from '../../core/errors.js';
import type { ExtractOptions, ExtractResult } from '../extract.js';
import type { ExtractInput } from '../extract-types.js';
import type { ExtractReply, ExtractRequest } from './extract-thread-protocol.js';

/** Extracts a document somewhere other than the caller's event loop. */
export type DocumentExtractor = (
  input: ExtractInput,
  options?: Pick<ExtractOptions, 'knownActors' | 'maxChars' | 'sectionChars'>,
) => Promise<ExtractResult>;

/** An extraction thread: `extract` sends it a document, `close` ends it. */
export interface ExtractThread {
  extract: DocumentExtractor;
  close(): Promise<void>;
}

interface Pending {
  resolve(result: ExtractResult): void;
  reject(error: Error): void;
}

/**
 * One worker thread that runs `extractDocument`, started at the first document and kept for the
 * next. Documents are extracted one at a time in the order sent (two cores are shared with the
 * server's own work); a thread that dies fails the documents it held and the next is sent to a
 * new one. `sectionChars` applies to every document unless the call gives its own.
 *
 * @example const thread = createExtractThread(); const result = await thread.extract({ id, text })
 */
export function createExtractThread(defaults: { sectionChars?: number } = {}): ExtractThread {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const w = spawnWorker();
    w.on('message', (reply: ExtractReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      if ('result' in reply) p.resolve(reply.result);
      else p.reject(toError(reply.error));
    });
    w.on('error', (error) => {
      if (worker === w) worker = undefined;
      failAll(error);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      failAll(new Error(`the extraction thread stopped (exit code ${code})`));
    });
    return w;
  };

  return {
    extract(input, options = {}) {
      worker ??= start();
      const w = worker;
      // Referenced while it holds work, so that a process waiting for a draft does not exit.
      w.ref();
      const id = nextId++;
      const request: ExtractRequest = {
        id,
        input,
        options: {
          ...(defaults.sectionChars !== undefined ? { sectionChars: defaults.sectionChars } : {}),
          ...options,
        },
      };
      return new Promise<ExtractResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage(request);
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
      failAll(new Error('the extraction thread was closed'));
    },
  };
}

/** The worker's entry: compiled JavaScript next to this file, or TypeScript loaded through tsx. */
function spawnWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new Worker(new URL('./extract-thread-worker.js', here));
  const entry = new URL('./extract-thread-worker.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

function toError(error: Extract<ExtractReply, { error: unknown }>['error']): Error {
  if (!error.code || !isErrorCode(error.code)) return new Error(error.message);
  return new TearlineError(error.code, error.message, {
    kind: (error.kind ?? 'input') as ErrorKind,
    details: (error.details ?? []) as ErrorDetail[],
  });
}

let shared: ExtractThread | undefined;

/**
 * The process's one extraction thread, shared by every server (and test app) in it: the thread
 * loads the gazetteers and the model once, and an idle thread does not keep the process alive.
 *
 * @example await getSharedExtractThread().extract({ id: 'r1', text })
 */
export function getSharedExtractThread(): ExtractThread {
  shared ??= createExtractThread();
  return shared;
}
