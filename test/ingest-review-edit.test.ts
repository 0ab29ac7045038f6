import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { createTestApp, problemOf, type TestApp } from './server-fixture.js';
import { FIRST_REPORT } from './ingest-fixtures.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../src/core/stix/conflict-event-extension.js';

interface Item {
  itemId: string;
  kind: string;
  state: string;
  existingId?: string;
  object: Record<string, unknown>;
}

async function setUp(t: TestApp, firstDraft = true) {
  if (firstDraft) {
    await t.addUser('ana', 'analyst');
    await t.addUser('bea', 'approver');
  }
  const ana = { authorization: `Bearer ${await t.mintToken('ana')}` };
  const bea = { authorization: `Bearer ${await t.mintToken('bea')}` };
  const posted = await t.app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: ana,
    payload: { text: FIRST_REPORT, published: '2024-03-23', grade: 'B2' },
  });
  assert.equal(posted.statusCode, 201, posted.body);
  const { draftId } = posted.json() as { draftId: string };
  const items = async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/drafts/${draftId}`, headers: ana });
    return res.json() as { draft: { grade: unknown }; items: Item[] };
  };
  const incident = (await items()).items.find((i) => i.kind === 'incident')!;
  return { ana, bea, draftId, items, incident };
}

for (const engine of ENGINES) {
  describe(`review edits and grades on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('edits every field of a proposed incident and its perpetrator; accepting writes them', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const { ana, draftId, items, incident } = await setUp(t);
      const known = await t.app.inject({
        method: 'POST',
        url: '/api/objects',
        headers: ana,
        payload: {
          type: 'threat-actor',
          spec_version: '2.1',
          name: 'Tajik Jamaat',
          aliases: ['TJ Cell'],
          threat_actor_types: ['terrorist'],
        },
      });
      assert.equal(known.statusCode, 201, known.body);
      const knownId = (known.json() as { object: { id: string } }).object.id;
      const url = `/api/drafts/${draftId}/items/${incident.itemId}`;
      const edited = await t.app.inject({
        method: 'PATCH',
        url,
        headers: ana,
        payload: {
          properties: { name: 'Crocus City Hall attack' },
          extension: {
            event_type: 'Violence against civilians',
            sub_event_type: 'Attack',
            status: 'occurred',
            event_date: '2024-03-22',
            time_precision: 1,
            location_name: 'Krasnogorsk',
            geo_precision: 2,
            fatalities: { min: 145, max: 145 },
            injuries: { min: 551, max: 551 },
          },
          perpetrator: 'tj cell',
        },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      const after = await items();
      const actorItem = after.items.find((i) => i.existingId === knownId);
      assert.ok(actorItem, 'the known actor joins the draft, matched by alias');
      const attributions = after.items.filter(
        (i) => i.kind === 'relationship' && i.object.relationship_type === 'attributed-to',
      );
      assert.deepEqual(
        attributions.map((r) => [r.state, r.object.target_ref === actorItem.object.id]).sort(),
        [
          ['proposed', true],
          ['rejected', false],
        ],
      );
      const accepted = await t.app.inject({
        method: 'POST',
        url: `${url}/accept`,
        headers: ana,
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const stored = (
        await t.app.inject({
          method: 'GET',
          url: `/api/objects/${incident.itemId}`,
          headers: ana,
        })
      ).json() as Record<string, unknown> & {
        extensions: Record<string, Record<string, unknown>>;
      };
      assert.equal(stored.name, 'Crocus City Hall attack');
      const ext = stored.extensions[CONFLICT_EVENT_EXTENSION_ID]!;
      assert.deepEqual(
        [ext.event_type, ext.sub_event_type, ext.geo_precision, ext.fatalities, ext.injuries],
        ['Violence against civilians', 'Attack', 2, { min: 145, max: 145 }, { min: 551, max: 551 }],
      );
      const rels = await t.app.inject({
        method: 'GET',
        url: `/api/objects/${incident.itemId}/relationships`,
        headers: ana,
      });
      assert.equal(rels.statusCode, 200, rels.body);
      const list = (
        rels.json() as {
          relationships: Array<{
            direction: string;
            relationship: { relationship_type: string };
            other: { id: string; name?: string };
          }>;
        }
      ).relationships;
      const perpetrator = list.find((r) => r.relationship.relationship_type === 'attributed-to');
      assert.deepEqual(
        [perpetrator?.direction, perpetrator?.other],
        ['outgoing', { id: knownId, type: 'threat-actor', name: 'Tajik Jamaat' }],
      );
      const ofActor = (
        await t.app.inject({
          method: 'GET',
          url: `/api/objects/${knownId}/relationships`,
          headers: ana,
        })
      ).json() as { relationships: Array<{ direction: string; other: { id: string } }> };
      assert.deepEqual(
        ofActor.relationships.map((r) => [r.direction, r.other.id]),
        [['incoming', incident.itemId]],
      );
      const missing = await t.app.inject({
        method: 'GET',
        url: '/api/objects/incident--00000000-0000-4000-8000-000000000000/relationships',
        headers: ana,
      });
      assert.equal(problemOf(missing).code, 'TEARLINE_E_OBJECT_NOT_FOUND');
    });

    it('moves a renamed place on the map: geocoded offline, or without a point when unknown', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const { ana, draftId, items, incident } = await setUp(t);
      const url = `/api/drafts/${draftId}/items/${incident.itemId}`;
      const ext = (item: Item) =>
        (item.object.extensions as Record<string, Record<string, unknown>>)[
          CONFLICT_EVENT_EXTENSION_ID
        ]!;
      const before = ext(incident);
      assert.equal(before.country, 'RU', 'the fixture is placed in Russia by extraction');
      const moved = await t.app.inject({
        method: 'PATCH',
        url,
        headers: ana,
        payload: { extension: { location_name: 'Mazar-i-Sharif' } },
      });
      assert.equal(moved.statusCode, 200, moved.body);
      const after = await items();
      const edited = ext(after.items.find((i) => i.itemId === incident.itemId)!);
      assert.equal(edited.country, 'AF');
      assert.ok(Math.abs((edited.latitude as number) - 36.7) < 0.3, String(edited.latitude));
      assert.ok(Math.abs((edited.longitude as number) - 67.1) < 0.3, String(edited.longitude));
      assert.equal(edited.geo_precision, 1);
      const locatedAt = after.items.find(
        (i) =>
          i.kind === 'relationship' &&
          i.object.relationship_type === 'located-at' &&
          i.object.source_ref === incident.object.id,
      );
      const location = after.items.find((i) => i.object.id === locatedAt?.object.target_ref);
      assert.equal(location?.object.name, 'Mazar-i-Sharif', 'the proposed location follows');
      assert.equal(location?.object.country, 'AF');
      const unknown = await t.app.inject({
        method: 'PATCH',
        url,
        headers: ana,
        payload: { extension: { location_name: 'Qzxv Hamlet', country: 'AF' } },
      });
      assert.equal(unknown.statusCode, 200, unknown.body);
      const last = ext((await items()).items.find((i) => i.itemId === incident.itemId)!);
      assert.deepEqual(
        [last.location_name, last.country, last.latitude, last.longitude, last.admin1],
        ['Qzxv Hamlet', 'AF', undefined, undefined, undefined],
      );
    });

    it('relinks an incident whose place was a known location to the edited place, and renames it', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const first = await setUp(t);
      const all = await t.app.inject({
        method: 'POST',
        url: `/api/drafts/${first.draftId}/accept-all`,
        headers: first.ana,
      });
      assert.equal(all.statusCode, 200, all.body);
      const { ana, draftId, items, incident } = await setUp(t, false);
      const oldLocation = (await items()).items.find((i) => i.kind === 'location');
      assert.ok(oldLocation?.existingId, 'the second draft matches the stored Krasnogorsk');
      const url = `/api/drafts/${draftId}/items/${incident.itemId}`;
      const oldName = String(incident.object.name);
      const moved = await t.app.inject({
        method: 'PATCH',
        url,
        headers: ana,
        payload: { extension: { location_name: 'Moscow', event_date: '2024-03-21' } },
      });
      assert.equal(moved.statusCode, 200, moved.body);
      const after = await items();
      const edited = after.items.find((i) => i.itemId === incident.itemId)!;
      assert.ok(!String(edited.object.name).includes('Krasnogorsk'), String(edited.object.name));
      if (oldName.includes(' on ')) assert.match(String(edited.object.name), /on 2024-03-21$/);
      const links = after.items.filter(
        (i) =>
          i.kind === 'relationship' &&
          i.object.relationship_type === 'located-at' &&
          i.object.source_ref === incident.object.id,
      );
      assert.deepEqual(links.map((r) => r.state).sort(), ['proposed', 'rejected']);
      const accepted = await t.app.inject({
        method: 'POST',
        url: `/api/drafts/${draftId}/accept-all`,
        headers: ana,
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const rels = (
        await t.app.inject({
          method: 'GET',
          url: `/api/objects/${incident.itemId}/relationships`,
          headers: ana,
        })
      ).json() as { relationships: Array<{ relationship: Record<string, string> }> };
      const target = rels.relationships
        .map((r) => r.relationship)
        .find((r) => r.relationship_type === 'located-at')?.target_ref;
      assert.ok(target, 'the incident is located somewhere');
      assert.notEqual(target, oldLocation.existingId, 'not at the old city');
      const place = (
        await t.app.inject({ method: 'GET', url: `/api/objects/${target}`, headers: ana })
      ).json() as Record<string, unknown>;
      assert.equal(place.name, 'Moscow');
      assert.equal(place.country, 'RU');
      assert.ok(Math.abs((place.latitude as number) - 55.75) < 0.3, String(place.latitude));
    });

    it('refuses bad values with a 400 naming the field, and saves nothing', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const { ana, draftId, items, incident } = await setUp(t);
      const url = `/api/drafts/${draftId}/items/${incident.itemId}`;
      const cases: Array<[object, RegExp]> = [
        [{ extension: { fatalities: { min: 10, max: 5 } } }, /fatalities\.max is smaller than min/],
        [{ extension: { sub_event_type: 'Arrests' } }, /sub_event_type must be an ACLED/],
        [{ extension: { status: 'rumoured' } }, /status must be occurred, thwarted or threatened/],
        [{ extension: { event_date: '2024-02-31' } }, /event_date 2024-02-31 is not a day/],
        [{ extension: { geo_precision: 4 } }, /geo_precision must be 1, 2 or 3/],
        [{ properties: { name: ' ' } }, /name must be text/],
        [{ perpetrator: '' }, /perpetrator must be an actor name/],
      ];
      const before = JSON.stringify(await items());
      for (const [payload, message] of cases) {
        const res = await t.app.inject({ method: 'PATCH', url, headers: ana, payload });
        assert.equal(res.statusCode, 400, res.body);
        const problem = problemOf(res);
        assert.equal(problem.code, 'TEARLINE_E_INGEST_BAD_EDIT');
        assert.match(problem.detail, message);
      }
      assert.equal(JSON.stringify(await items()), before);
    });

    it('re-grades a draft before acceptance (analysts only); accepted items carry the new grade', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const { ana, bea, draftId, items, incident } = await setUp(t);
      const url = `/api/drafts/${draftId}`;
      const byApprover = await t.app.inject({
        method: 'PATCH',
        url,
        headers: bea,
        payload: { grade: 'D4' },
      });
      assert.equal(byApprover.statusCode, 403);
      const bad = await t.app.inject({
        method: 'PATCH',
        url,
        headers: ana,
        payload: { grade: 'G9' },
      });
      assert.equal(problemOf(bad).code, 'TEARLINE_E_INGEST_BAD_GRADE');
      const regraded = await t.app.inject({
        method: 'PATCH',
        url,
        headers: ana,
        payload: { grade: { reliability: 'D', credibility: 4 } },
      });
      assert.equal(regraded.statusCode, 200, regraded.body);
      const D4 = { reliability: 'D', credibility: 4 };
      assert.deepEqual((await items()).draft.grade, D4);
      const accepted = await t.app.inject({
        method: 'POST',
        url: `${url}/items/${incident.itemId}/accept`,
        headers: ana,
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const stored = (
        await t.app.inject({
          method: 'GET',
          url: `/api/objects/${incident.itemId}`,
          headers: ana,
        })
      ).json() as { x_tearline_grade: unknown };
      assert.deepEqual(stored.x_tearline_grade, D4);
      const late = await t.app.inject({
        method: 'PATCH',
        url,
        headers: ana,
        payload: { grade: 'A1' },
      });
      assert.equal(late.statusCode, 409);
      assert.equal(problemOf(late).code, 'TEARLINE_E_INGEST_DRAFT_GRADED');
      const none = await t.app.inject({
        method: 'PATCH',
        url: '/api/drafts/no-such-draft',
        headers: ana,
        payload: { grade: 'A1' },
      });
      assert.equal(none.statusCode, 404);
    });
  });
}
