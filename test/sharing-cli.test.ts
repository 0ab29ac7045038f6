import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { runTearline } from './support/cli.js';
import { createStore } from '../src/store/create-store.js';
import { TLP2_MARKING_IDS } from '../src/sharing/tlp.js';

async function tearline(url: string, ...argv: string[]) {
  const r = await runTearline(argv, { env: { TEARLINE_DATABASE_URL: url, USER: 'ops' } });
  return { ...r, json: () => r.json<Json>() };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const ACTOR = 'threat-actor--00000000-0000-4000-8000-0000000000c1';

for (const engine of ENGINES) {
  describe(`sharing CLI on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('runs the release cycle with two people and verifies, then catches a tampered ledger', async () => {
      const t = await createTestDatabase(engine);
      try {
        const store = createStore(t.database);
        await store.objects.putObjects([
          {
            type: 'threat-actor',
            spec_version: '2.1',
            id: ACTOR,
            created: '2024-03-22T00:00:00.000Z',
            modified: '2024-03-22T00:00:00.000Z',
            name: 'ISIS-K',
            object_marking_refs: [TLP2_MARKING_IDS.amber],
          },
        ]);
        for (const [username, roles] of [
          ['ana', ['analyst']],
          ['bea', ['approver']],
        ] as const) {
          await store.users.createUser({
            id: `u-${username}`,
            username,
            displayName: username,
            roles: [...roles],
            disabled: false,
            created: '2026-01-01T00:00:00.000Z',
            passwordHash: 'x',
          });
        }
        const url = t.url;
        const partner = await tearline(
          url,
          'partner',
          'add',
          'Northern Partner Service',
          '--tier',
          'minimal',
          '--json',
        );
        assert.equal(partner.code, 0, partner.err);
        const partnerId = partner.json().id as string;
        const cred = await tearline(url, 'partner', 'credential', partnerId, '--json');
        assert.match(cred.json().secret, /^tlpt_/);
        const list = await tearline(url, 'partner', 'list', '--json');
        assert.ok(!list.out.includes(cred.json().secret) && !list.out.includes('secretHash'));

        const bad = await tearline(
          url,
          'agreement',
          'add',
          partnerId,
          '--title',
          'ISIS-K',
          '--tlp',
          'purple',
          '--reason',
          'x',
        );
        assert.equal(bad.code, 2);
        assert.match(bad.err, /TEARLINE_E_SHARING_BAD_INPUT/);
        const agreement = await tearline(
          url,
          'agreement',
          'add',
          partnerId,
          '--title',
          'ISIS-K',
          '--tlp',
          'AMBER',
          '--permitted-actions',
          'internally-visible-actions',
          '--reason',
          'signed',
          '--json',
          '--as',
          'bea',
        );
        assert.equal(agreement.code, 0, agreement.err);
        const agreementId = agreement.json().id as string;
        const cond = await tearline(
          url,
          'agreement',
          'add-condition',
          agreementId,
          '--text',
          'Guarantees for the rights of Afghan women',
          '--review',
          '2099-01-01',
          '--expires',
          '2099-06-01',
        );
        assert.equal(cond.code, 0, cond.err);
        const show = await tearline(url, 'agreement', 'show', agreementId);
        assert.match(show.out, /state: active/);
        assert.match(show.out, /bea created: signed/);

        const draft = await tearline(
          url,
          'release',
          'create',
          partnerId,
          '--object',
          ACTOR,
          '--transform',
          '{"kind":"strip-sources"}',
          '--as',
          'ana',
          '--json',
        );
        assert.equal(draft.code, 0, draft.err);
        const releaseId = draft.json().id as string;
        const preview = await tearline(url, 'release', 'preview', releaseId);
        assert.match(preview.out, /1 of 1 object released/);
        const noActor = await tearline(url, 'release', 'approve', releaseId);
        assert.equal(noActor.code, 2);
        const self = await tearline(url, 'release', 'approve', releaseId, '--as', 'ana');
        assert.equal(self.code, 1);
        assert.match(self.err, /TEARLINE_E_SHARING_SELF_APPROVAL|TEARLINE_E_AUTH_FORBIDDEN/);
        const ghost = await tearline(url, 'release', 'approve', releaseId, '--as', 'nobody');
        assert.match(ghost.err, /TEARLINE_E_SHARING_USER_UNKNOWN/);
        const approved = await tearline(url, 'release', 'approve', releaseId, '--as', 'bea');
        assert.equal(approved.code, 0, approved.err);

        const file = await tearline(url, 'release', 'show', releaseId, '--bundle');
        assert.equal(file.code, 0, file.err);
        assert.equal(file.json().type, 'bundle');
        assert.ok(!file.out.includes(ACTOR.slice(-12)));
        const draftOnly = await tearline(
          url,
          'release',
          'create',
          partnerId,
          '--object',
          ACTOR,
          '--json',
        );
        const noBundle = await tearline(url, 'release', 'show', draftOnly.json().id, '--bundle');
        assert.equal(noBundle.code, 1);
        assert.match(noBundle.err, /TEARLINE_E_SHARING_RELEASE_STATE/);
        const ok = await tearline(url, 'ledger', 'verify');
        assert.equal(ok.code, 0, ok.err);
        assert.match(ok.out, /intact: 4 entries/);
        const entries = await tearline(url, 'ledger', 'list', '--json');
        assert.equal((entries.json() as unknown as unknown[]).length, 4);

        await sql`update sharing_ledger set sha256 = ${'0'.repeat(64)} where seq = 3`.execute(
          t.database.db,
        );
        const broken = await tearline(url, 'ledger', 'verify');
        assert.equal(broken.code, 1);
        assert.match(broken.err, /broken at entry 3/);
        assert.match(broken.err, /TEARLINE_E_SHARING_LEDGER_BROKEN/);

        const ended = await tearline(
          url,
          'agreement',
          'end',
          agreementId,
          '--reason',
          'commitment broken',
          '--json',
        );
        assert.equal(ended.code, 0, ended.err);
        assert.deepEqual(ended.json().revokedReleases, [releaseId]);
        const releases = await tearline(url, 'release', 'list', '--json');
        assert.equal(
          (releases.json() as unknown as Array<{ id: string; status: string }>).find(
            (r) => r.id === releaseId,
          )?.status,
          'revoked',
        );
      } finally {
        await t.dispose();
      }
    });
  });
}
