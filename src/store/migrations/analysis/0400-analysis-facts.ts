import type { TearlineMigration } from '../migration.js';

/**
 * Indexed incident facts (one row per incident and attributed actor) and the monthly aggregates
 * kept in step with them, so that profiles and trends never scan STIX JSON.
 */
export const migration0400: TearlineMigration = {
  async up(db) {
    await db.schema
      .createTable('analysis_incident_facts')
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('event_date', 'text')
      .addColumn('month', 'text')
      .addColumn('country', 'text')
      .addColumn('admin1', 'text')
      .addColumn('location_name', 'text')
      .addColumn('latitude', 'double precision')
      .addColumn('longitude', 'double precision')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('sub_event_type', 'text', (c) => c.notNull())
      .addColumn('fatalities', 'integer')
      .addColumn('injuries', 'integer')
      .addColumn('grade', 'text')
      .addColumn('report_refs', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('analysis_incident_facts_pk', ['incident_id', 'actor_id'])
      .execute();
    await db.schema
      .createIndex('analysis_facts_actor_month')
      .on('analysis_incident_facts')
      .columns(['actor_id', 'month'])
      .execute();
    await db.schema
      .createIndex('analysis_facts_actor_country')
      .on('analysis_incident_facts')
      .columns(['actor_id', 'country', 'event_date'])
      .execute();
    await db.schema
      .createIndex('analysis_facts_actor_fatalities')
      .on('analysis_incident_facts')
      .columns(['actor_id', 'fatalities'])
      .execute();
    await db.schema
      .createIndex('analysis_facts_actor_date')
      .on('analysis_incident_facts')
      .columns(['actor_id', 'event_date'])
      .execute();
    await db.schema
      .createIndex('analysis_facts_actor_place')
      .on('analysis_incident_facts')
      .columns(['actor_id', 'location_name', 'country'])
      .execute();

    await db.schema
      .createTable('analysis_incident_targets')
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('target_name', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('analysis_incident_targets_pk', ['incident_id', 'target_id'])
      .execute();

    for (const [table, key] of [
      ['analysis_actor_months', 'actor_id'],
      ['analysis_country_months', 'country'],
    ] as const) {
      await db.schema
        .createTable(table)
        .addColumn(key, 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('incidents', 'integer', (c) => c.notNull())
        .addColumn('lethal_incidents', 'integer', (c) => c.notNull())
        .addColumn('fatalities', 'integer', (c) => c.notNull())
        .addColumn('injuries', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, [key, 'month'])
        .execute();
    }

    await db.schema
      .createTable('analysis_actors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('aliases', 'text', (c) => c.notNull())
      .addColumn('threat_actor_types', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .execute();
    await db.schema
      .createTable('analysis_actor_names')
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('analysis_actor_names_pk', ['name_key', 'actor_id'])
      .execute();
    await db.schema
      .createTable('analysis_actor_relationships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_ref', 'text', (c) => c.notNull())
      .addColumn('target_ref', 'text', (c) => c.notNull())
      .addColumn('relationship_type', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('start_time', 'text')
      .addColumn('stop_time', 'text')
      .execute();
    await db.schema
      .createIndex('analysis_actor_rel_source')
      .on('analysis_actor_relationships')
      .column('source_ref')
      .execute();
    await db.schema
      .createIndex('analysis_actor_rel_target')
      .on('analysis_actor_relationships')
      .column('target_ref')
      .execute();
    await db.schema
      .createTable('analysis_actor_home')
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('analysis_actor_home_pk', ['actor_id', 'country'])
      .execute();
  },
};
