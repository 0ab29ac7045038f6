import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { createTestApp, problemOf, type TestApp } from './server-fixture.js';
import { FIRST_REPORT, SECOND_REPORT } from './ingest-fixtures.js';

interface Item {
  itemId: string;
  kind: string;
  state: string;
  resultId?: string;
  object: Record<string, unknown>;
}
interface Decided {
  items: Item[];
  written: string[];
  decision: {
    action: string;
    itemIds: string[];
    objects: { id: string; type: string; name?: string; role: string }[];
  };
}

async function users(t: TestApp) {
  await t.addUser('ana', 'analyst');
  await t.addUser('bea', 'approver');
  return {
    ana: { authorization: `Bearer ${await t.mintToken('ana')}` },
    bea: { authorization: `Bearer ${await t.mintToken('bea')}` },
  };
}

async function submit(t: TestApp, headers: Record<string, string>, text: string) {
  const posted = await t.app.inject({
    method: 'POST',
    url: '/api/reports',
    headers,
    payload: { text, published: '2024-03-23', grade: 'B2' },
  });
  assert.equal(posted.statusCode, 201, posted.body);
  const { draftId } = posted.json() as { draftId: string };
  const res = await t.app.inject({ method: 'GET', url: `/api/drafts/${draftId}`, headers });
  const items = (res.json() as { items: Item[] }).items;
  return { draftId, incident: items.find((i) => i.kind === 'incident')! };
}

const post = (t: TestApp, headers: Record<string, string>, url: string, payload = {}) =>
  t.app.inject({ method: 'POST', url, headers, payload });

for (const engine of ENGINES) {
  describe(`undo of a review decision on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('accept answers with what it made; undo revokes it, reopens the items, and is refused twice', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const { ana } = await users(t);
      const { draftId, incident } = await submit(t, ana, FIRST_REPORT);
      const accepted = await post(t, ana, `/api/drafts/${draftId}/items/${incident.itemId}/accept`);
      assert.equal(accepted.statusCode, 200, accepted.body);
      const body = accepted.json() as Decided;
      assert.equal(body.decision.action, 'accept');
      const made = body.decision.objects;
      assert.deepEqual(made.map((o) => o.id).sort(), [...body.written].sort());
      assert.ok(made.some((o) => o.type === 'incident' && o.role === 'created'));
      assert.ok(made.some((o) => o.type === 'location' && o.name));
      // The inbox reads the decision back with the draft.
      const read = await t.app.inject({
        method: 'GET',
        url: `/api/drafts/${draftId}`,
        headers: ana,
      });
      assert.equal(
        (read.json() as { draft: { lastDecision?: { objects: unknown[] } } }).draft.lastDecision
          ?.objects.length,
        made.length,
      );

      const madeIncident = made.find((o) => o.type === 'incident')!.id;
      assert.ok((await t.store.analysis.getIncidentFacts(madeIncident)).length > 0);
      t.clock.advance(60_000);
      const undone = await post(t, ana, `/api/drafts/${draftId}/undo`);
      assert.equal(undone.statusCode, 200, undone.body);
      const after = undone.json() as { items: Item[]; draft: { state: string } };
      assert.equal(after.draft.state, 'open');
      for (const id of body.decision.itemIds) {
        assert.ok(!after.items.some((i) => i.itemId === id && i.state !== 'proposed'));
      }
      assert.ok(after.items.every((i) => i.state === 'proposed'));
      for (const o of made) {
        const latest = await t.store.objects.getLatest(o.id);
        assert.equal(latest?.revoked, true, `${o.id} revoked`);
        // The revoked ids are not reused: accepting again makes new objects.
        assert.ok(!after.items.some((i) => i.object.id === o.id));
      }
      const rel = after.items.find(
        (i) => i.kind === 'relationship' && i.object.relationship_type === 'located-at',
      )!;
      assert.ok(after.items.some((i) => i.object.id === rel.object.source_ref));

      // The revoked incident leaves the analysis facts (dashboard, actor pages, trends).
      const incidentId = made.find((o) => o.type === 'incident')!.id;
      assert.deepEqual(await t.store.analysis.getIncidentFacts(incidentId), []);

      const twice = await post(t, ana, `/api/drafts/${draftId}/undo`);
      assert.equal(twice.statusCode, 409);
      assert.equal(problemOf(twice).code, 'TEARLINE_E_INGEST_NOTHING_TO_UNDO');

      const newIncident = after.items.find((i) => i.kind === 'incident')!;
      const again = await post(t, ana, `/api/drafts/${draftId}/items/${newIncident.itemId}/accept`);
      assert.equal(again.statusCode, 200, again.body);
      const latest = await t.store.objects.getLatest(newIncident.itemId);
      assert.equal(latest?.type, 'incident');
      assert.ok(!latest?.revoked);
    });

    it('undo of a merge restores the incident as it was; undo of a reject reopens the item', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const { ana } = await users(t);
      const first = await submit(t, ana, FIRST_REPORT);
      const all = await post(t, ana, `/api/drafts/${first.draftId}/accept-all`);
      assert.equal(all.statusCode, 200, all.body);
      assert.equal((all.json() as Decided).decision.action, 'accept-all');
      const before = (await t.store.objects.getLatest(first.incident.itemId))!;

      t.clock.advance(60_000);
      const second = await submit(t, ana, SECOND_REPORT);
      const merged = await post(
        t,
        ana,
        `/api/drafts/${second.draftId}/items/${second.incident.itemId}/merge`,
        { targetIncidentId: first.incident.itemId },
      );
      assert.equal(merged.statusCode, 200, merged.body);
      const decision = (merged.json() as Decided).decision;
      assert.ok(
        decision.objects.some((o) => o.id === first.incident.itemId && o.role === 'merged-into'),
      );
      const corroborated = (await t.store.objects.getLatest(first.incident.itemId))!;
      assert.notDeepEqual(corroborated.x_tearline_corroboration, before.x_tearline_corroboration);

      t.clock.advance(60_000);
      const undone = await post(t, ana, `/api/drafts/${second.draftId}/undo`);
      assert.equal(undone.statusCode, 200, undone.body);
      const restored = (await t.store.objects.getLatest(first.incident.itemId))!;
      assert.ok(!restored.revoked);
      assert.ok(String(restored.modified) > String(corroborated.modified));
      assert.deepEqual(restored.x_tearline_corroboration, before.x_tearline_corroboration);
      assert.deepEqual(restored.x_tearline_evidence, before.x_tearline_evidence);
      const items = (undone.json() as { items: Item[] }).items;
      const reopened = items.find((i) => i.kind === 'incident')!;
      assert.equal(reopened.state, 'proposed');
      assert.equal(reopened.itemId, second.incident.itemId, 'a merged item keeps its id');

      const location = items.find((i) => i.kind === 'location')!;
      const rejected = await post(
        t,
        ana,
        `/api/drafts/${second.draftId}/items/${location.itemId}/reject`,
      );
      const facts = await t.store.analysis.getIncidentFacts(first.incident.itemId);
      assert.ok(facts.length > 0, 'the restored incident keeps its facts');
      assert.equal((rejected.json() as Decided).decision.objects.length, 0);
      const unrejected = await post(t, ana, `/api/drafts/${second.draftId}/undo`);
      assert.equal(unrejected.statusCode, 200, unrejected.body);
      const back = (unrejected.json() as { items: Item[] }).items;
      assert.equal(back.find((i) => i.itemId === location.itemId)?.state, 'proposed');
    });

    it('refuses (409) once an object it made was edited since or released to a partner', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const { ana, bea } = await users(t);
      const first = await submit(t, ana, FIRST_REPORT);
      assert.equal((await post(t, ana, `/api/drafts/${first.draftId}/accept-all`)).statusCode, 200);
      const stored = (await t.store.objects.getLatest(first.incident.itemId))!;
      t.clock.advance(60_000);
      await t.store.objects.putObjects([
        { ...stored, name: 'Crocus City Hall attack', modified: '2026-03-01T10:00:00.000Z' },
      ]);
      const edited = await post(t, ana, `/api/drafts/${first.draftId}/undo`);
      assert.equal(edited.statusCode, 409);
      assert.equal(problemOf(edited).code, 'TEARLINE_E_INGEST_UNDO_BLOCKED');
      assert.match(problemOf(edited).detail, /changed after this decision/);

      const second = await submit(t, ana, SECOND_REPORT);
      const decided = await post(t, ana, `/api/drafts/${second.draftId}/accept-all`);
      const incidentId = (decided.json() as Decided).decision.objects.find(
        (o) => o.type === 'incident',
      )!.id;
      const partner = await post(t, ana, '/api/partners', {
        name: 'Northern Service',
        trustTier: 'limited',
      });
      assert.equal(partner.statusCode, 201, partner.body);
      const partnerId = (partner.json() as { id: string }).id;
      const agreement = await post(t, bea, '/api/agreements', {
        partnerId,
        title: 'Incidents',
        tlp: 'AMBER',
        reason: 'signed',
      });
      assert.equal(agreement.statusCode, 201, agreement.body);
      const release = await post(t, ana, '/api/releases', { partnerId, objectIds: [incidentId] });
      assert.equal(release.statusCode, 201, release.body);
      const releaseId = (release.json() as { id: string }).id;
      const preview = await post(t, ana, `/api/releases/${releaseId}/preview`);
      assert.equal(preview.statusCode, 200, preview.body);
      // The approver approves from the preview they fetched, acknowledging what its scan found.
      const seen = await t.app.inject({
        method: 'GET',
        url: `/api/releases/${releaseId}/preview`,
        headers: bea,
      });
      assert.equal(seen.statusCode, 200, seen.body);
      const findings = (seen.json() as { findings: { id: string }[] }).findings;
      const approved = await post(t, bea, `/api/releases/${releaseId}/approve`, {
        acknowledgements: findings.map((f) => ({ findingId: f.id, reason: 'test text' })),
      });
      assert.equal(approved.statusCode, 200, approved.body);
      const released = await post(t, ana, `/api/drafts/${second.draftId}/undo`);
      assert.equal(released.statusCode, 409);
      assert.equal(problemOf(released).code, 'TEARLINE_E_INGEST_UNDO_BLOCKED');
      assert.match(problemOf(released).detail, /released to a partner/);
      assert.ok(!(await t.store.objects.getLatest(incidentId))?.revoked);
    });
  });
}
