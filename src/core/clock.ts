import { randomUUID } from 'node:crypto';

/** The time source. Injected everywhere so that tests freeze it. */
export interface Clock {
  now(): Date;
}

/** The id source (UUIDv4 strings). Injected everywhere so that tests make ids repeatable. */
export interface IdSource {
  uuid(): string;
}

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdSource = { uuid: () => randomUUID() };

/**
 * A clock that returns `start` and moves forward by `stepMs` on each call, for tests.
 *
 * @example const clock = createSteppingClock('2024-06-10T00:00:00.000Z', 1000)
 */
export function createSteppingClock(start: string, stepMs = 0): Clock {
  let t = Date.parse(start);
  return {
    now() {
      const d = new Date(t);
      t += stepMs;
      return d;
    },
  };
}

/**
 * Repeatable UUIDv4-shaped ids derived from a counter, for tests.
 *
 * @example createSequentialIds().uuid() // '00000000-0000-4000-8000-000000000001'
 */
export function createSequentialIds(seed = 0): IdSource {
  let n = seed;
  return {
    uuid() {
      n += 1;
      return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    },
  };
}

/** A STIX timestamp with millisecond precision (`2024-03-22T18:00:00.000Z`). */
export function toStixTimestamp(date: Date): string {
  return date.toISOString();
}
