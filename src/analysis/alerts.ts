import { toStixTimestamp } from '../core/clock.js';
import { notFound, TearlineError } from '../core/errors.js';
import type { Alert, WebhookConfig } from '../core/ports/analysis.js';
import {
  DEFAULT_ALERT_THRESHOLDS,
  evaluateAlertRules,
  type AlertThresholds,
} from './alert-rules.js';
import type { AnalysisDeps } from './analysis-deps.js';
import { toAssessmentHistory } from './assessment-history.js';
import { inferHomeCountries } from './reach.js';

const SEVERITY_RANK: Record<Alert['severity'], number> = { info: 0, warning: 1, critical: 2 };

/**
 * Runs every alert rule over an accepted incident (call it right after the incident's facts are
 * recorded), stores the new alerts and queues their webhook deliveries. Returns the alerts newly
 * raised; an alert already raised for the same cause is not raised twice.
 *
 * @example const raised = await evaluateAlertsForIncident(deps, 'incident--…')
 */
export async function evaluateAlertsForIncident(
  deps: AnalysisDeps,
  incidentId: string,
): Promise<Alert[]> {
  const { repo } = deps;
  const facts = await repo.getIncidentFacts(incidentId);
  if (facts.length === 0) {
    throw notFound(
      'TEARLINE_E_ANALYSIS_INCIDENT_NOT_INDEXED',
      `Incident ${incidentId} has not been recorded for analysis; record it (recordIncident) before evaluating alerts.`,
    );
  }
  const thresholds: AlertThresholds = { ...DEFAULT_ALERT_THRESHOLDS, ...deps.thresholds };
  const now = toStixTimestamp(deps.clock.now());
  const webhook = await repo.getWebhook();
  const raised: Alert[] = [];
  for (const fact of facts) {
    const attributed = fact.actorId !== '';
    const [actor, configuredHome, prior, months, assessments] = await Promise.all([
      attributed ? repo.getActor(fact.actorId) : undefined,
      attributed ? repo.getHomeCountries(fact.actorId) : [],
      attributed && fact.country
        ? repo.countActorIncidentsInCountry(fact.actorId, fact.country, incidentId)
        : 0,
      attributed && fact.month ? repo.getActorMonths(fact.actorId) : [],
      attributed ? repo.listAssessments(fact.actorId) : [],
    ]);
    const home =
      configuredHome.length > 0 || !attributed
        ? configuredHome
        : inferHomeCountries(await repo.getActorCountries(fact.actorId));
    const actorName = actor?.name ?? (attributed ? fact.actorId : 'An unattributed actor');
    const current = toAssessmentHistory(assessments, actorName).current.filter(
      (a) => a.validFrom <= now,
    );
    const candidates = evaluateAlertRules({
      fact,
      actorName,
      homeCountries: home,
      priorIncidentsInCountry: prior,
      actorMonths: months,
      currentAssessments: current,
      thresholds,
    });
    for (const c of candidates) {
      const alert: Alert = {
        id: deps.ids.uuid(),
        ...c,
        actorId: attributed ? fact.actorId : undefined,
        incidentId,
        created: now,
      };
      if (!(await repo.insertAlert(alert))) continue;
      raised.push(alert);
      if (webhook && shouldDeliver(webhook, alert)) {
        await repo.enqueueDelivery({
          id: deps.ids.uuid(),
          alertId: alert.id,
          url: webhook.url,
          payload: JSON.stringify(toWebhookPayload(alert)),
          attempts: 0,
          nextAttemptAt: now,
          created: now,
        });
      }
    }
  }
  return raised;
}

/** The JSON body POSTed to the webhook for an alert. */
export function toWebhookPayload(alert: Alert): Record<string, unknown> {
  return {
    type: 'tearline.alert',
    id: alert.id,
    rule: alert.rule,
    severity: alert.severity,
    message: alert.message,
    actor_id: alert.actorId ?? null,
    incident_id: alert.incidentId ?? null,
    assessment_id: alert.assessmentId ?? null,
    details: alert.details,
    created: alert.created,
  };
}

function shouldDeliver(webhook: WebhookConfig, alert: Alert): boolean {
  return webhook.enabled && SEVERITY_RANK[alert.severity] >= SEVERITY_RANK[webhook.minSeverity];
}

/**
 * Validates and stores the webhook alerts are POSTed to (http or https; loopback is allowed).
 *
 * @example await configureWebhook(deps, { url: 'https://ops.example/hook' })
 */
export async function configureWebhook(
  deps: AnalysisDeps,
  input: { url?: unknown; enabled?: unknown; minSeverity?: unknown },
): Promise<WebhookConfig> {
  let url: URL | undefined;
  try {
    url = new URL(String(input.url));
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new TearlineError(
      'TEARLINE_E_WEBHOOK_INVALID',
      'The webhook needs an http:// or https:// URL.',
      {
        details: [{ path: '.url', message: 'not an http(s) URL' }],
      },
    );
  }
  const minSeverity = input.minSeverity ?? 'info';
  if (minSeverity !== 'info' && minSeverity !== 'warning' && minSeverity !== 'critical') {
    throw new TearlineError(
      'TEARLINE_E_WEBHOOK_INVALID',
      'minSeverity must be info, warning or critical.',
      {
        details: [{ path: '.minSeverity', message: 'unknown severity' }],
      },
    );
  }
  const config: WebhookConfig = {
    url: url.toString(),
    enabled: input.enabled === undefined ? true : input.enabled === true,
    minSeverity,
    modified: toStixTimestamp(deps.clock.now()),
  };
  await deps.repo.setWebhook(config);
  return config;
}

/**
 * Marks an alert as seen by `by`; acknowledging twice keeps the first acknowledgement.
 *
 * @example await acknowledgeAlert(deps, alertId, 'analyst1')
 */
export async function acknowledgeAlert(deps: AnalysisDeps, id: string, by: string): Promise<Alert> {
  const alert = await deps.repo.getAlert(id);
  if (!alert) {
    throw notFound('TEARLINE_E_ALERT_NOT_FOUND', `There is no alert ${id}.`);
  }
  await deps.repo.acknowledgeAlert(id, by, toStixTimestamp(deps.clock.now()));
  return (await deps.repo.getAlert(id))!;
}
