import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { captureIo } from './support/cli.js';

const T = '2024-03-22T18:00:00.000Z';

const io = (cwd: string, env: Record<string, string>, tty: boolean) =>
  captureIo({ cwd, env, stderrIsTty: tty });

describe('tearline db migrate and import output', () => {
  it('migrates a fresh store, then reports it up to date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tearline-db-'));
    try {
      const env = { TEARLINE_DATABASE_URL: 'sqlite:./data/t.db' };
      const first = io(dir, env, false);
      assert.equal(await main(['db', 'migrate'], first.cli), 0);
      assert.match(first.text.out, /^Applied \d+ migrations: 0001-object-versions, /);
      const second = io(dir, env, false);
      assert.equal(await main(['db', 'migrate'], second.cli), 0);
      assert.equal(second.text.out, 'The schema is up to date.\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws a progress bar on a terminal only, and prints one summary line on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tearline-progress-'));
    try {
      const objects = Array.from({ length: 4500 }, (_, i) => ({
        type: 'location',
        spec_version: '2.1',
        id: `location--${i.toString(16).padStart(8, '0')}-2f7b-4d1c-9c8e-1b2d3e4f5a6b`,
        created: T,
        modified: T,
        country: 'AF',
      }));
      const bundle = {
        type: 'bundle',
        id: 'bundle--9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
        objects,
      };
      writeFileSync(join(dir, 'b.json'), JSON.stringify(bundle));
      const tty = io(dir, { TEARLINE_DATABASE_URL: 'sqlite:./a.db' }, true);
      assert.equal(await main(['import', 'b.json'], tty.cli), 0);
      assert.match(tty.text.err, /\rimporting \[#+\.*\] 2000\/4500/);
      assert.match(tty.text.err, /\rimporting \[#{30}\] 4500\/4500\n$/);
      assert.equal(
        tty.text.out,
        'Imported 4500 objects: 4500 new versions, 0 already stored (4500 location).\n',
      );
      const pipe = io(dir, { TEARLINE_DATABASE_URL: 'sqlite:./b.db' }, false);
      assert.equal(await main(['import', 'b.json', '--json'], pipe.cli), 0);
      assert.equal(pipe.text.err, '');
      assert.deepEqual(JSON.parse(pipe.text.out), {
        dryRun: false,
        objects: 4500,
        inserted: 4500,
        unchanged: 0,
        dangling: [],
        types: { location: 4500 },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
