import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFLICT_EVENT_EXTENSION_ID } from '../src/core/stix/conflict-event-extension.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import { TLP2_MARKING_IDS, TLP1_MARKING_IDS } from '../src/core/vocab/tlp.js';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { crocusIncident, threatActor } from './support/stix-fixtures.js';
import { runTearline } from './support/cli.js';

const STATEMENT = 'marking-definition--2a7e8c41-5b3d-4f6a-9e0c-1d2b3c4d5e6f';
const ACTOR = 'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const INCIDENT = 'incident--0a5c4a3e-2f7b-4d1c-9c8e-1b2d3e4f5a6b';

/** A bundle with two versions of an actor, an incident carrying our extension, markings, an SCO. */
function sampleObjects(): StixObject[] {
  const actor = threatActor(ACTOR, {
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
    aliases: ['ISIS-K', 'ISKP'],
    object_marking_refs: [TLP2_MARKING_IDS.green],
  });
  return [
    actor,
    {
      ...actor,
      modified: '2024-03-23T10:00:00.123Z',
      description: 'Capable of operations abroad.',
    },
    {
      type: 'marking-definition',
      spec_version: '2.1',
      id: STATEMENT,
      created: '2024-01-01T00:00:00.000Z',
      definition_type: 'statement',
      definition: { statement: 'Releasable to partners under agreement only.' },
    },
    crocusIncident(INCIDENT, {
      object_marking_refs: [TLP2_MARKING_IDS['amber+strict'], STATEMENT],
      granular_markings: [{ marking_ref: TLP1_MARKING_IDS.red, selectors: ['description'] }],
    }),
    {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      created: '2024-03-23T00:00:00.000Z',
      modified: '2024-03-23T00:00:00.000Z',
      relationship_type: 'attributed-to',
      source_ref: INCIDENT,
      target_ref: ACTOR,
    },
    {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--6e7f8091-2b3c-4d4e-9f0a-1b2c3d4e5f60',
      created: '2024-03-23T00:00:00.000Z',
      modified: '2024-03-23T00:00:00.000Z',
      relationship_type: 'located-at',
      source_ref: INCIDENT,
      target_ref: 'location--3b1e6f0a-7c2d-4e8f-9a1b-2c3d4e5f6a7b',
    },
    {
      type: 'domain-name',
      spec_version: '2.1',
      id: 'domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7',
      value: 'example.org',
    },
  ] as StixObject[];
}

function bundle(objects: unknown[]): string {
  return JSON.stringify({
    type: 'bundle',
    id: 'bundle--9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
    objects,
  });
}

async function runCli(argv: string[], env: Record<string, string>, cwd: string, stdin = '') {
  const { code, out, err } = await runTearline(argv, { env, cwd, stdin });
  return { code, stdout: out, stderr: err };
}

function key(o: StixObject): string {
  return `${o.id} ${o.modified ?? o.created ?? ''}`;
}

for (const engine of ENGINES) {
  describe(`import → export round trip on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('keeps every version, marking and extension intact, and reports dangling references', async () => {
      const t = await createTestDatabase(engine);
      const dir = mkdtempSync(join(tmpdir(), 'tearline-rt-'));
      try {
        const env = { TEARLINE_DATABASE_URL: t.url };
        const objects = sampleObjects();
        writeFileSync(join(dir, 'in.json'), bundle(objects));
        const imported = await runCli(['import', 'in.json'], env, dir);
        assert.equal(imported.code, 0, imported.stderr);
        assert.match(imported.stdout, /Imported 7 objects: 7 new versions, 0 already stored/);
        assert.match(imported.stdout, /1 dangling reference kept: location--3b1e6f0a/);

        const again = await runCli(['import', '-'], env, dir, bundle(objects));
        assert.match(again.stdout, /0 new versions, 7 already stored/);

        const exported = await runCli(['export', '--out', 'out.json'], env, dir);
        assert.equal(exported.code, 0, exported.stderr);
        const result = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as {
          type: string;
          objects: StixObject[];
        };
        assert.equal(result.type, 'bundle');
        const byKey = new Map(result.objects.map((o) => [key(o), o]));
        for (const o of objects) assert.deepEqual(byKey.get(key(o)), o, `${key(o)} changed`);
        // Referenced markings travel along: TLP 2.0 green and amber+strict, TLP 1.0 red, our statement.
        for (const id of [
          TLP2_MARKING_IDS.green,
          TLP2_MARKING_IDS['amber+strict'],
          TLP1_MARKING_IDS.red,
          STATEMENT,
        ]) {
          assert.ok(
            result.objects.some((o) => o.id === id),
            `marking ${id} missing`,
          );
        }
        assert.ok(
          result.objects.some((o) => o.id === CONFLICT_EVENT_EXTENSION_ID),
          'extension definition missing',
        );
        assert.equal(result.objects.length, objects.length + 4);

        // The export imports cleanly into a second, empty store.
        const t2 = await createTestDatabase(engine);
        try {
          const reimport = await runCli(
            ['import', 'out.json'],
            { TEARLINE_DATABASE_URL: t2.url },
            dir,
          );
          assert.equal(reimport.code, 0, reimport.stderr);
          assert.match(reimport.stdout, /Imported 11 objects: 11 new versions/);
        } finally {
          await t2.dispose();
        }

        const filtered = await runCli(
          ['export', '--type', 'threat-actor', '--since', '2024-02-01T00:00:00Z'],
          env,
          dir,
        );
        const onlyLatest = JSON.parse(filtered.stdout) as { objects: StixObject[] };
        assert.deepEqual(
          onlyLatest.objects.map((o) => `${o.type} ${o.modified ?? ''}`),
          ['threat-actor 2024-03-23T10:00:00.123Z', 'marking-definition '],
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await t.dispose();
      }
    });
  });
}
