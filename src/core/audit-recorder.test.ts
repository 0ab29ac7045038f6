import { it } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditDraft } from './audit.js';
import { createAuditRecorder, type AuditEvent } from './audit-recorder.js';
import { createSteppingClock } from './clock.js';
import type { AuditTrail } from './ports/audit.js';

const event = (actorName: string): AuditEvent => ({
  actorId: 'u1',
  actorName,
  action: 'object.search',
  targets: '',
  origin: '127.0.0.1',
  status: 200,
});

/** A trail that keeps what it is given, and refuses the writes it is told to. */
function fakeTrail(failures: number) {
  const written: AuditDraft[][] = [];
  let left = failures;
  const trail = {
    append: async (drafts: readonly AuditDraft[]) => {
      if (left-- > 0) throw new Error('database away');
      written.push([...drafts]);
      return [];
    },
  } as unknown as AuditTrail;
  return { trail, written };
}

it('stamps each record when it is recorded, not when the batch is written', async () => {
  const { trail, written } = fakeTrail(0);
  const clock = createSteppingClock('2026-03-01T09:00:00.000Z', 1000);
  const recorder = createAuditRecorder(trail, clock, { flushMs: 3_600_000 });
  recorder.record(event('ana'));
  recorder.record(event('bea'));
  clock.now(); // time passes before the flush
  await recorder.flush();
  assert.deepEqual(
    written[0]!.map((d) => [d.actorName, d.at]),
    [
      ['ana', '2026-03-01T09:00:00.000Z'],
      ['bea', '2026-03-01T09:00:01.000Z'],
    ],
  );
  assert.deepEqual(Object.keys(written[0]![0]!).sort(), [
    'action',
    'actorId',
    'actorName',
    'at',
    'origin',
    'status',
    'targets',
  ]);
});

it('keeps a batch whose write failed and writes it first, in recording order', async () => {
  const { trail, written } = fakeTrail(1);
  const errors: unknown[] = [];
  const recorder = createAuditRecorder(trail, createSteppingClock('2026-03-01T09:00:00Z', 1), {
    flushMs: 3_600_000,
    onError: (error) => errors.push(error),
  });
  recorder.record(event('ana'));
  recorder.record(event('bea'));
  await recorder.flush();
  assert.equal(errors.length, 1);
  assert.equal(written.length, 0);
  recorder.record(event('cai'));
  await recorder.flush();
  assert.deepEqual(
    written.map((batch) => batch.map((d) => d.actorName)),
    [['ana', 'bea', 'cai']],
  );
  await recorder.flush();
  assert.equal(written.length, 1, 'nothing left to write');
});

it('writes at once when a batch is full', async () => {
  const { trail, written } = fakeTrail(0);
  const recorder = createAuditRecorder(trail, createSteppingClock('2026-03-01T09:00:00Z', 1), {
    flushMs: 3_600_000,
    maxBatch: 2,
  });
  recorder.record(event('ana'));
  recorder.record(event('bea'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(
    written.map((batch) => batch.map((d) => d.actorName)),
    [['ana', 'bea']],
    'written without waiting for flushMs',
  );
});
