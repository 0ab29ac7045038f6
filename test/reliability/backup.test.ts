// Backups: `tearline db backup` of a store holding a bundle, users and a delivered release (with
// its ledger entries), then `tearline db restore` into an empty store, compared table by table and
// row by row; the restored ledger verifies. Bad input to both commands is refused with exit 2.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../src/store/database.js';
import { ENGINES, createTestDatabase, skipReasonFor } from '../support/engines.js';
import { recordFigure } from './figures.js';
import { createBundleText } from './stix-generator.js';
import { runTearline, runTearlineHere } from './crash-harness.js';
import { prepareRelease, prepareSharing } from './release-harness.js';

const OBJECTS = 3_000;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tearline-backup-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every table of ours, each table's rows sorted, as comparable JSON text. */
async function dumpTables(url: string): Promise<Record<string, string[]>> {
  const database = await openDatabase(url);
  try {
    const names =
      database.engine === 'sqlite'
        ? (
            await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'
              AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'`.execute(database.db)
          ).rows
        : (
            await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
              WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(database.db)
          ).rows;
    const out: Record<string, string[]> = {};
    for (const { name } of names) {
      const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(
        database.db,
      );
      out[name] = rows
        .map((row) =>
          JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
        )
        .sort();
    }
    return out;
  } finally {
    await database.close();
  }
}

for (const engine of ENGINES) {
  describe(`db backup and restore (${engine})`, async () => {
    const skip = await skipReasonFor(engine);
    it('round-trips every object, account, release and ledger entry', { skip }, async () => {
      const source = await createTestDatabase(engine);
      const target = await createTestDatabase(engine, { migrate: false });
      try {
        const bundle = join(dir, `${engine}-bundle.json`);
        writeFileSync(bundle, createBundleText(OBJECTS, 31));
        const imported = await runTearlineHere(['import', bundle, '--database', source.url]);
        assert.equal(imported.code, 0, imported.stderr);
        const ids = Array.from(
          { length: 20 },
          (_, i) =>
            `threat-actor--${(31).toString(16).padStart(8, '0')}-4b1c-4d2e-8f3a-${i.toString(16).padStart(12, '0')}`,
        );
        const partnerId = await prepareSharing(source.url);
        const releaseId = await prepareRelease(
          source.url,
          partnerId,
          ids,
          join(dir, `${engine}-ids.txt`),
        );
        const approved = await runTearlineHere([
          'release',
          'approve',
          releaseId,
          '--as',
          'bea',
          '--database',
          source.url,
        ]);
        assert.equal(approved.code, 0, approved.stderr);

        const file = join(dir, `${engine}.backup`);
        const backup = await runTearline(['db', 'backup', file, '--database', source.url]);
        assert.equal(backup.code, 0, backup.stderr);
        assert.ok(existsSync(file));
        const again = await runTearlineHere(['db', 'backup', file, '--database', source.url]);
        assert.equal(again.code, 2, 'a second backup to the same file is refused');
        assert.match(again.stderr, /TEARLINE_E_STORE_BACKUP_EXISTS/);

        await target.database.close();
        const restored = await runTearline(['db', 'restore', file, '--database', target.url]);
        assert.equal(restored.code, 0, restored.stderr);
        const twice = await runTearlineHere(['db', 'restore', file, '--database', target.url]);
        assert.equal(twice.code, 2, 'a restore into a store with tables is refused');
        assert.match(twice.stderr, /TEARLINE_E_STORE_RESTORE_NOT_EMPTY/);

        const before = await dumpTables(source.url);
        const afterRestore = await dumpTables(target.url);
        assert.deepEqual(Object.keys(afterRestore).sort(), Object.keys(before).sort());
        let rows = 0;
        for (const [table, expected] of Object.entries(before)) {
          assert.deepEqual(afterRestore[table], expected, `table ${table} differs after restore`);
          rows += expected.length;
        }
        assert.equal(before.stix_objects!.length, OBJECTS);
        assert.ok(
          before.sharing_ledger!.length >= ids.length,
          'the release wrote its ledger entries',
        );
        const verify = await runTearlineHere(['ledger', 'verify', '--database', target.url]);
        assert.equal(verify.code, 0, verify.stderr);
        assert.match(verify.stdout, new RegExp(`intact: ${before.sharing_ledger!.length} entries`));
        recordFigure({
          area: 'backup',
          name: `round trips (${engine}; ${rows} rows in ${Object.keys(before).length} tables identical, ${before.sharing_ledger!.length} ledger entries verified)`,
          value: 1,
        });
      } finally {
        await source.dispose();
        await target.dispose().catch(() => undefined);
      }
    });

    it('refuses a missing file and a file of the wrong kind with exit 2', { skip }, async () => {
      const target = await createTestDatabase(engine, { migrate: false });
      try {
        await target.database.close();
        const missing = await runTearlineHere([
          'db',
          'restore',
          join(dir, 'nope.bak'),
          '--database',
          target.url,
        ]);
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /TEARLINE_E_STORE_BACKUP_NO_FILE/);
        const junk = join(dir, `${engine}-junk.bak`);
        writeFileSync(junk, '{"not":"a backup"}');
        const wrong = await runTearlineHere(['db', 'restore', junk, '--database', target.url]);
        assert.equal(wrong.code, 2);
        assert.match(wrong.stderr, /TEARLINE_E_STORE_BACKUP_BAD_FILE/);
        const usage = await runTearlineHere(['db', 'backup', '--database', target.url]);
        assert.equal(usage.code, 2);
      } finally {
        await target.dispose().catch(() => undefined);
      }
    });
  });
}
