import { Worker } from 'node:worker_threads';
import type { PageRoom } from '../../core/ports/collection-repository.js';
import { PageSlots } from './page-slots.js';

/** A page as a page-read thread read it: the objects' JSON joined by commas, and where it lies. */
export interface WorkerPage {
  /** The page's stored JSON texts joined by commas, UTF-8, at [jsonStart, jsonEnd). */
  bytes: Uint8Array;
  jsonStart: number;
  jsonEnd: number;
  count: number;
  more: boolean;
  /** Whether a row of the page may hold an audited marking id (its may_hold_audited column). */
  mayHoldAudited: boolean;
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
   * `limit + 1` rows; undefined when the thread cannot serve (the caller then reads in-thread).
   * `room` bytes are left free before and after the page's JSON (CollectionObjectsPage).
   */
  readPage(
    sql: string,
    parameters: readonly unknown[],
    limit: number,
    room?: PageRoom,
  ): Promise<WorkerPage | undefined>;
  /** How many shared page slots are free (all of them when no page is being sent). */
  freeSlots(): number;
  close(): Promise<void>;
}

/**
 * The part of a thread's source (plain JavaScript) that answers a request with the rows read for
 * it: `answerWithPage(request, rows)`. It expects `parentPort` and `workerData` in scope. The page
 * goes into the request's slot when it fits, else into memory of its own that is transferred.
 */
export const ANSWER_WITH_PAGE_JS = `
const { slots, slotSize } = workerData;
const keyOf = (row) => row && [row[2], row[0], row[1]];
function answerWithPage({ id, limit, before, after, slot }, rows) {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const text = page.map((row) => row[3]).join(',');
  const length = Buffer.byteLength(text);
  const reply = {
    id, jsonStart: before, jsonEnd: before + length,
    count: page.length, more, first: keyOf(page[0]), last: keyOf(page[page.length - 1]),
    mayHoldAudited: page.some((row) => Number(row[4]) !== 0),
  };
  if (slot !== undefined && before + length + after <= slotSize) {
    Buffer.from(slots, slot * slotSize, slotSize).write(text, before);
    parentPort.postMessage({ ...reply, inSlot: true });
    return;
  }
  // Its own memory (not Node's shared pool), so that it can be transferred.
  const bytes = Buffer.allocUnsafeSlow(before + length + after);
  bytes.write(text, before);
  parentPort.postMessage({ ...reply, bytes }, [bytes.buffer]);
}
function answerWithError({ id }, error) {
  parentPort.postMessage({ id, error: String((error && error.message) || error) });
}
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
/** How long a closing thread may take to close its connections before it is stopped. */
const CLOSE_GRACE_MS = 2000;

/**
 * Runs a page-read thread from `source`, started on first use. The source answers each message
 * `{ id, sql, parameters, limit, before, after, slot, ...extra }` with `answerWithPage` (include
 * ANSWER_WITH_PAGE_JS) or `answerWithError`, and on `{ close: true }` closes its connections and
 * lets the thread end. A page comes back in a slot of shared memory (PageSlots), or transferred
 * when too large for one; never copied. A thread that cannot start or dies is not restarted: the
 * caller reads in its own thread.
 *
 * @example const pages = startPageReadThread(SOURCE, { path }); await pages.readPage(sql, params, 100)
 */
export function startPageReadThread(
  source: string,
  workerData: Record<string, unknown>,
  extraOf: (sql: string) => Record<string, unknown> = () => ({}),
): PageReadWorker {
  // Made with the thread, so that a store that never serves a page holds no slots.
  let slots: PageSlots | undefined;
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 0;
  const pending = new Map<number, (reply: Reply | undefined) => void>();
  const failAll = () => {
    for (const resolve of pending.values()) resolve(undefined);
    pending.clear();
  };
  const start = (): Worker => {
    slots ??= new PageSlots(SLOT_COUNT, SLOT_SIZE);
    const w = new Worker(source, {
      eval: true,
      workerData: { ...workerData, slots: slots.memory, slotSize: slots.slotSize },
      execArgv: [],
    });
    w.on('message', (reply: Reply) => {
      const resolve = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      resolve?.(reply);
    });
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
      const pageSlots = slots!;
      const id = nextId++;
      const slot = pageSlots.take();
      const reply = await new Promise<Reply | undefined>((resolve) => {
        pending.set(id, resolve);
        worker!.ref();
        worker!.postMessage({ id, sql, parameters, limit, ...room, slot, ...extraOf(sql) });
      });
      const inSlot = slot !== undefined && reply?.inSlot === true;
      // A slot the page did not go into is free again at once; a written one once it is sent.
      if (slot !== undefined && !inSlot) pageSlots.release(slot);
      if (!reply || reply.error !== undefined) return undefined;
      return {
        bytes: inSlot ? pageSlots.view(slot) : reply.bytes!,
        jsonStart: reply.jsonStart!,
        jsonEnd: reply.jsonEnd!,
        count: reply.count!,
        more: reply.more!,
        // A thread whose query named no such column says nothing: the page is searched.
        mayHoldAudited: reply.mayHoldAudited !== false,
        ...(reply.first ? { first: reply.first } : {}),
        ...(reply.last ? { last: reply.last } : {}),
        ...(inSlot ? { release: releaseOnce(pageSlots, slot) } : {}),
      };
    },
    freeSlots: () => slots?.freeCount ?? SLOT_COUNT,
    async close() {
      const w = worker;
      worker = undefined;
      broken = true;
      failAll();
      if (!w) return;
      // Asked first, so that the thread closes its database connections itself.
      const exited = new Promise((resolve) => w.once('exit', resolve));
      w.postMessage({ close: true });
      const timer = setTimeout(() => void w.terminate(), CLOSE_GRACE_MS);
      await exited;
      clearTimeout(timer);
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
