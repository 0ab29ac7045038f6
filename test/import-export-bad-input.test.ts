import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/cli-io.js';
import { openStore } from '../src/store/create-store.js';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';

const BUNDLE_ID = 'bundle--9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f';
const valid = {
  type: 'incident',
  spec_version: '2.1',
  id: 'incident--0a5c4a3e-2f7b-4d1c-9c8e-1b2d3e4f5a6b',
  created: '2024-03-22T18:00:00.000Z',
  modified: '2024-03-22T18:00:00.000Z',
  name: 'Crocus City Hall attack',
};
const other = {
  ...valid,
  id: 'incident--1b6d5b4f-3a8c-4e2d-8d9f-2c3e4f5a6b7c',
  name: 'Another attack',
};
const bundle = (objects: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'bundle', id: BUNDLE_ID, objects, ...extra });

/** Each bad input: the file content, the error code, and ids/paths the refusal must list. */
const CASES: Array<{ name: string; content: string | Buffer; code: string; lists?: RegExp[] }> = [
  {
    name: 'malformed JSON',
    content: '{"type": "bundle", "objects": [',
    code: 'TEARLINE_E_IMPORT_MALFORMED_JSON',
  },
  {
    name: 'not JSON at all',
    content: Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'),
    code: 'TEARLINE_E_IMPORT_NOT_JSON',
  },
  { name: 'an empty file', content: '', code: 'TEARLINE_E_IMPORT_NOT_JSON' },
  {
    name: 'a JSON array instead of a bundle',
    content: JSON.stringify([valid]),
    code: 'TEARLINE_E_IMPORT_BAD_BUNDLE',
  },
  {
    name: 'a bundle of the wrong shape',
    content: JSON.stringify({ type: 'bundle', id: BUNDLE_ID, objects: { a: valid } }),
    code: 'TEARLINE_E_IMPORT_BAD_BUNDLE',
    lists: [/\.objects: must be a list/],
  },
  {
    name: 'a STIX 2.0 bundle',
    content: bundle([valid], { spec_version: '2.0' }),
    code: 'TEARLINE_E_IMPORT_BAD_BUNDLE',
    lists: [/\.spec_version/],
  },
  {
    name: 'a wrong spec_version on an object',
    content: bundle([valid, { ...other, spec_version: '2.0' }]),
    code: 'TEARLINE_E_IMPORT_INVALID_OBJECTS',
    lists: [/incident--1b6d5b4f\S* \.spec_version: must be "2\.1"/],
  },
  {
    name: 'missing required properties',
    content: bundle([valid, { ...other, name: undefined }]),
    code: 'TEARLINE_E_IMPORT_INVALID_OBJECTS',
    lists: [/incident--1b6d5b4f\S* \.name: is required/],
  },
  {
    name: 'a bad id',
    content: bundle([valid, { ...other, id: 'incident--not-a-uuid' }]),
    code: 'TEARLINE_E_IMPORT_INVALID_OBJECTS',
    lists: [/incident--not-a-uuid \.id: must be <type>--<uuid>/],
  },
  {
    name: 'an id of another type',
    content: bundle([valid, { ...other, id: 'report--1b6d5b4f-3a8c-4e2d-8d9f-2c3e4f5a6b7c' }]),
    code: 'TEARLINE_E_IMPORT_INVALID_OBJECTS',
    lists: [/\.id: must start with "incident--"/],
  },
  {
    name: 'modified before created',
    content: bundle([valid, { ...other, modified: '2024-03-21T18:00:00.000Z' }]),
    code: 'TEARLINE_E_IMPORT_INVALID_OBJECTS',
    lists: [/incident--1b6d5b4f\S* \.modified: is earlier than created/],
  },
  {
    name: 'duplicate ids in one bundle',
    content: bundle([valid, other, { ...valid }]),
    code: 'TEARLINE_E_IMPORT_INVALID_OBJECTS',
    lists: [/incident--0a5c4a3e\S* objects\[2\]: duplicates objects\[0\]/],
  },
  {
    name: 'an unknown type without an extension',
    content: bundle([
      valid,
      {
        ...other,
        type: 'x-armed-group',
        id: 'x-armed-group--1b6d5b4f-3a8c-4e2d-8d9f-2c3e4f5a6b7c',
      },
    ]),
    code: 'TEARLINE_E_IMPORT_INVALID_OBJECTS',
    lists: [/x-armed-group--\S* \.type: "x-armed-group" is not a STIX 2\.1 type/],
  },
  {
    name: 'a bad conflict-event extension',
    content: bundle([
      {
        ...valid,
        extensions: {
          'extension-definition--7c3b5a1e-2f4d-4e8a-9b61-0d5c3e2a8f47': {
            extension_type: 'property-extension',
            event_type: 'Battles',
            sub_event_type: 'Suicide bomb',
            status: 'happened',
          },
        },
      },
    ]),
    code: 'TEARLINE_E_IMPORT_INVALID_OBJECTS',
    lists: [
      /\.sub_event_type: must be an ACLED sub-event type of Battles/,
      /\.status: must be occurred, thwarted or threatened/,
    ],
  },
];

function runCli(argv: string[], env: Record<string, string>, cwd: string) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (d) => (chunks.out += d));
  err.on('data', (d) => (chunks.err += d));
  const stdin = new PassThrough();
  stdin.end();
  const io: CliIo = { stdin, stdout: out, stderr: err, env, cwd };
  return main(argv, io).then((code) => ({ code, stdout: chunks.out, stderr: chunks.err }));
}

for (const engine of ENGINES) {
  describe(`import refuses bad input on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('gives one line, the offending ids and paths, exit 2, and writes nothing', async () => {
      const t = await createTestDatabase(engine);
      const dir = mkdtempSync(join(tmpdir(), 'tearline-bad-'));
      try {
        const env = { TEARLINE_DATABASE_URL: t.url };
        writeFileSync(join(dir, 'seed.json'), bundle([valid]));
        assert.equal((await runCli(['import', 'seed.json'], env, dir)).code, 0);
        for (const c of CASES) {
          writeFileSync(join(dir, 'bad.json'), c.content);
          for (const extra of [[], ['--dry-run']]) {
            const r = await runCli(['import', 'bad.json', ...extra], env, dir);
            assert.equal(r.code, 2, `${c.name}: exit code`);
            const [first, ...rest] = r.stderr.trimEnd().split('\n');
            assert.match(first!, new RegExp(`^tearline import: .+ \\[${c.code}\\]$`), c.name);
            for (const pattern of c.lists ?? [])
              assert.ok(
                rest.some((l) => pattern.test(l)),
                `${c.name}: ${pattern} in\n${r.stderr}`,
              );
            assert.equal(r.stdout, '', c.name);
          }
        }
        const store = await openStore(t.url);
        try {
          assert.equal(await store.objects.countLatest({ includeRevoked: true }), 1);
        } finally {
          await store.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await t.dispose();
      }
    });
  });
}

describe('import size limit', () => {
  it('refuses a 2 GB file by its size without reading it, and never opens the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tearline-big-'));
    try {
      const fd = openSync(join(dir, 'huge.json'), 'w');
      ftruncateSync(fd, 2 * 1024 ** 3); // sparse: takes no disk space
      closeSync(fd);
      const env = { TEARLINE_DATABASE_URL: `sqlite:${join(dir, 'never.db')}` };
      const r = await runCli(['import', 'huge.json'], env, dir);
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /is 2147483648 bytes, over the 512000000-byte limit.*\[TEARLINE_E_IMPORT_TOO_LARGE\]/,
      );
      const small = await runCli(
        ['import', 'huge.json', '--max-bytes', '10'],
        { ...env, TEARLINE_IMPORT_MAX_BYTES: '99999999999' },
        dir,
      );
      assert.match(small.stderr, /over the 10-byte limit/);
      const { existsSync } = await import('node:fs');
      assert.equal(existsSync(join(dir, 'never.db')), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses standard input past the limit', async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    let stderr = '';
    err.on('data', (d) => (stderr += d));
    const stdin = new PassThrough();
    stdin.end(bundle([valid]));
    const code = await main(['import', '-', '--max-bytes', '50'], {
      stdin,
      stdout: out,
      stderr: err,
      env: {},
      cwd: tmpdir(),
    });
    assert.equal(code, 2);
    assert.match(stderr, /more than 50 bytes.*TEARLINE_E_IMPORT_TOO_LARGE/);
  });

  it('names a missing file and rejects usage errors with exit 2', async () => {
    const r = await runCli(['import', 'nope.json'], {}, tmpdir());
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Cannot read "nope\.json".*TEARLINE_E_IMPORT_NO_FILE/);
    assert.equal((await runCli(['import'], {}, tmpdir())).code, 2);
    assert.equal((await runCli(['export', '--since', 'yesterday'], {}, tmpdir())).code, 2);
    assert.equal((await runCli(['db', 'dance'], {}, tmpdir())).code, 2);
    for (const name of ['import', 'export', 'db']) {
      const help = await runCli([name, '--help'], {}, tmpdir());
      assert.equal(help.code, 0);
      assert.match(help.stdout, new RegExp(`^Usage: tearline ${name}`));
    }
  });
});
