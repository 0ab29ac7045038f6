/**
 * Admits at most `perTurn` request starts per turn of the event loop; the others wait, first come
 * first served, for a later turn.
 *
 * Why: since libuv 1.45 (Node 20) a listening socket accepts one connection per turn of the loop
 * (libuv PR #3696, "don't accept() connections in a loop"), and on SQLite a request's reads are
 * synchronous, so a turn that started every request that had arrived lasted (requests × their
 * time). With 200 clients connecting at once, the k-th connection waited for k such turns before
 * it was even accepted: quadratic, a minute and more on a slow machine, which clients saw as a
 * request never answered (issue 19; ADR 0026). So a turn starts at most `perTurn` requests, and
 * while connections keep being accepted (`acceptedCount` grows) the gate lets turns go by that
 * start none — each accepts one more connection — for as long as the last turn that started
 * requests took, so that a burst of connections is taken in within a few request turns, not one
 * per request served, and accepting never takes more than half of the loop's time.
 */
export interface TurnGate {
  /** Undefined when the request may start now; else a promise settled on the turn it may start. */
  enter(): Promise<void> | undefined;
  /** Requests waiting for a turn. */
  readonly waiting: number;
}

/** Turns without a request start that may follow one with, while connections keep arriving. */
const MAX_ACCEPT_TURNS = 256;

/**
 * @example const gate = createTurnGate(2, () => accepted); const wait = gate.enter(); if (wait) await wait;
 */
export function createTurnGate(perTurn: number, acceptedCount: () => number): TurnGate {
  const queue: Array<() => void> = [];
  let head = 0;
  let startedThisTurn = 0;
  let turnScheduled = false;
  let acceptedBefore = acceptedCount();
  let acceptTurns = 0;
  let requestTurnAt = 0;
  let requestTurnMs = 0;
  const waitingCount = () => queue.length - head;

  // An immediate set while the loop polls runs after this turn's I/O; one set from an immediate
  // runs in the next turn, after that turn's poll (and its accept).
  const schedule = () => {
    if (turnScheduled) return;
    turnScheduled = true;
    setImmediate(onTurn);
  };
  function onTurn() {
    turnScheduled = false;
    startedThisTurn = 0;
    const now = performance.now();
    if (acceptTurns === 0 && requestTurnAt > 0) requestTurnMs = now - requestTurnAt;
    const accepted = acceptedCount();
    const arriving = accepted !== acceptedBefore;
    acceptedBefore = accepted;
    if (
      arriving &&
      waitingCount() > 0 &&
      acceptTurns < MAX_ACCEPT_TURNS &&
      now - requestTurnAt < 2 * requestTurnMs
    ) {
      // A connection came in during this turn's poll: let the next turn accept another first.
      acceptTurns++;
      startedThisTurn = perTurn;
      schedule();
      return;
    }
    acceptTurns = 0;
    requestTurnAt = now;
    while (startedThisTurn < perTurn && waitingCount() > 0) {
      startedThisTurn++;
      const start = queue[head]!;
      queue[head++] = undefined as unknown as () => void;
      start();
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    if (waitingCount() > 0 || startedThisTurn > 0) schedule();
  }

  return {
    enter() {
      if (startedThisTurn < perTurn && waitingCount() === 0) {
        startedThisTurn++;
        schedule();
        return undefined;
      }
      schedule();
      return new Promise<void>((resolve) => queue.push(resolve));
    },
    get waiting() {
      return waitingCount();
    },
  };
}
