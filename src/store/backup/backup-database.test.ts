import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase, skipReasonFor } from '../../../test/support/engines.js';
import { openDatabase } from '../database.js';
import { backupDatabase } from './backup-database.js';
import { restoreDatabase } from './restore-database.js';

async function countRows(url: string): Promise<number> {
  const database = await openDatabase(url);
  try {
    const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM users`.execute(
      database.db,
    );
    return Number(rows[0]?.n);
  } finally {
    await database.close();
  }
}

for (const engine of ENGINES) {
  describe(`backup and restore on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('restores a backup into an empty store and refuses to overwrite anything', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tearline-backup-unit-'));
      const source = await createTestDatabase(engine);
      const target = await createTestDatabase(engine, { migrate: false });
      try {
        await sql`INSERT INTO users (id, username, display_name, roles, disabled, created, password_hash)
          VALUES ('u1', 'ana', 'Ana', '["analyst"]', 0, '2026-03-01T09:00:00.000Z', 'x')`.execute(
          source.database.db,
        );
        const file = join(dir, 'store.backup');
        const result = await backupDatabase(source.database, file);
        assert.equal(result.format, engine === 'sqlite' ? 'sqlite' : 'pg-custom');
        await assert.rejects(backupDatabase(source.database, file), {
          code: 'TEARLINE_E_STORE_BACKUP_EXISTS',
        });
        await target.database.close();
        await restoreDatabase(target.url, file);
        assert.equal(await countRows(target.url), 1);
        await assert.rejects(restoreDatabase(target.url, file), {
          code: 'TEARLINE_E_STORE_RESTORE_NOT_EMPTY',
        });
        const junk = join(dir, 'junk.backup');
        writeFileSync(junk, 'not a backup');
        await assert.rejects(restoreDatabase(source.url, junk), {
          code: 'TEARLINE_E_STORE_BACKUP_BAD_FILE',
        });
        await assert.rejects(restoreDatabase(source.url, join(dir, 'missing')), {
          code: 'TEARLINE_E_STORE_BACKUP_NO_FILE',
        });
      } finally {
        await source.dispose();
        await target.dispose().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
