import type { StixObject } from '../src/core/stix/stix-object.js';
import { createSequentialIds } from '../src/core/clock.js';
import type { IngestDeps } from '../src/ingest/review/review-deps.js';
import type { Store } from '../src/store/create-store.js';

/** Two reports of one attack, written for these tests, and one of another attack. */
export const FIRST_REPORT =
  'Gunmen opened fire at the Crocus City Hall concert venue in Krasnogorsk, near Moscow, on Friday, killing at least 133 people and injuring more than 140. Islamic State Khorasan Province claimed responsibility for the attack, officials said.';
export const SECOND_REPORT =
  'Russian investigators said on Saturday that the death toll from the shooting at a concert hall in Krasnogorsk had climbed to 137. ISIS-K said it carried out the attack.';
export const OTHER_REPORT =
  'Two suicide bombers killed 95 people at a memorial procession in Kerman, Iran, on Wednesday. Islamic State Khorasan Province claimed the bombings.';

/** A manual clock tests move by hand. */
export function createTestClock(start = '2024-03-23T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

/** Ingest deps over a store with a frozen clock and sequential ids; accepted incidents are recorded. */
export function createIngestDeps(
  store: Store,
  accepted: string[] = [],
): IngestDeps & {
  clock: ReturnType<typeof createTestClock>;
} {
  return {
    repo: store.ingest,
    objects: store.objects,
    clock: createTestClock(),
    ids: createSequentialIds(),
    onIncidentAccepted: async (id: string, _written: readonly StixObject[]) => {
      accepted.push(id);
    },
  };
}
