import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './server-fixture.js';
import { loadDemo, type DemoSummary } from '../src/cli/demo/load-demo.js';
import { readDemoReports, parseDemoReport } from '../src/cli/demo/demo-files.js';
import { toAnalysisService } from '../src/server/rest/analysis/analysis-route-deps.js';
import { verifyLedger } from '../src/sharing/ledger.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../src/core/stix/conflict-event-extension.js';

// The first-run demo goes through the real pipeline and services; these are the facts a new user
// walks through (issue 6's journey, issue 5's "Done when").
describe('the demo', () => {
  let t: TestApp;
  let summary: DemoSummary | undefined;

  before(async () => {
    t = await createTestApp('sqlite');
    summary = await loadDemo(t.deps);
  });
  after(() => t.dispose());

  it('ingests every report through extraction and accepts it', async () => {
    assert.ok(summary);
    assert.equal(summary.reports, readDemoReports().length);
    assert.ok(summary.incidents >= 20, `only ${summary.incidents} incidents`);
    assert.equal(await t.store.objects.countLatest({ types: ['report'] }), summary.reports);
    assert.deepEqual(
      summary.credentials.map((c) => c.username),
      ['analyst', 'approver'],
    );
  });

  it('holds the Crocus City Hall attack in Russia on 2024-03-22 with at least 130 killed', async () => {
    const incidents = await t.store.objects.findLatest({ types: ['incident'] });
    const crocus = incidents.filter((i) => {
      const ext = i.extensions?.[CONFLICT_EVENT_EXTENSION_ID] as
        Record<string, unknown> | undefined;
      return ext?.event_date === '2024-03-22' && ext.country === 'RU';
    });
    assert.ok(crocus.length >= 1, 'no incident in Russia on 2024-03-22');
    const fatalities = crocus.map(
      (i) =>
        (i.extensions![CONFLICT_EVENT_EXTENSION_ID] as { fatalities?: { min: number } }).fatalities
          ?.min ?? 0,
    );
    assert.ok(Math.max(...fatalities) >= 130);
  });

  it('records the change of judgment after Crocus City Hall, and the alert that asked for it', async () => {
    const analysis = toAnalysisService(t.deps);
    const history = await analysis.getAssessmentHistory('Islamic State Khorasan Province');
    assert.equal(history.entries.length, 2);
    assert.equal(history.entries[0]!.assessment.intent, 'unlikely');
    assert.equal(history.entries[1]!.assessment.intent, 'likely');
    assert.equal(history.entries[1]!.previousId, history.entries[0]!.assessment.id);
    assert.ok(history.entries[1]!.evidenceAdded.length > 0);
    const alerts = await analysis.listAlerts({});
    assert.ok(
      alerts.some((a) => a.rule === 'assessment-contradicted' && /Crocus/.test(a.message)),
      'the contradiction alert did not fire for Crocus City Hall',
    );
    assert.equal((await analysis.listCollectionGaps()).length, 1);
  });

  it('finds the ISIS-K profile by any of its aliases, with its reach beyond Afghanistan and Pakistan', async () => {
    const analysis = toAnalysisService(t.deps);
    for (const alias of ['ISIS-K', 'ISKP', 'Islamic State Khorasan Province']) {
      const profile = await analysis.getActorProfile(alias);
      assert.equal(profile.actor.name, 'Islamic State Khorasan Province');
    }
    const profile = await analysis.getActorProfile('ISIS-K');
    assert.ok(profile.totals.incidents >= 10, `only ${profile.totals.incidents} incidents`);
    assert.deepEqual(profile.reach.homeCountries, ['AF', 'PK']);
    assert.ok(profile.reach.countries.some((c) => c.country === 'RU' && c.external));
  });

  it('gives the core Islamic State its own home countries on its page and in every alert', async () => {
    const analysis = toAnalysisService(t.deps);
    const core = await analysis.getActorProfile('Islamic State');
    assert.deepEqual(core.reach.homeCountries, ['IQ', 'SY']);
    assert.equal(core.reach.homeInferred, false);
    const alerts = await analysis.listAlerts({});
    const wrong = alerts.filter((a) =>
      /^Islamic State operated outside its home countries \(AF/.test(a.message),
    );
    assert.deepEqual(
      wrong.map((a) => a.message),
      [],
    );
  });

  it('shares with two partners, each release approved by a second person, all in a valid ledger', async () => {
    const releases = await t.store.sharing.releases.listReleases({});
    assert.equal(releases.length, 2);
    for (const release of releases) {
      assert.equal(release.status, 'delivered');
      assert.equal(release.author, 'analyst');
      assert.equal(release.approver, 'approver');
    }
    const agreements = await t.store.sharing.agreements.listAgreements({});
    assert.ok(agreements.some((a) => a.conditions.some((c) => /Afghan women/.test(c.text))));
    const verdict = verifyLedger(await t.store.sharing.ledger.listEntries());
    assert.equal(verdict.ok, true);
  });

  it('does nothing on a store that already holds reports', async () => {
    assert.equal(await loadDemo(t.deps), undefined);
  });

  it('refuses a report file without its header', () => {
    assert.throws(() => parseDemoReport('x.txt', 'no header here'), {
      code: 'TEARLINE_E_DEMO_BAD_FILE',
    });
  });
});
