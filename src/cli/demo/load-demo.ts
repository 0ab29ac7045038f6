import type { AppDeps } from '../../server/app-deps.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { ingestReport } from '../../ingest/draft/ingest-report.js';
import { createSource } from '../../ingest/sources/source-service.js';
import { detectLanguage } from '../../ingest/readers/detect-language.js';
import { addPartner } from '../../sharing/partner-service.js';
import { addAgreement, addCondition } from '../../sharing/agreement-service.js';
import { approveRelease, createRelease, previewRelease, showPreview } from '../../sharing/release-service.js';
import type { Actor } from '../../sharing/sharing-deps.js';
import { createAccountService } from '../../server/auth/account-service.js';
import { toAuthConfig } from '../../server/auth/auth-config.js';
import { toAnalysisService } from '../../server/rest/analysis/analysis-route-deps.js';
import { toSharingDeps } from '../../server/rest/sharing/sharing-route-deps.js';
import { toIngestDeps } from '../../server/rest/ingest/ingest-runtime.js';
import { DEMO_DIR, readDemoPlan, readDemoReports, type DemoPlan } from './demo-files.js';

/** What the demo put in the store, and the credentials of the users it created (shown once). */
export interface DemoSummary {
  reports: number;
  incidents: number;
  assessments: number;
  alerts: number;
  releases: number;
  credentials: Array<{ username: string; password: string; roles: string[] }>;
}

interface ReportOutcome {
  reportId: string;
  text: string;
  incidentIds: string[];
}

const DAY_MS = 86_400_000;

/**
 * Loads the demo into an empty knowledge base, through the same services the API uses: the 25
 * reports of demo/reports are ingested by the real extraction pipeline and accepted (a second
 * report of an attack merges as corroboration), the assessment of ISIS-K is recorded before and
 * after Crocus City Hall, with a collection gap, and two partners get an agreement and one
 * approved release each. Returns undefined, doing nothing, when the store already holds reports.
 *
 * @example const summary = await loadDemo(deps)
 */
export async function loadDemo(
  deps: AppDeps,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<DemoSummary | undefined> {
  if ((await deps.store.objects.countLatest({ types: ['report'] })) > 0) return undefined;
  const dir = options.dir ?? DEMO_DIR;
  const log = options.log ?? (() => undefined);
  const plan = readDemoPlan(dir);
  const reports = readDemoReports(dir);
  const credentials = await addDemoUsers(deps, plan);
  const analysis = toAnalysisService(deps);
  const ingest = toIngestDeps(deps);
  const source = await createSource(ingest, { name: 'Demo Wire', grade: 'B2' });
  const outcomes: ReportOutcome[] = [];
  const pending = [...plan.assessments];
  let previous: string | undefined;
  // Configured, not inferred: the core Islamic State's incidents in the demo are mostly in
  // Afghanistan, which would make Afghanistan its "home" on every page and alert.
  const homesToSet = new Map([
    [plan.actor, plan.homeCountries],
    ...Object.entries(plan.otherHomeCountries ?? {}),
  ]);
  for (const [n, report] of reports.entries()) {
    // Judgments are recorded when they were made: before the reports that came after them, so
    // the alerts of later incidents are evaluated against the judgment then current.
    while (pending[0] && report.published > pending[0].after) {
      previous = await recordAssessment(deps, plan, pending.shift()!, outcomes, previous);
    }
    log(`demo: ingesting ${n + 1}/${reports.length} ${report.file}`);
    const draft = await ingestReport(
      ingest,
      {
        text: report.text,
        title: report.title,
        published: report.published,
        origin: report.file,
        mediaType: 'text/plain',
        language: detectLanguage(report.text).language,
      },
      { source, grade: report.grade, published: report.published, accept: true },
    );
    const stored = await deps.store.objects.getLatest(draft.report.id);
    const refs = Array.isArray(stored?.object_refs) ? (stored.object_refs as string[]) : [];
    outcomes.push({
      reportId: draft.report.id,
      text: `${report.title}\n${report.text}`,
      incidentIds: refs.filter((r) => r.startsWith('incident--')),
    });
    for (const [actor, countries] of homesToSet) {
      // The actor exists in the analysis index once a first incident attributed to it is accepted.
      const set = await analysis
        .setHomeCountries(actor, countries)
        .then(() => true)
        .catch(() => false);
      if (set) homesToSet.delete(actor);
    }
  }
  for (const assessment of pending) {
    previous = await recordAssessment(deps, plan, assessment, outcomes, previous);
  }
  const actorId = await findActorId(deps, plan.actor);
  await analysis.saveCollectionGap({ ...plan.collectionGap, ...(actorId ? { actorIds: [actorId] } : {}) });
  const releases = await shareDemo(deps, plan, outcomes, actorId);
  const summary: DemoSummary = {
    reports: reports.length,
    incidents: await deps.store.objects.countLatest({ types: ['incident'] }),
    assessments: plan.assessments.length,
    alerts: (await analysis.listAlerts({})).length,
    releases,
    credentials,
  };
  log(
    `demo: ${summary.reports} reports, ${summary.incidents} incidents, ${summary.assessments} assessments, ${summary.alerts} alerts, ${summary.releases} releases`,
  );
  return summary;
}

async function addDemoUsers(deps: AppDeps, plan: DemoPlan): Promise<DemoSummary['credentials']> {
  const accounts = createAccountService({ ...deps, auth: toAuthConfig(deps.config) });
  const out: DemoSummary['credentials'] = [];
  for (const user of plan.users) {
    if (await deps.store.users.findByUsername(user.username)) continue;
    const { generatedPassword } = await accounts.addUser(user);
    if (generatedPassword) out.push({ username: user.username, password: generatedPassword, roles: user.roles });
  }
  return out;
}

/** The evidence a set of words picks: the incidents of the reports that mention them, else the reports. */
function pickEvidence(outcomes: readonly ReportOutcome[], words: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const word of words) {
    for (const outcome of outcomes.filter((o) => o.text.includes(word))) {
      for (const id of outcome.incidentIds.length > 0 ? outcome.incidentIds : [outcome.reportId]) ids.add(id);
    }
  }
  return [...ids];
}

async function recordAssessment(
  deps: AppDeps,
  plan: DemoPlan,
  input: DemoPlan['assessments'][number],
  outcomes: readonly ReportOutcome[],
  previous: string | undefined,
): Promise<string | undefined> {
  const subjectRef = await findActorId(deps, plan.actor);
  if (!subjectRef) return previous;
  const view = await toAnalysisService(deps).createAssessment({
    subjectRef,
    capability: input.capability,
    intent: input.intent,
    analyticConfidence: input.analyticConfidence,
    rationale: input.rationale,
    evidenceRefs: pickEvidence(outcomes, input.evidence),
    author: input.author,
    validFrom: input.validFrom,
    regionCountries: input.regionCountries,
    targetDescription: input.targetDescription,
    ...(previous ? { supersedes: previous } : {}),
  });
  return view.id;
}

async function findActorId(deps: AppDeps, name: string): Promise<string | undefined> {
  const actors = await deps.store.objects.findLatest({ types: ['threat-actor'] });
  const wanted = name.toLowerCase();
  const match = actors.find(
    (a) =>
      String(a.name).toLowerCase() === wanted ||
      (Array.isArray(a.aliases) && a.aliases.some((x) => String(x).toLowerCase() === wanted)),
  );
  return match?.id;
}

/** Partners, agreements (with conditions), and one release each drafted by the analyst and approved by the approver. */
async function shareDemo(
  deps: AppDeps,
  plan: DemoPlan,
  outcomes: readonly ReportOutcome[],
  actorId: string | undefined,
): Promise<number> {
  const sharing = toSharingDeps(deps);
  const analyst: Actor = { username: 'analyst', roles: ['analyst'] };
  const approver: Actor = { username: 'approver', roles: ['approver', 'analyst'] };
  const relationships = await deps.store.objects.findLatest({ types: ['relationship'] });
  let delivered = 0;
  for (const entry of plan.partners) {
    const partner = await addPartner(sharing, { name: entry.name, trustTier: entry.trustTier });
    let agreement = await addAgreement(sharing, analyst, {
      partnerId: partner.id,
      title: entry.agreement.title,
      tlp: entry.agreement.tlp,
      ...(entry.agreement.iep ? { iep: entry.agreement.iep } : {}),
      reason: entry.agreement.reason,
    });
    const now = deps.clock.now().getTime();
    for (const condition of entry.agreement.conditions ?? []) {
      agreement = await addCondition(sharing, analyst, agreement.id, {
        text: condition.text,
        reviewDate: new Date(now + condition.reviewInDays * DAY_MS).toISOString(),
        expires: new Date(now + condition.expiresInDays * DAY_MS).toISOString(),
      });
    }
    const incidents = pickEvidence(outcomes, entry.release.select).filter((id) => id.startsWith('incident--'));
    if (incidents.length === 0) continue;
    // The incidents with their relationships and what those point at (places, the actor).
    const selected = new Set<string>(incidents);
    for (const r of relationships as StixObject[]) {
      if (selected.has(String(r.source_ref)) && incidents.includes(String(r.source_ref))) {
        selected.add(r.id);
        selected.add(String(r.target_ref));
      }
    }
    if (actorId) selected.add(actorId);
    const release = await createRelease(sharing, analyst, {
      partnerId: partner.id,
      agreementId: agreement.id,
      objectIds: [...selected],
      transforms: entry.release.transforms,
    });
    await previewRelease(sharing, release.id);
    // The approver approves from the preview they fetched, acknowledging each residual finding.
    const seen = await showPreview(sharing, release.id, approver.username);
    await approveRelease(sharing, approver, release.id, {
      requirePreviewSeen: true,
      acknowledgements: seen.findings.map((f) => ({
        findingId: f.id,
        reason: 'Demo data: invented names and places, reviewed in the preview.',
      })),
    });
    delivered++;
  }
  return delivered;
}
