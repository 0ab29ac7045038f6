// CLI actions other than export are audited too (issue 18): users, partners, agreements,
// releases and imports, run through the CLI, each recorded with the acting user (--as) or
// the OS account, from "cli", naming ids only.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { createStore } from '../src/store/create-store.js';
import { verifyAuditTrail } from '../src/core/audit.js';
import { TLP2_MARKING_IDS } from '../src/core/vocab/tlp.js';
import { runCliAsOps } from './audit-trail-support.js';

const ACTOR = 'threat-actor--00000000-0000-4000-8000-0000000000c1';
const BUNDLE = 'bundle--00000000-0000-4000-8000-0000000000c2';

for (const engine of ENGINES) {
  describe(`audit of CLI actions on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('records who did what from the CLI', async (t) => {
      const db = await createTestDatabase(engine);
      t.after(() => db.dispose());
      const dir = mkdtempSync(join(tmpdir(), 'tearline-audit-cli-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const store = createStore(db.database);
      const cli = (...argv: string[]) => runCliAsOps(db.url, ...argv);
      const json = async (...argv: string[]) =>
        JSON.parse((await cli(...argv, '--json')).out) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

      const bundleFile = join(dir, 'bundle.json');
      writeFileSync(
        bundleFile,
        JSON.stringify({
          type: 'bundle',
          id: BUNDLE,
          objects: [
            {
              type: 'threat-actor',
              spec_version: '2.1',
              id: ACTOR,
              created: '2024-03-22T00:00:00.000Z',
              modified: '2024-03-22T00:00:00.000Z',
              name: 'Green Front',
              object_marking_refs: [TLP2_MARKING_IDS.green],
            },
          ],
        }),
      );
      await cli('import', bundleFile);
      const ana = (await json('user', 'add', 'ana', '--role', 'analyst')).user.id as string;
      const bea = (await json('user', 'add', 'bea', '--role', 'approver')).user.id as string;
      await cli('user', 'role', 'ana', '--role', 'analyst', '--role', 'approver');
      await cli('user', 'password', 'ana');
      await cli('user', 'disable', 'ana');
      await cli('user', 'enable', 'ana');
      const partner = (await json('partner', 'add', 'North', '--tier', 'trusted')).id as string;
      const credential = (await json('partner', 'credential', partner)).credential.id as string;
      const agreement = (
        await json(
          'agreement',
          'add',
          partner,
          '--title',
          'Green',
          '--tlp',
          'GREEN',
          '--reason',
          'signed',
          '--as',
          'ana',
        )
      ).id as string;
      const release = (await json('release', 'create', partner, '--object', ACTOR, '--as', 'ana'))
        .id as string;
      const preview = await json('release', 'preview', release, '--as', 'ana');
      const acks = (preview.findings as { id: string }[]).flatMap((f) => [
        '--ack',
        `${f.id}=checked`,
      ]);
      await cli('release', 'approve', release, '--as', 'bea', ...acks);
      await cli('release', 'revoke', release, '--reason', 'withdrawn', '--as', 'ana');
      await cli('agreement', 'suspend', agreement, '--reason', 'paused', '--as', 'bea');
      await cli('partner', 'revoke-credential', credential);

      const entries = await store.audit.list({});
      assert.deepEqual(
        entries.map((e) => [e.action, e.actorName, e.targets, e.origin]),
        [
          ['object.import', 'os:ops', BUNDLE, 'cli'],
          ['user.create', 'os:ops', ana, 'cli'],
          ['user.create', 'os:ops', bea, 'cli'],
          ['user.change', 'os:ops', ana, 'cli'],
          ['user.change', 'os:ops', ana, 'cli'],
          ['user.change', 'os:ops', ana, 'cli'],
          ['user.change', 'os:ops', ana, 'cli'],
          ['partner.create', 'os:ops', partner, 'cli'],
          ['partner.change', 'os:ops', `${partner} ${credential}`, 'cli'],
          ['agreement.create', 'ana', agreement, 'cli'],
          ['release.create', 'ana', release, 'cli'],
          ['release.preview', 'ana', release, 'cli'],
          ['release.approve', 'bea', release, 'cli'],
          ['release.revoke', 'ana', release, 'cli'],
          ['agreement.change', 'bea', agreement, 'cli'],
          ['partner.change', 'os:ops', credential, 'cli'],
        ],
      );
      // The --as user is named by id as well as by name.
      assert.equal(entries.find((e) => e.action === 'release.approve')?.actorId, bea);
      assert.equal(verifyAuditTrail(entries).ok, true);
    });
  });
}
