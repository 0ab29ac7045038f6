import { sql } from 'kysely';
import type { TearlineMigration } from '../migration.js';

/**
 * Per-actor aggregates by country, place and target, and undated incidents counted under month
 * '' (so that an actor's totals are a sum over its month rows), kept in step with the facts by
 * the repository; backfilled here from facts already recorded. The indexes the aggregates
 * replace are dropped to keep writes cheap.
 */
export const migration0402: TearlineMigration = {
  async up(db) {
    await db.schema
      .createTable('analysis_actor_countries')
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('incidents', 'integer', (c) => c.notNull())
      .addColumn('fatalities', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('analysis_actor_countries_pk', ['actor_id', 'country'])
      .execute();
    await db.schema
      .createTable('analysis_actor_places')
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('place_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('incidents', 'integer', (c) => c.notNull())
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('latitude_sum', 'double precision', (c) => c.notNull())
      .addColumn('longitude_sum', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('analysis_actor_places_pk', ['actor_id', 'place_key'])
      .execute();
    await db.schema
      .createTable('analysis_actor_targets')
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('target_name', 'text', (c) => c.notNull())
      .addColumn('incidents', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('analysis_actor_targets_pk', ['actor_id', 'target_id'])
      .execute();
    await db.schema.dropIndex('analysis_facts_actor_month').execute();
    await db.schema.dropIndex('analysis_facts_actor_place').execute();

    await sql`insert into analysis_actor_months
      (actor_id, month, incidents, lethal_incidents, fatalities, injuries)
      select actor_id, '', count(*), sum(case when fatalities > 0 then 1 else 0 end),
        coalesce(sum(fatalities), 0), coalesce(sum(injuries), 0)
      from analysis_incident_facts where month is null and actor_id <> '' group by actor_id`.execute(
      db,
    );
    await sql`insert into analysis_actor_countries (actor_id, country, incidents, fatalities)
      select actor_id, country, count(*), coalesce(sum(fatalities), 0)
      from analysis_incident_facts where country is not null and actor_id <> ''
      group by actor_id, country`.execute(db);
    await sql`insert into analysis_actor_places
      (actor_id, place_key, name, country, incidents, points, latitude_sum, longitude_sum)
      select actor_id, location_name || '|' || coalesce(country, ''), location_name,
        coalesce(country, ''), count(*), count(latitude), coalesce(sum(latitude), 0),
        coalesce(sum(longitude), 0)
      from analysis_incident_facts where location_name is not null and actor_id <> ''
      group by actor_id, location_name, country`.execute(db);
    await sql`insert into analysis_actor_targets (actor_id, target_id, target_name, incidents)
      select f.actor_id, t.target_id, min(t.target_name), count(*)
      from analysis_incident_targets t
      join analysis_incident_facts f on f.incident_id = t.incident_id
      where f.actor_id <> '' group by f.actor_id, t.target_id`.execute(db);
  },
};
