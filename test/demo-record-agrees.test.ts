import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './server-fixture.js';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { loadDemo } from '../src/cli/demo/load-demo.js';
import { createBriefModel } from '../src/analysis/brief-model.js';
import { renderBriefHtml } from '../src/analysis/brief-html.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../src/core/stix/conflict-event-extension.js';
import type { ConflictEventProperties } from '../src/core/stix/conflict-event-extension.js';
import type { ActorProfile } from '../src/analysis/actor-profile.js';
import type { Alert } from '../src/core/ports/analysis.js';
import type { StixObject } from '../src/core/stix/stix-object.js';

// Issue 16: every figure the demo shows is computed once. The pages read two sources — the STIX
// record (dashboard, incident page, export) and the analysis index (actor page, brief, alerts,
// trends) — so each figure is read from both and from each page's API, and they must agree.

interface LedgerRow {
  seq: number;
  partnerId: string;
  partnerName: string;
  releaseId: string;
  objectId: string;
  objectName: string;
  objectType: string;
  sourceId?: string;
}

for (const engine of ENGINES) {
  describe(`the demo's figures agree on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    let t: TestApp;
    let token: string;
    const api = async <T>(path: string): Promise<T> => {
      const res = await t.app.inject({
        method: 'GET',
        url: path,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
      return res.json() as T;
    };
    // The STIX record as the dashboard and the incident pages read it.
    let incidents: StixObject[];
    const attributed = new Map<string, Set<string>>();

    before(async () => {
      t = await createTestApp(engine);
      await loadDemo(t.deps);
      await t.addUser('ana', 'analyst');
      token = await t.mintToken('ana');
      incidents = (await api<{ objects: StixObject[] }>('/api/objects?type=incident&limit=500'))
        .objects;
      for (const incident of incidents) {
        const { relationships } = await api<{
          relationships: Array<{ relationship: StixObject; other: StixObject }>;
        }>(`/api/objects/${incident.id}/relationships`);
        for (const { relationship, other } of relationships) {
          if (relationship.relationship_type !== 'attributed-to' || relationship.revoked) continue;
          if (relationship.source_ref !== incident.id) continue;
          const set = attributed.get(other.id) ?? new Set<string>();
          set.add(incident.id);
          attributed.set(other.id, set);
        }
      }
    });
    after(async () => {
      await t?.dispose();
    });

    const eventOf = (id: string): Partial<ConflictEventProperties> => {
      const o = incidents.find((i) => i.id === id);
      assert.ok(o, `incident ${id} is on the dashboard`);
      return (o.extensions as Record<string, Partial<ConflictEventProperties>>)[
        CONFLICT_EVENT_EXTENSION_ID
      ]!;
    };

    it('states the same counts, tolls, places, dates and home countries on every page of every actor', async () => {
      const { actors } = await api<{ actors: Array<{ id: string; name: string }> }>('/api/actors');
      assert.ok(actors.length >= 3, 'the demo has several actors');
      let checked = 0;
      for (const actor of actors) {
        const p = await api<ActorProfile>(`/api/actors/${actor.id}/profile?limit=200`);
        const mine = [...(attributed.get(actor.id) ?? [])];
        const events = mine.map(eventOf);
        const where = `${actor.name}`;
        // Counts: attributed incidents in the record = the actor page's totals = its months,
        // countries and incident list.
        assert.equal(p.totals.incidents, mine.length, `${where}: incidents`);
        const undated = events.filter((e) => !e.event_date).length;
        assert.equal(p.totals.undated, undated, `${where}: undated`);
        const inMonths = p.trend.months.reduce((s, m) => s + m.incidents, 0);
        assert.equal(inMonths, mine.length - undated, `${where}: months hold every dated incident`);
        // Unplaced: neither a country nor a point; the reach table counts those with a country.
        const unplaced = events.filter((e) => !e.country && e.latitude === undefined).length;
        assert.equal(p.totals.unplaced, unplaced, `${where}: unplaced`);
        assert.equal(
          p.reach.countries.reduce((s, c) => s + c.incidents, 0),
          events.filter((e) => e.country).length,
          `${where}: reach`,
        );
        // Tolls: the total is the sum of the lower bounds the incidents state.
        const killed = events.reduce((s, e) => s + (e.fatalities?.min ?? 0), 0);
        assert.equal(p.totals.fatalities, killed, `${where}: killed`);
        assert.equal(
          p.trend.months.reduce((s, m) => s + m.fatalities, 0),
          events.filter((e) => e.event_date).reduce((s, e) => s + (e.fatalities?.min ?? 0), 0),
          `${where}: killed per month`,
        );
        // Each listed incident: the same date, place and casualty range as its own page.
        const listed = [...p.keyIncidents, ...p.recentIncidents];
        for (const f of listed) {
          const e = eventOf(f.incidentId);
          assert.equal(f.eventDate, e.event_date || undefined, `${where}: date of ${f.name}`);
          assert.equal(f.country, e.country, `${where}: country of ${f.name}`);
          assert.equal(f.locationName, e.location_name, `${where}: place of ${f.name}`);
          assert.deepEqual(
            f.fatalitiesRange ?? null,
            e.fatalities ?? null,
            `${where}: toll of ${f.name}`,
          );
        }
        // Date ranges: each country's first date is the earliest dated incident there.
        for (const c of p.reach.countries) {
          const dates = events
            .filter((e) => e.country === c.country && e.event_date)
            .map((e) => e.event_date!)
            .sort();
          assert.equal(c.firstDate, dates[0], `${where}: first date in ${c.country}`);
        }
        const firstMonth = events
          .map((e) => e.event_date?.slice(0, 7))
          .filter(Boolean)
          .sort()[0];
        if (firstMonth) assert.ok(p.trend.months[0]!.month <= firstMonth, `${where}: months`);
        // The trend API and the profile are one computation.
        const trend = await api<{ months: unknown[]; tempo: unknown }>(
          `/api/trends?actor=${actor.id}`,
        );
        assert.deepEqual(trend.months, p.trend.months, `${where}: trend API`);
        // The brief prints the profile's figures and home countries.
        const html = renderBriefHtml(
          await createBriefModel(
            { repo: t.store.analysis, clock: t.clock, ids: t.deps.ids, objects: t.store.objects },
            actor.id,
          ),
        );
        const figure = (label: string) =>
          new RegExp(`<b>(\\d+)</b><span>${label.replace(/[()]/g, '\\$&')}</span>`).exec(html)?.[1];
        assert.equal(figure('incidents'), String(mine.length), `${where}: brief incidents`);
        assert.equal(figure('killed (at least)'), String(killed), `${where}: brief killed`);
        assert.ok(
          html.includes(`Home countries: ${p.reach.homeCountries.join(', ') || 'unknown'}`),
          `${where}: brief home countries`,
        );
        // Alerts name the same home countries as the actor page (configured in the demo).
        if (!p.reach.homeInferred) {
          const { alerts } = await api<{ alerts: Alert[] }>(`/api/alerts?actor=${actor.id}`);
          for (const a of alerts.filter((x) => Array.isArray(x.details.homeCountries))) {
            assert.deepEqual(
              [...(a.details.homeCountries as string[])].sort(),
              [...p.reach.homeCountries].sort(),
              `${where}: home countries of alert "${a.message}"`,
            );
          }
        }
        checked += mine.length;
      }
      assert.ok(checked >= 20, `the demo's attributed incidents were checked (${checked})`);
    });

    it('names partners and released objects in the ledger, filtered by partner and by release', async () => {
      const { partners } = await api<{
        partners: Array<{
          id: string;
          name: string;
          trustTier: string;
          minimumTransforms: unknown[];
        }>;
      }>('/api/partners');
      const all = (await api<{ entries: LedgerRow[] }>('/api/ledger')).entries;
      assert.ok(all.length > 0, 'the demo delivered releases');
      const names = new Map(partners.map((p) => [p.id, p.name]));
      for (const e of all) {
        assert.equal(e.partnerName, names.get(e.partnerId));
        assert.notEqual(e.objectName, e.objectId, `entry ${e.seq} has a name`);
        assert.equal(e.objectType, e.objectId.split('--')[0]);
      }
      // A released incident is named as the partner received it and leads to our object.
      const incident = all.find((e) => e.objectType === 'incident');
      assert.ok(incident?.sourceId, 'a released incident maps to its source');
      const ours = incidents.find((i) => i.id === incident.sourceId);
      assert.ok(ours, 'the source is one of our incidents');
      const partnerIds = [...new Set(all.map((e) => e.partnerId))];
      assert.ok(partnerIds.length >= 2, 'two partners received releases');
      for (const partnerId of partnerIds) {
        const mine = (await api<{ entries: LedgerRow[] }>(`/api/ledger?partnerId=${partnerId}`))
          .entries;
        assert.deepEqual(
          mine.map((e) => e.seq),
          all.filter((e) => e.partnerId === partnerId).map((e) => e.seq),
        );
      }
      const releaseId = all[all.length - 1]!.releaseId;
      const one = (await api<{ entries: LedgerRow[] }>(`/api/ledger?releaseId=${releaseId}`))
        .entries;
      assert.ok(one.length > 0 && one.every((e) => e.releaseId === releaseId));
      assert.equal(one.length, all.filter((e) => e.releaseId === releaseId).length);
      // Partners carry the transforms their tier requires on every release.
      const minimal = partners.find((p) => p.trustTier === 'minimal');
      assert.ok(minimal, 'the demo has a minimal partner');
      assert.ok(
        minimal.minimumTransforms.some(
          (m) => JSON.stringify(m) === JSON.stringify({ kind: 'coarsen-place', to: 'country' }),
        ),
      );
    });
  });
}
