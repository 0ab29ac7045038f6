// Benchmark: building and approving a release of 10,000 objects with three transforms, on the
// embedded SQLite store. Prints the median of several runs, a baseline measured in the same run
// (JSON-cloning the same objects), and the ratio; the last line is `release: objects=N ms=M`.
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomIds, systemClock } from '../src/core/clock.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../src/core/stix/conflict-event-extension.js';
import { openStore } from '../src/store/create-store.js';
import type { SharingDeps } from '../src/sharing/sharing-deps.js';
import { addPartner } from '../src/sharing/partner-service.js';
import { addAgreement } from '../src/sharing/agreement-service.js';
import { approveRelease, createRelease, previewRelease } from '../src/sharing/release-service.js';
import { TLP2_MARKING_IDS } from '../src/sharing/tlp.js';
import { createProseRecognisers } from '../src/ingest/prose-recognisers.js';

const N = Number(process.env.RELEASE_BENCH_OBJECTS ?? 10_000);
const RUNS = Number(process.env.RELEASE_BENCH_RUNS ?? 5);
const TRANSFORMS = [
  { kind: 'strip-sources' },
  { kind: 'coarsen-place', to: 'admin1' },
  { kind: 'coarsen-date', to: 'month' },
];

function objectsOf(n: number): StixObject[] {
  const out: StixObject[] = [];
  const t = '2024-03-22T18:00:00.000Z';
  const actor = `threat-actor--${randomIds.uuid()}` as StixObject['id'];
  out.push({
    type: 'threat-actor',
    spec_version: '2.1',
    id: actor,
    created: t,
    modified: t,
    name: 'ISIS-K',
    object_marking_refs: [TLP2_MARKING_IDS.green],
  });
  while (out.length < n) {
    const incident = `incident--${randomIds.uuid()}` as StixObject['id'];
    out.push({
      type: 'incident',
      spec_version: '2.1',
      id: incident,
      created: t,
      modified: t,
      name: `Attack ${out.length}`,
      description: 'Gunmen opened fire at the venue.',
      object_marking_refs: [TLP2_MARKING_IDS.amber],
      external_references: [{ source_name: 'outlet', url: 'https://example.org/a' }],
      x_tearline_grade: { reliability: 'B', credibility: 2 },
      extensions: {
        [CONFLICT_EVENT_EXTENSION_ID]: {
          extension_type: 'property-extension',
          event_type: 'Violence against civilians',
          sub_event_type: 'Attack',
          status: 'occurred',
          event_date: '2024-03-22',
          country: 'RU',
          admin1: 'Moscow Oblast',
          location_name: 'Krasnogorsk',
          latitude: 55.8,
          longitude: 37.4,
        },
      },
    });
    if (out.length < n) {
      out.push({
        type: 'relationship',
        spec_version: '2.1',
        id: `relationship--${randomIds.uuid()}` as StixObject['id'],
        created: t,
        modified: t,
        relationship_type: 'attributed-to',
        source_ref: incident,
        target_ref: actor,
        object_marking_refs: [TLP2_MARKING_IDS.amber],
      });
    }
  }
  return out;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const dir = mkdtempSync(join(tmpdir(), 'tearline-release-bench-'));
const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
try {
  const objects = objectsOf(N);
  await store.objects.putObjects(objects);
  await store.users.createUser({
    id: 'u1',
    username: 'ana',
    displayName: 'Ana',
    roles: ['analyst'],
    disabled: false,
    created: '2026-01-01T00:00:00.000Z',
    passwordHash: 'x',
  });
  const deps: SharingDeps = {
    sharing: store.sharing,
    objects: store.objects,
    collections: store.collections,
    clock: systemClock,
    ids: randomIds,
    // The extractor's recognisers read every free text, wired as the server wires them
    // (RELEASE_BENCH_RECOGNISERS=0 measures without them).
    ...(process.env.RELEASE_BENCH_RECOGNISERS === '0'
      ? {}
      : { recognisers: createProseRecognisers() }),
  };
  const ana = { username: 'ana', roles: ['analyst'] };
  const bea = { username: 'bea', roles: ['approver'] };
  const partner = await addPartner(deps, { name: 'Bench partner', trustTier: 'limited' });
  await addAgreement(deps, bea, {
    partnerId: partner.id,
    title: 'Bench',
    tlp: 'amber',
    reason: 'bench',
  });
  const ids = objects.map((o) => o.id);

  const releaseMs: number[] = [];
  const releaseCpuMs: number[] = [];
  const baselineMs: number[] = [];
  let delivered = 0;
  for (let run = 0; run < RUNS + 1; run++) {
    const b0 = performance.now();
    const clone = JSON.parse(JSON.stringify(objects)) as StixObject[];
    const b1 = performance.now();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const draft = await createRelease(deps, ana, {
      partnerId: partner.id,
      objectIds: ids,
      transforms: TRANSFORMS,
    });
    const tc = performance.now();
    const preview = await previewRelease(deps, draft.id);
    const tp = performance.now();
    const release = await approveRelease(deps, bea, draft.id);
    const t1 = performance.now();
    const cpu = process.cpuUsage(c0);
    if (process.env.RELEASE_BENCH_PHASES === '1') {
      console.log(
        `phases ms: create=${(tc - t0).toFixed(0)} preview=${(tp - tc).toFixed(0)} approve=${(t1 - tp).toFixed(0)}`,
      );
    }
    if (release.status !== 'delivered' || clone.length !== N)
      throw new Error('release bench: not delivered');
    delivered = (preview.bundle?.objects.length ?? 0) - 3;
    // The first run warms tsx, SQLite's page cache, the JIT and the recognisers' gazetteers (and
    // reads every distinct text once: later runs find their spans cached); it is not counted.
    if (run === 0) console.log(`first (cold) run: ms=${Math.round(t1 - t0)}`);
    if (run > 0) {
      releaseMs.push(t1 - t0);
      releaseCpuMs.push((cpu.user + cpu.system) / 1000);
      baselineMs.push(b1 - b0);
    }
  }
  const ms = median(releaseMs);
  const base = median(baselineMs);
  console.log(
    `released objects per run: ${delivered} of ${N} (three transforms: strip-sources, coarsen-place admin1, coarsen-date month)`,
  );
  // CPU time of this process beside wall time: on a shared machine the wall clock also counts
  // the time other processes held the CPU.
  console.log(
    `cpu: release cpu_ms=${Math.round(median(releaseCpuMs))} (load average ${os.loadavg()[0]?.toFixed(1)})`,
  );
  console.log(`baseline: json-clone objects=${N} ms=${base.toFixed(1)}`);
  console.log(`ratio: release/json-clone=${(ms / base).toFixed(1)}`);
  console.log(`release: objects=${N} ms=${Math.round(ms)}`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
