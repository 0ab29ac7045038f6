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

it('writes identical repeats of a page read within 100 ms as one record with their count', async () => {
  const { trail, written } = fakeTrail(0);
  // 40 ms between events: the first three fall within 100 ms of the first, the fourth does not.
  const clock = createSteppingClock('2026-03-01T09:00:00.000Z', 40);
  const recorder = createAuditRecorder(trail, clock, { flushMs: 3_600_000 });
  const read = (origin = '10.0.0.7', status = 200): AuditEvent => ({
    actorId: 'partner:p1',
    actorName: 'Partner',
    action: 'taxii.read',
    targets: 'collection-1',
    origin,
    status,
  });
  recorder.record(read());
  recorder.record(read('10.0.0.8')); // another origin: its own record
  recorder.record(read());
  recorder.record(read(undefined, 404)); // another status: its own record
  recorder.record(read()); // 160 ms after the first: a new record
  await recorder.flush();
  assert.deepEqual(
    written[0]!.map((d) => [d.at, d.origin, d.status, d.count ?? 1]),
    [
      ['2026-03-01T09:00:00.000Z', '10.0.0.7', 200, 2],
      ['2026-03-01T09:00:00.040Z', '10.0.0.8', 200, 1],
      ['2026-03-01T09:00:00.120Z', '10.0.0.7', 404, 1],
      ['2026-03-01T09:00:00.160Z', '10.0.0.7', 200, 1],
    ],
  );
});

it('counts repeated restricted reads of the same objects, and keeps reads of others apart', async () => {
  const { trail, written } = fakeTrail(0);
  const recorder = createAuditRecorder(trail, createSteppingClock('2026-03-01T09:00:00Z', 1), {
    flushMs: 3_600_000,
  });
  const read = (targets: string): AuditEvent => ({
    ...event('ana'),
    action: 'object.read-restricted',
    targets,
  });
  for (const targets of ['x--1', 'x--1 x--2', 'x--1', 'x--1 x--2', 'x--1'])
    recorder.record(read(targets));
  await recorder.flush();
  assert.deepEqual(
    written[0]!.map((d) => [d.targets, d.count ?? 1]),
    [
      ['x--1', 3],
      ['x--1 x--2', 2],
    ],
  );
});

it('keeps a record per event for actions that are not coalesced', async () => {
  const { trail, written } = fakeTrail(0);
  const recorder = createAuditRecorder(trail, createSteppingClock('2026-03-01T09:00:00Z', 1), {
    flushMs: 3_600_000,
  });
  const failed: AuditEvent = { ...event('ana'), action: 'session.sign-in-failed', status: 401 };
  recorder.record(failed);
  recorder.record(failed);
  recorder.record({ ...event('ana'), action: 'release.download', targets: 'x--1' });
  recorder.record({ ...event('ana'), action: 'release.download', targets: 'x--1' });
  await recorder.flush();
  assert.equal(written[0]!.length, 4);
  assert.ok(written[0]!.every((d) => d.count === undefined));
});

it('writes a record per event when coalescing is off', async () => {
  const { trail, written } = fakeTrail(0);
  const recorder = createAuditRecorder(trail, createSteppingClock('2026-03-01T09:00:00Z', 0), {
    flushMs: 3_600_000,
    coalesceMs: 0,
  });
  for (let i = 0; i < 3; i++) recorder.record({ ...event('ana'), action: 'taxii.read' });
  await recorder.flush();
  assert.deepEqual(
    written[0]!.map((d) => d.count ?? 1),
    [1, 1, 1],
  );
});

it('coalesces two partners paging in turn into a record each, and counts records, not repeats, towards a full batch', async () => {
  const { trail, written } = fakeTrail(0);
  const recorder = createAuditRecorder(trail, createSteppingClock('2026-03-01T09:00:00Z', 1), {
    flushMs: 3_600_000,
    maxBatch: 3,
  });
  const page = (partner: string): AuditEvent => ({
    actorId: `partner:${partner}`,
    actorName: partner,
    action: 'taxii.read',
    targets: 'collection-1',
    origin: '10.0.0.7',
    status: 200,
  });
  for (let i = 0; i < 5; i++) {
    recorder.record(page('p1'));
    recorder.record(page('p2'));
  }
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(written.length, 0, 'ten events are two records: the batch of three is not full');
  recorder.record({ ...event('ana'), action: 'object.read-restricted', targets: 'x--1' });
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(
    written[0]!.map((d) => [d.actorName, d.count ?? 1]),
    [
      ['p1', 5],
      ['p2', 5],
      ['ana', 1],
    ],
  );
  recorder.record(page('p1')); // after the write: a new record, not the written one's count
  await recorder.flush();
  assert.deepEqual(
    written[1]!.map((d) => [d.actorName, d.count ?? 1]),
    [['p1', 1]],
  );
});
