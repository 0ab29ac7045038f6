import type { Selectable } from 'kysely';
import type { Alert, AlertDelivery, WebhookConfig } from '../../core/ports/analysis.js';
import type { Database } from '../database.js';
import type { AnalysisAlertOutboxTable, AnalysisAlertsTable } from '../schema/tearline-db.js';

/**
 * Alerts, the webhook configuration and the delivery outbox: an alert's delivery row is kept until
 * the webhook accepts it, so nothing is lost when the receiver hangs or fails.
 *
 * @example await createAlertStore(database).listDueDeliveries(now, 10)
 */
export function createAlertStore(database: Database) {
  const { db } = database;

  const toAlert = (r: Selectable<AnalysisAlertsTable>): Alert => ({
    id: r.id,
    rule: r.rule as Alert['rule'],
    severity: r.severity as Alert['severity'],
    actorId: r.actor_id ?? undefined,
    incidentId: r.incident_id ?? undefined,
    assessmentId: r.assessment_id ?? undefined,
    message: r.message,
    details: JSON.parse(r.details) as Record<string, unknown>,
    dedupeKey: r.dedupe_key,
    created: r.created,
    acknowledgedAt: r.acknowledged_at ?? undefined,
    acknowledgedBy: r.acknowledged_by ?? undefined,
  });
  const toDelivery = (r: Selectable<AnalysisAlertOutboxTable>): AlertDelivery => ({
    id: r.id,
    alertId: r.alert_id,
    url: r.url,
    payload: r.payload,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error ?? undefined,
    deliveredAt: r.delivered_at ?? undefined,
    created: r.created,
  });

  return {
    async insertAlert(alert: Alert): Promise<boolean> {
      const r = await db
        .insertInto('analysis_alerts')
        .values({
          id: alert.id,
          rule: alert.rule,
          severity: alert.severity,
          actor_id: alert.actorId ?? null,
          incident_id: alert.incidentId ?? null,
          assessment_id: alert.assessmentId ?? null,
          message: alert.message,
          details: JSON.stringify(alert.details),
          dedupe_key: alert.dedupeKey,
          created: alert.created,
          acknowledged_at: null,
          acknowledged_by: null,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async getAlert(id: string): Promise<Alert | undefined> {
      const r = await db
        .selectFrom('analysis_alerts')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toAlert(r) : undefined;
    },

    async listAlerts(
      filter: { unacknowledgedOnly?: boolean; actorId?: string; limit?: number } = {},
    ): Promise<Alert[]> {
      let q = db.selectFrom('analysis_alerts').selectAll();
      if (filter.unacknowledgedOnly) q = q.where('acknowledged_at', 'is', null);
      if (filter.actorId !== undefined) q = q.where('actor_id', '=', filter.actorId);
      const rows = await q
        .orderBy('created', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 100)
        .execute();
      return rows.map(toAlert);
    },

    async acknowledgeAlert(id: string, by: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('analysis_alerts')
        .set({ acknowledged_at: at, acknowledged_by: by })
        .where('id', '=', id)
        .where('acknowledged_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async getWebhook(): Promise<WebhookConfig | undefined> {
      const r = await db
        .selectFrom('analysis_webhook')
        .selectAll()
        .where('id', '=', 'default')
        .executeTakeFirst();
      return r
        ? {
            url: r.url,
            enabled: Number(r.enabled) === 1,
            minSeverity: r.min_severity as WebhookConfig['minSeverity'],
            modified: r.modified,
          }
        : undefined;
    },

    async setWebhook(config: WebhookConfig | undefined): Promise<void> {
      if (!config) {
        await db.deleteFrom('analysis_webhook').where('id', '=', 'default').execute();
        return;
      }
      const row = {
        id: 'default',
        url: config.url,
        enabled: config.enabled ? 1 : 0,
        min_severity: config.minSeverity,
        modified: config.modified,
      };
      await db
        .insertInto('analysis_webhook')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    },

    async enqueueDelivery(d: AlertDelivery): Promise<void> {
      await db
        .insertInto('analysis_alert_outbox')
        .values({
          id: d.id,
          alert_id: d.alertId,
          url: d.url,
          payload: d.payload,
          attempts: d.attempts,
          next_attempt_at: d.nextAttemptAt,
          last_error: d.lastError ?? null,
          delivered_at: d.deliveredAt ?? null,
          created: d.created,
        })
        .execute();
    },

    async listDueDeliveries(now: string, limit: number): Promise<AlertDelivery[]> {
      const rows = await db
        .selectFrom('analysis_alert_outbox')
        .selectAll()
        .where('delivered_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },

    async listDeliveries(alertId: string): Promise<AlertDelivery[]> {
      const rows = await db
        .selectFrom('analysis_alert_outbox')
        .selectAll()
        .where('alert_id', '=', alertId)
        .orderBy('created')
        .orderBy('id')
        .execute();
      return rows.map(toDelivery);
    },

    async markDelivered(id: string, at: string, attempts: number): Promise<void> {
      await db
        .updateTable('analysis_alert_outbox')
        .set({ delivered_at: at, attempts, last_error: null })
        .where('id', '=', id)
        .execute();
    },

    async markFailed(
      id: string,
      attempts: number,
      nextAttemptAt: string,
      error: string,
    ): Promise<void> {
      await db
        .updateTable('analysis_alert_outbox')
        .set({ attempts, next_attempt_at: nextAttemptAt, last_error: error.slice(0, 500) })
        .where('id', '=', id)
        .execute();
    },
  };
}
