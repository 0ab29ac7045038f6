import type { Selectable } from 'kysely';
import type { ActorRecord, ActorRelationship } from '../../core/ports/analysis.js';
import type { Database } from '../database.js';
import type { AnalysisActorsTable } from '../schema/tearline-db.js';

/** How names are matched: case and surrounding space do not matter. */
function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * The actor directory (names, aliases, home countries) and actor-to-actor relationships.
 *
 * @example await createActorDirectoryStore(database).findActorByName('isis-k')
 */
export function createActorDirectoryStore(database: Database) {
  const { db } = database;

  const fromRow = (r: Selectable<AnalysisActorsTable>): ActorRecord => ({
    id: r.id,
    name: r.name,
    aliases: JSON.parse(r.aliases) as string[],
    threatActorTypes: JSON.parse(r.threat_actor_types) as string[],
    description: r.description ?? undefined,
  });

  return {
    async recordActor(actor: ActorRecord): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = {
          id: actor.id,
          name: actor.name,
          aliases: JSON.stringify(actor.aliases),
          threat_actor_types: JSON.stringify(actor.threatActorTypes),
          description: actor.description ?? null,
        };
        await trx
          .insertInto('analysis_actors')
          .values(row)
          .onConflict((oc) => oc.column('id').doUpdateSet(row))
          .execute();
        await trx.deleteFrom('analysis_actor_names').where('actor_id', '=', actor.id).execute();
        const keys = [...new Set([actor.name, ...actor.aliases].map(nameKey))].filter(Boolean);
        if (keys.length > 0) {
          await trx
            .insertInto('analysis_actor_names')
            .values(keys.map((name_key) => ({ name_key, actor_id: actor.id })))
            .execute();
        }
      });
    },

    async getActor(id: string): Promise<ActorRecord | undefined> {
      const r = await db
        .selectFrom('analysis_actors')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? fromRow(r) : undefined;
    },

    async findActorByName(name: string): Promise<ActorRecord | undefined> {
      const r = await db
        .selectFrom('analysis_actor_names as n')
        .innerJoin('analysis_actors as a', 'a.id', 'n.actor_id')
        .selectAll('a')
        .where('n.name_key', '=', nameKey(name))
        .orderBy('a.id')
        .executeTakeFirst();
      return r ? fromRow(r) : undefined;
    },

    async listActors(): Promise<ActorRecord[]> {
      const rows = await db.selectFrom('analysis_actors').selectAll().orderBy('name').execute();
      return rows.map(fromRow);
    },

    async recordActorRelationship(rel: ActorRelationship): Promise<void> {
      const row = {
        id: rel.id,
        source_ref: rel.sourceRef,
        target_ref: rel.targetRef,
        relationship_type: rel.relationshipType,
        description: rel.description ?? null,
        start_time: rel.startTime ?? null,
        stop_time: rel.stopTime ?? null,
      };
      await db
        .insertInto('analysis_actor_relationships')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    },

    async listActorRelationships(actorId: string): Promise<ActorRelationship[]> {
      const rows = await db
        .selectFrom('analysis_actor_relationships')
        .selectAll()
        .where((eb) => eb.or([eb('source_ref', '=', actorId), eb('target_ref', '=', actorId)]))
        .orderBy('start_time')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        sourceRef: r.source_ref,
        targetRef: r.target_ref,
        relationshipType: r.relationship_type,
        description: r.description ?? undefined,
        startTime: r.start_time ?? undefined,
        stopTime: r.stop_time ?? undefined,
      }));
    },

    async setHomeCountries(actorId: string, countries: readonly string[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('analysis_actor_home').where('actor_id', '=', actorId).execute();
        const unique = [...new Set(countries.map((c) => c.toUpperCase()))];
        if (unique.length > 0) {
          await trx
            .insertInto('analysis_actor_home')
            .values(unique.map((country) => ({ actor_id: actorId, country })))
            .execute();
        }
      });
    },

    async getHomeCountries(actorId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('analysis_actor_home')
        .select('country')
        .where('actor_id', '=', actorId)
        .orderBy('country')
        .execute();
      return rows.map((r) => r.country);
    },
  };
}
