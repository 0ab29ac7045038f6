import type { TearlineMigration } from '../migration.js';

/** Assessments (index over their STIX notes), collection gaps, alerts and the webhook outbox. */
export const migration0401: TearlineMigration = {
  async up(db) {
    await db.schema
      .createTable('analysis_assessments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subject_ref', 'text', (c) => c.notNull())
      .addColumn('supersedes_ref', 'text')
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('analysis_assessments_subject')
      .on('analysis_assessments')
      .columns(['subject_ref', 'valid_from'])
      .execute();
    await db.schema
      .createIndex('analysis_assessments_supersedes')
      .on('analysis_assessments')
      .column('supersedes_ref')
      .execute();

    await db.schema
      .createTable('analysis_collection_gaps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('countries', 'text', (c) => c.notNull())
      .addColumn('region', 'text')
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('since', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('requirements', 'text', (c) => c.notNull())
      .addColumn('actor_ids', 'text', (c) => c.notNull())
      .addColumn('created', 'text', (c) => c.notNull())
      .addColumn('modified', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('analysis_alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('incident_id', 'text')
      .addColumn('assessment_id', 'text')
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('created', 'text', (c) => c.notNull())
      .addColumn('acknowledged_at', 'text')
      .addColumn('acknowledged_by', 'text')
      .execute();
    await db.schema
      .createIndex('analysis_alerts_created')
      .on('analysis_alerts')
      .columns(['created', 'id'])
      .execute();

    await db.schema
      .createTable('analysis_webhook')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('min_severity', 'text', (c) => c.notNull())
      .addColumn('modified', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('analysis_alert_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('alert_id', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('created', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('analysis_outbox_due')
      .on('analysis_alert_outbox')
      .columns(['delivered_at', 'next_attempt_at'])
      .execute();
  },
};
