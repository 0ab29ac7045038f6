import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { PageSlots } from './page-slots.js';

/** A page as the worker read it: the objects' JSON joined by commas, and where the page lies. */
export interface WorkerPage {
  /** The page's stored JSON texts joined by commas, UTF-8, at [jsonStart, jsonEnd). */
  bytes: Uint8Array;
  jsonStart: number;
  jsonEnd: number;
  count: number;
  more: boolean;
  /** [date_added, object_id, version] of the first and last row of the page. */
  first?: [string, string, string];
  last?: [string, string, string];
  /**
   * Present when `bytes` is borrowed shared memory (a PageSlots slot): call it once, when nothing
   * reads the bytes any more; until then the slot is not written again.
   */
  release?: () => void;
}

/** Reads pages of objects on a thread of its own; `close()` ends the thread. */
export interface PageReadWorker {
  /**
   * Runs a page query whose rows are (object_id, version, date_added, object) and asked for
   * `limit + 1` rows; undefined when the worker cannot serve (the caller then reads in-thread).
   * `room` bytes are left free before and after the page's JSON (CollectionObjectsPage).
   */
  readPage(
    sql: string,
    parameters: readonly unknown[],
    limit: number,
    room?: { before: number; after: number },
  ): Promise<WorkerPage | undefined>;
  /** How many shared page slots are free (all of them when no page is being sent). */
  freeSlots(): number;
  close(): Promise<void>;
}

// The worker's code, plain JavaScript evaluated in the thread (no TypeScript loader there). It
// opens its own read-only connection: WAL lets it read while the main connection writes, and it
// sees what was committed when each query starts, as a request on the main connection would.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('mmap_size = 268435456');
db.pragma('cache_size = -65536');
const statements = new Map();
const { slots, slotSize } = workerData;
const key = (row) => row && [row[2], row[0], row[1]];
parentPort.on('message', ({ id, sql, parameters, limit, before, after, slot }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql).raw(true);
      statements.set(sql, statement);
      if (statements.size > 64) statements.delete(statements.keys().next().value);
    }
    const rows = statement.all(parameters);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const text = page.map((row) => row[3]).join(',');
    const length = Buffer.byteLength(text);
    const reply = {
      id, jsonStart: before, jsonEnd: before + length,
      count: page.length, more, first: key(page[0]), last: key(page[page.length - 1]),
    };
    if (slot !== undefined && before + length + after <= slotSize) {
      Buffer.from(slots, slot * slotSize, slotSize).write(text, before);
      parentPort.postMessage({ ...reply, inSlot: true });
      return;
    }
    // Too big for a slot, or none was free: its own memory (not Node's shared pool), so that it
    // can be transferred.
    const bytes = Buffer.allocUnsafeSlow(before + length + after);
    bytes.write(text, before);
    parentPort.postMessage({ ...reply, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

interface Reply extends Partial<WorkerPage> {
  id: number;
  error?: string;
  /** The page was written into the slot the request named. */
  inSlot?: boolean;
}

/** Slots for pages of up to 256 KB (a hundred typical objects take ~55 KB); larger ones are transferred. */
const SLOT_SIZE = 256 * 1024;
/** More than the pages a server has in flight under 50 busy clients. */
const SLOT_COUNT = 64;

/**
 * A thread that reads TAXII pages from the SQLite file at `path`, started on first use. A page is
 * most of a TAXII request's CPU (reading a hundred rows, joining their JSON, encoding it), and the
 * server's thread is otherwise the only one working: on two cores the page reads then run beside
 * the HTTP work instead of after it. The bytes come back in a slot of shared memory (PageSlots),
 * or transferred when the page is too large for one; never copied (returning a string instead
 * measured ~10 % slower, for the copy into this thread's heap).
 *
 * @example const worker = createPageReadWorker('/data/tearline.db'); await worker.readPage(sql, params, 100)
 */
export function createPageReadWorker(path: string): PageReadWorker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const slots = new PageSlots(SLOT_COUNT, SLOT_SIZE);
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 0;
  const pending = new Map<number, (reply: Reply | undefined) => void>();
  const failAll = () => {
    for (const resolve of pending.values()) resolve(undefined);
    pending.clear();
  };
  const start = (): Worker => {
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, driver, slots: slots.memory, slotSize: slots.slotSize },
      execArgv: [],
    });
    w.on('message', (reply: Reply) => {
      const resolve = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      resolve?.(reply);
    });
    // A thread that cannot open the file or dies is not restarted: pages are read in-thread.
    w.on('error', () => {
      broken = true;
      worker = undefined;
      failAll();
    });
    w.on('exit', () => {
      worker = undefined;
      failAll();
    });
    // An idle reader must not keep a finished process alive; one with pages to read must.
    w.unref();
    return w;
  };
  return {
    async readPage(sql, parameters, limit, room = { before: 0, after: 0 }) {
      if (broken) return undefined;
      worker ??= start();
      const id = nextId++;
      const slot = slots.take();
      const reply = await new Promise<Reply | undefined>((resolve) => {
        pending.set(id, resolve);
        worker!.ref();
        worker!.postMessage({ id, sql, parameters, limit, ...room, slot });
      });
      const inSlot = slot !== undefined && reply?.inSlot === true;
      // A slot the page did not go into is free again at once; a written one once it is sent.
      if (slot !== undefined && !inSlot) slots.release(slot);
      if (!reply || reply.error !== undefined) return undefined;
      return {
        bytes: inSlot ? slots.view(slot) : reply.bytes!,
        jsonStart: reply.jsonStart!,
        jsonEnd: reply.jsonEnd!,
        count: reply.count!,
        more: reply.more!,
        ...(reply.first ? { first: reply.first } : {}),
        ...(reply.last ? { last: reply.last } : {}),
        ...(inSlot ? { release: releaseOnce(slots, slot) } : {}),
      };
    },
    freeSlots: () => slots.freeCount,
    async close() {
      const w = worker;
      worker = undefined;
      broken = true;
      failAll();
      if (w) await w.terminate();
    },
  };
}

/** A release that gives the slot back the first time only: a second call must not free it twice. */
function releaseOnce(slots: PageSlots, slot: number): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slots.release(slot);
  };
}
