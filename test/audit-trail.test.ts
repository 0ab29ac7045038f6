import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { createTestApp, type TestApp } from './server-fixture.js';
import { runTearline } from './support/cli.js';
import { TLP2_MARKING_IDS } from '../src/core/vocab/tlp.js';
import { verifyAuditTrail, type AuditEntry } from '../src/core/audit.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import { pruneAuditTrail } from '../src/core/audit-retention.js';

const STRICT = 'threat-actor--00000000-0000-4000-8000-00000000a001';
const GREEN = 'threat-actor--00000000-0000-4000-8000-00000000a002';

const tearline = (url: string, ...argv: string[]) =>
  runTearline(argv, { env: { TEARLINE_DATABASE_URL: url, USER: 'ops' } });

function actor(id: string, name: string, level: 'amber+strict' | 'green'): StixObject {
  return {
    type: 'threat-actor',
    spec_version: '2.1',
    id: id as StixObject['id'],
    created: '2024-03-22T00:00:00.000Z',
    modified: '2024-03-22T00:00:00.000Z',
    name,
    object_marking_refs: [TLP2_MARKING_IDS[level]],
  };
}

type Session = { cookie: string; csrf: string };

async function call(
  t: TestApp,
  s: Session | undefined,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) {
  const res = await t.app.inject({
    method,
    url,
    headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {},
    ...(payload ? { payload: payload as Record<string, unknown> } : {}),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.statusCode, body: res.body ? (res.json() as any) : undefined };
}

for (const engine of ENGINES) {
  describe(`audit trail on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('records sign-ins, searches, restricted reads, release steps and exports; verify catches tampering', async () => {
      const t = await createTestApp(engine);
      try {
        const root = await t.addUser('root', 'admin');
        const ana = await t.addUser('ana', 'analyst');
        await t.addUser('bea', 'approver');
        await t.store.objects.putObjects([
          actor(STRICT, 'Strict Brigade', 'amber+strict'),
          actor(GREEN, 'Green Front', 'green'),
        ]);

        const failed = await t.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { username: 'ana', password: 'not-her-password' },
        });
        assert.equal(failed.statusCode, 401);
        // A password typed into the username box matches no account: it is not kept.
        const misplaced = await t.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { username: 'Tr0ub4dor&3-horse', password: 'x' },
        });
        assert.equal(misplaced.statusCode, 401);
        const a = await t.signIn('ana');
        const b = await t.signIn('bea');
        const r = await t.signIn('root');

        assert.equal((await call(t, a, 'GET', '/api/search?q=Brigade')).status, 200);
        assert.equal((await call(t, a, 'GET', `/api/objects/${STRICT}`)).status, 200);
        assert.equal((await call(t, a, 'GET', `/api/objects/${GREEN}`)).status, 200);

        const partner = await call(t, a, 'POST', '/api/partners', {
          name: 'North',
          trustTier: 'limited',
        });
        assert.equal(partner.status, 201);
        const agreement = await call(t, b, 'POST', '/api/agreements', {
          partnerId: partner.body.id,
          title: 'Green',
          tlp: 'GREEN',
          iep: { permittedActions: 'contact-for-instruction' },
          reason: 'signed',
        });
        assert.equal(agreement.status, 201);
        const release = await call(t, a, 'POST', '/api/releases', {
          partnerId: partner.body.id,
          objectIds: [GREEN],
          transforms: [{ kind: 'strip-sources' }],
        });
        assert.equal(release.status, 201);
        const releaseId = release.body.id as string;
        assert.equal((await call(t, a, 'POST', `/api/releases/${releaseId}/preview`)).status, 200);
        // The approver approves from the preview they fetched, acknowledging each finding.
        const previewed = await call(t, b, 'GET', `/api/releases/${releaseId}/preview`);
        assert.equal(previewed.status, 200);
        const acknowledgements = (previewed.body.findings as { id: string }[]).map((f) => ({
          findingId: f.id,
          reason: 'audit test',
        }));
        const approved = await call(t, b, 'POST', `/api/releases/${releaseId}/approve`, {
          acknowledgements,
        });
        assert.equal(approved.status, 200);

        // Analysts and approvers may not read the trail.
        assert.equal((await call(t, a, 'GET', '/api/audit')).status, 403);
        assert.equal((await call(t, b, 'GET', '/api/audit/verify')).status, 403);
        assert.equal((await call(t, undefined, 'GET', '/api/audit')).status, 401);

        const all = (await call(t, r, 'GET', '/api/audit')).body.entries as AuditEntry[];
        const seen = (action: string) => all.filter((e) => e.action === action);
        assert.deepEqual(
          seen('session.sign-in-failed').map((e) => [e.actorId, e.actorName, e.status]),
          [
            [ana.id, 'ana', 401],
            ['', '(unknown username)', 401],
          ],
        );
        assert.ok(!JSON.stringify(all).includes('Tr0ub4dor'), 'no unknown name in the trail');
        assert.deepEqual(
          seen('session.sign-in').map((e) => [e.actorId, e.actorName]),
          [
            [ana.id, 'ana'],
            [(await t.store.users.findByUsername('bea'))!.id, 'bea'],
            [root.id, 'root'],
          ],
        );
        assert.equal(seen('object.search').length, 1);
        assert.equal(seen('object.search')[0]!.actorName, 'ana');
        assert.ok(!JSON.stringify(all).includes('Brigade'), 'no content in the trail');
        // Once as a search result, once read on its own: the test clock stands still, so the
        // second read repeats the first and is counted into its record, unless the recorder's
        // flush (every 100 ms of real time) fell between the two and closed it.
        const restricted = seen('object.read-restricted');
        assert.ok(restricted.every((e) => e.actorName === 'ana' && e.targets === STRICT));
        assert.equal(
          restricted.reduce((sum, e) => sum + e.count, 0),
          2,
        );
        assert.deepEqual(
          ['release.create', 'release.preview', 'release.approve'].map((x) =>
            seen(x).map((e) => [e.actorName, e.targets, e.status]),
          ),
          [
            [['ana', releaseId, 201]],
            [
              ['ana', releaseId, 200],
              ['bea', releaseId, 200],
            ],
            [['bea', releaseId, 200]],
          ],
        );
        assert.ok(all.every((e) => e.origin === '127.0.0.1' && e.at.startsWith('2026-03-01T09')));

        // An export from the CLI names the restricted objects it carried.
        const url = t.store.database.url;
        const exported = await tearline(url, 'export', '--out', `/dev/null`);
        assert.equal(exported.code, 0, exported.err);

        // Who read or exported the AMBER+STRICT object?
        const who = (await call(t, r, 'GET', `/api/audit?object=${STRICT}`)).body
          .entries as AuditEntry[];
        assert.deepEqual(
          [...new Set(who.map((e) => [e.action, e.actorName, e.origin].join(' ')))],
          ['object.read-restricted ana 127.0.0.1', 'object.export os:ops cli'],
        );
        const listed = await tearline(url, 'audit', 'list', '--object', STRICT);
        assert.equal(listed.code, 0, listed.err);
        assert.match(listed.out, /object\.read-restricted/);
        assert.match(listed.out, /object\.export .* from cli/);
        const byUser = await tearline(url, 'audit', 'list', '--user', 'bea', '--json');
        const beas = JSON.parse(byUser.out) as AuditEntry[];
        assert.deepEqual(
          beas.map((e) => e.action),
          [
            'session.sign-in',
            'agreement.create',
            'release.preview',
            'release.approve',
            'audit.read',
          ],
        );
        const since = await tearline(url, 'audit', 'list', '--since', 'yesterday');
        assert.equal(since.code, 2);
        assert.match(since.err, /TEARLINE_E_AUDIT_BAD_SINCE/);

        const ok = await call(t, r, 'GET', '/api/audit/verify');
        assert.equal(ok.body.ok, true);
        assert.equal((await tearline(url, 'audit', 'verify')).code, 0);

        // Tampering with one row breaks the chain there.
        await sql`update audit_trail set targets = '' where seq = ${all.find((e) => e.action === 'object.read-restricted')!.seq}`.execute(
          t.store.database.db,
        );
        const bad = await call(t, r, 'GET', '/api/audit/verify');
        assert.equal(bad.body.ok, false);
        const tampered = all.find((e) => e.action === 'object.read-restricted')!;
        assert.equal(bad.body.badSeq, tampered.seq);
        const cli = await tearline(url, 'audit', 'verify');
        assert.equal(cli.code, 1);
        assert.match(
          cli.err,
          new RegExp(`broken at record ${tampered.seq}: .*TEARLINE_E_AUDIT_BROKEN`),
        );
      } finally {
        await t.dispose();
      }
    });

    it('writes the records still buffered when the server closes', async () => {
      // An hour's window: only the close can write them.
      const t = await createTestApp(engine, { audit: { flushMs: 3_600_000 } });
      try {
        await t.addUser('ana', 'analyst');
        await call(t, await t.signIn('ana'), 'GET', '/api/search?q=x');
        assert.deepEqual(await t.store.audit.listAll(), []);
        await t.app.close();
        const written = await t.store.audit.listAll();
        assert.deepEqual(
          written.map((e) => e.action),
          ['session.sign-in', 'object.search'],
        );
        assert.equal(verifyAuditTrail(written).ok, true);
      } finally {
        await t.dispose();
      }
    });

    it('names the account a refused sign-in tried, and never a name no account has', async () => {
      // Two tries a minute per name: the third, from yet another address, is refused for the
      // name (429) before its password is checked.
      const t = await createTestApp(engine, {
        audit: { flushMs: 3_600_000 },
        rateLimit: { max: 1000, windowMs: 60_000, signInMax: 2 },
      });
      try {
        const ana = await t.addUser('ana', 'analyst');
        const statuses: number[] = [];
        for (const [i, username] of ['ana', 'Ana ', 'ana', 'hunter2-secret'].entries()) {
          const tried = await t.app.inject({
            method: 'POST',
            url: '/api/session',
            remoteAddress: `10.0.0.${i + 1}`,
            payload: { username, password: 'wrong-password' },
          });
          statuses.push(tried.statusCode);
        }
        assert.deepEqual(statuses, [401, 401, 429, 401]);
        await t.app.close();
        const written = await t.store.audit.listAll();
        assert.deepEqual(
          written.map((e) => [e.action, e.actorId, e.actorName, e.status, e.origin]),
          [
            ['session.sign-in-failed', ana.id, 'ana', 401, '10.0.0.1'],
            ['session.sign-in-failed', ana.id, 'ana', 401, '10.0.0.2'],
            ['session.sign-in-failed', ana.id, 'ana', 429, '10.0.0.3'],
            ['session.sign-in-failed', '', '(unknown username)', 401, '10.0.0.4'],
          ],
        );
      } finally {
        await t.dispose();
      }
    });

    it('records an aggregate read answered just before the server closes', async () => {
      // A relationship listing names its objects by id; they are classified after the answer
      // is sent, and the close must wait for that.
      const t = await createTestApp(engine, { audit: { flushMs: 3_600_000 } });
      try {
        await t.addUser('ana', 'analyst');
        await t.store.objects.putObjects([
          actor(STRICT, 'Strict Brigade', 'amber+strict'),
          actor(GREEN, 'Green Front', 'green'),
          {
            type: 'relationship',
            spec_version: '2.1',
            id: 'relationship--00000000-0000-4000-8000-00000000a003',
            created: '2024-03-22T00:00:00.000Z',
            modified: '2024-03-22T00:00:00.000Z',
            relationship_type: 'related-to',
            source_ref: GREEN,
            target_ref: STRICT,
            object_marking_refs: [TLP2_MARKING_IDS.green],
          },
        ]);
        const ana = await t.signIn('ana');
        const listing = await call(t, ana, 'GET', `/api/objects/${GREEN}/relationships`);
        assert.equal(listing.status, 200);
        await t.app.close();
        const written = await t.store.audit.listAll();
        assert.deepEqual(
          written.filter((e) => e.action === 'object.read-restricted').map((e) => e.targets),
          [STRICT],
        );
      } finally {
        await t.dispose();
      }
    });

    it('writes repeated searches within a window as one record with their count', async () => {
      // An hour's flush window, so the batch is the close's; the test clock stands still, so
      // every repeat falls within 100 ms of the first.
      const t = await createTestApp(engine, { audit: { flushMs: 3_600_000 } });
      try {
        await t.addUser('ana', 'analyst');
        const ana = await t.signIn('ana');
        for (let i = 0; i < 5; i++) await call(t, ana, 'GET', `/api/search?q=front${i % 2}`);
        // Failed sign-ins are never coalesced: each attempt is its own record.
        for (let i = 0; i < 2; i++)
          await call(t, undefined, 'POST', '/api/session', { username: 'ana', password: 'wrong' });
        await t.app.close();
        const written = await t.store.audit.listAll();
        assert.deepEqual(
          written.map((e) => [e.action, e.count]),
          [
            ['session.sign-in', 1],
            ['object.search', 5],
            ['session.sign-in-failed', 1],
            ['session.sign-in-failed', 1],
          ],
        );
        assert.equal(verifyAuditTrail(written).ok, true);
        const cli = await tearline(t.store.database.url, 'audit', 'list', '--user', 'ana');
        assert.match(cli.out, /object\.search ×5/);
        assert.equal((await tearline(t.store.database.url, 'audit', 'verify')).code, 0);
      } finally {
        await t.dispose();
      }
    });

    it('prunes old records and stays verifiable from the checkpoint', async () => {
      const t = await createTestApp(engine);
      try {
        await t.addUser('root', 'admin');
        await call(t, await t.signIn('root'), 'GET', '/api/search?q=x');
        t.clock.advance(40 * 86_400_000);
        const r = await t.signIn('root');
        await call(t, r, 'GET', '/api/search?q=y');
        const before = (await call(t, r, 'GET', '/api/audit')).body.entries as AuditEntry[];
        assert.equal(before.length, 4);
        assert.equal(await pruneAuditTrail(t.store.audit, t.clock, 30, 'test'), 2);
        const verdict = (await call(t, r, 'GET', '/api/audit/verify')).body;
        assert.equal(verdict.ok, true);
        assert.equal(verdict.from, 3);
        const after = (await call(t, r, 'GET', '/api/audit')).body.entries as AuditEntry[];
        assert.deepEqual(
          after.map((e) => e.action).sort(),
          // The first listing's own record is written before or after the pruning's, as the
          // recorder's 100 ms window falls; both are kept after the checkpoint.
          ['audit.prune', 'audit.read', 'audit.read', 'object.search', 'session.sign-in'],
        );
      } finally {
        await t.dispose();
      }
    });
  });
}
