/**
 * Fixed-size slots in one SharedArrayBuffer, where the page-read thread writes pages for the
 * server's thread to send. A page sent from its own transferred ArrayBuffer is external memory
 * the server's heap has to account for: at ~3,000 pages of 55 KB a second that is 64 MB every
 * 350 ms, and V8 answered with a full mark-compact each time, the longest pauses of the server's
 * tail. A slot is the same memory page after page, so nothing new is allocated per page.
 *
 * A slot belongs to one page from `take()` until `release()`: the holder must release it only
 * once nothing reads it any more (for a response, when the socket is done with its bytes), or the
 * next page written into it would change bytes still being sent.
 */
export class PageSlots {
  readonly memory: SharedArrayBuffer;
  readonly #free: number[];

  constructor(
    readonly count: number,
    readonly slotSize: number,
  ) {
    this.memory = new SharedArrayBuffer(count * slotSize);
    this.#free = Array.from({ length: count }, (_, i) => count - 1 - i);
  }

  /** A free slot's index, or undefined when every slot holds a page still being sent. */
  take(): number | undefined {
    return this.#free.pop();
  }

  /** Gives a slot back; the next page may be written into it at once. */
  release(slot: number): void {
    this.#free.push(slot);
  }

  /** How many slots are free (for tests and diagnostics). */
  get freeCount(): number {
    return this.#free.length;
  }

  /** The bytes of slot `slot`, a view without a copy. */
  view(slot: number): Buffer {
    return Buffer.from(this.memory, slot * this.slotSize, this.slotSize);
  }
}
