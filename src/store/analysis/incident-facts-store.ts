import { sql } from 'kysely';
import type {
  ActorTotals,
  CountryReach,
  IncidentFact,
  IncidentRecord,
  MonthCount,
  NamedCount,
} from '../../core/ports/analysis.js';
import type { Database } from '../database.js';
import { AggregateDeltas, type TargetRow } from './fact-aggregates.js';
import { fromFactRow, toFactRows, type FactRow } from './incident-fact-rows.js';

const CHUNK = 500;

/**
 * Incident facts and their monthly aggregates (per actor, per country), kept in step in the same
 * transaction: a new version of an incident first takes its old rows' counts away.
 *
 * @example const facts = createIncidentFactsStore(database); await facts.recordIncidents(records)
 */
export function createIncidentFactsStore(database: Database) {
  const { db } = database;

  async function recordIncidents(records: readonly IncidentRecord[]): Promise<void> {
    if (records.length === 0) return;
    // The last version of an incident in the batch wins.
    const byIncident = new Map<string, FactRow[]>();
    const targets: TargetRow[] = [];
    for (const record of records) byIncident.set(record.incident.id, toFactRows(record));
    for (const record of records) {
      for (const t of record.targets ?? []) {
        targets.push({ incident_id: record.incident.id, target_id: t.id, target_name: t.name });
      }
    }
    await replaceFacts([...byIncident.keys()], [...byIncident.values()].flat(), targets);
  }

  /**
   * Takes the facts of `ids` away (with their counts in the aggregates) and writes `rows` and
   * `targets` in their place, in one transaction.
   */
  async function replaceFacts(
    ids: readonly string[],
    rows: readonly FactRow[],
    targets: readonly TargetRow[],
  ): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const deltas = new AggregateDeltas();
      for (const part of chunks(ids, CHUNK)) {
        const old = await trx
          .selectFrom('analysis_incident_facts')
          .selectAll()
          .where('incident_id', 'in', part)
          .execute();
        if (old.length === 0) continue;
        const oldTargets = await trx
          .selectFrom('analysis_incident_targets')
          .selectAll()
          .where('incident_id', 'in', part)
          .execute();
        deltas.add(old, oldTargets, -1);
        await trx.deleteFrom('analysis_incident_facts').where('incident_id', 'in', part).execute();
        if (oldTargets.length > 0) {
          await trx
            .deleteFrom('analysis_incident_targets')
            .where('incident_id', 'in', part)
            .execute();
        }
      }
      const uniqueTargets = [
        ...new Map(targets.map((t) => [`${t.incident_id} ${t.target_id}`, t])).values(),
      ];
      deltas.add(rows, uniqueTargets, 1);
      for (const part of chunks(rows, CHUNK)) {
        await trx.insertInto('analysis_incident_facts').values(part).execute();
      }
      for (const part of chunks(uniqueTargets, CHUNK)) {
        await trx.insertInto('analysis_incident_targets').values(part).execute();
      }
      await deltas.apply(trx, CHUNK);
    });
  }

  async function monthsOf(
    table: 'analysis_actor_months' | 'analysis_country_months',
    column: 'actor_id' | 'country',
    keys: readonly string[],
  ): Promise<MonthCount[]> {
    if (keys.length === 0) return [];
    const rows = await db
      .selectFrom(table)
      .select([
        'month',
        sql<number>`sum(incidents)`.as('incidents'),
        sql<number>`sum(lethal_incidents)`.as('lethal_incidents'),
        sql<number>`sum(fatalities)`.as('fatalities'),
        sql<number>`sum(injuries)`.as('injuries'),
      ])
      .where(column, 'in', keys)
      .where('month', '<>', '')
      .groupBy('month')
      .orderBy('month')
      .execute();
    return rows
      .map((r) => ({
        month: r.month,
        incidents: Number(r.incidents),
        lethalIncidents: Number(r.lethal_incidents),
        fatalities: Number(r.fatalities),
        injuries: Number(r.injuries),
      }))
      .filter((m) => m.incidents > 0);
  }

  return {
    recordIncidents,
    /** Takes revoked incidents out of the facts and aggregates. */
    forgetIncidents: async (ids: readonly string[]) => {
      if (ids.length > 0) await replaceFacts(ids, [], []);
    },
    recordIncident: (record: IncidentRecord) => recordIncidents([record]),

    async getIncidentFacts(incidentId: string): Promise<IncidentFact[]> {
      const rows = await db
        .selectFrom('analysis_incident_facts')
        .selectAll()
        .where('incident_id', '=', incidentId)
        .orderBy('actor_id')
        .execute();
      return rows.map(fromFactRow);
    },

    getActorMonths: (actorId: string) => monthsOf('analysis_actor_months', 'actor_id', [actorId]),
    getCountryMonths: (countries: readonly string[]) =>
      monthsOf('analysis_country_months', 'country', countries),

    async getActorTotals(actorId: string): Promise<ActorTotals> {
      // Totals are sums over the monthly aggregates (undated incidents sit under month '').
      const r = await db
        .selectFrom('analysis_actor_months')
        .select([
          sql<number>`coalesce(sum(incidents), 0)`.as('incidents'),
          sql<number>`coalesce(sum(case when month = '' then incidents else 0 end), 0)`.as(
            'undated',
          ),
          sql<number>`coalesce(sum(fatalities), 0)`.as('fatalities'),
          sql<number>`coalesce(sum(injuries), 0)`.as('injuries'),
        ])
        .where('actor_id', '=', actorId)
        .executeTakeFirstOrThrow();
      const unplaced = await db
        .selectFrom('analysis_incident_facts')
        .select(sql<number>`count(*)`.as('n'))
        .where('actor_id', '=', actorId)
        .where('country', 'is', null)
        .where('latitude', 'is', null)
        .executeTakeFirstOrThrow();
      return {
        incidents: Number(r.incidents),
        undated: Number(r.undated),
        unplaced: Number(unplaced.n),
        fatalities: Number(r.fatalities),
        injuries: Number(r.injuries),
      };
    },

    async getActorCountries(actorId: string): Promise<CountryReach[]> {
      const rows = await db
        .selectFrom('analysis_actor_countries')
        .select(['country', 'incidents', 'fatalities'])
        .where('actor_id', '=', actorId)
        .where('incidents', '>', 0)
        .orderBy('incidents', 'desc')
        .orderBy('country')
        .execute();
      const out: CountryReach[] = [];
      for (const r of rows) {
        // The index (actor_id, country, event_date) finds the first dated incident directly.
        const inCountry = () =>
          db
            .selectFrom('analysis_incident_facts')
            .select(['incident_id', 'event_date'])
            .where('actor_id', '=', actorId)
            .where('country', '=', r.country);
        const first =
          (await inCountry()
            .where('event_date', 'is not', null)
            .orderBy('event_date')
            .orderBy('incident_id')
            .limit(1)
            .executeTakeFirst()) ??
          (await inCountry().orderBy('incident_id').limit(1).executeTakeFirst());
        out.push({
          country: r.country,
          incidents: Number(r.incidents),
          fatalities: Number(r.fatalities),
          firstDate: first?.event_date ?? undefined,
          firstIncidentId: first?.incident_id ?? '',
        });
      }
      return out;
    },

    async countActorIncidentsInCountry(
      actorId: string,
      country: string,
      excludeIncidentId: string,
    ): Promise<number> {
      const r = await db
        .selectFrom('analysis_incident_facts')
        .select(sql<number>`count(*)`.as('n'))
        .where('actor_id', '=', actorId)
        .where('country', '=', country)
        .where('incident_id', '<>', excludeIncidentId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async getActorPlaces(actorId: string, limit: number): Promise<NamedCount[]> {
      const rows = await db
        .selectFrom('analysis_actor_places')
        .selectAll()
        .where('actor_id', '=', actorId)
        .where('incidents', '>', 0)
        .orderBy('incidents', 'desc')
        .orderBy('place_key')
        .limit(limit)
        .execute();
      return rows.map((r) => {
        const points = Number(r.points);
        return {
          key: r.place_key,
          name: r.name,
          country: r.country || undefined,
          latitude: points > 0 ? Number(r.latitude_sum) / points : undefined,
          longitude: points > 0 ? Number(r.longitude_sum) / points : undefined,
          incidents: Number(r.incidents),
        };
      });
    },

    async getActorTargets(actorId: string, limit: number): Promise<NamedCount[]> {
      const rows = await db
        .selectFrom('analysis_actor_targets')
        .selectAll()
        .where('actor_id', '=', actorId)
        .where('incidents', '>', 0)
        .orderBy('incidents', 'desc')
        .orderBy('target_name')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        key: r.target_id,
        name: r.target_name,
        incidents: Number(r.incidents),
      }));
    },

    async getKeyIncidents(actorId: string, limit: number): Promise<IncidentFact[]> {
      const rows = await db
        .selectFrom('analysis_incident_facts')
        .selectAll()
        .where('actor_id', '=', actorId)
        .where('fatalities', 'is not', null)
        .orderBy('fatalities', 'desc')
        .orderBy('incident_id')
        .limit(limit)
        .execute();
      return rows.map(fromFactRow);
    },

    async getRecentIncidents(actorId: string, limit: number): Promise<IncidentFact[]> {
      const dated = await db
        .selectFrom('analysis_incident_facts')
        .selectAll()
        .where('actor_id', '=', actorId)
        .where('event_date', 'is not', null)
        .orderBy('event_date', 'desc')
        .orderBy('incident_id')
        .limit(limit)
        .execute();
      if (dated.length >= limit) return dated.map(fromFactRow);
      const undated = await db
        .selectFrom('analysis_incident_facts')
        .selectAll()
        .where('actor_id', '=', actorId)
        .where('event_date', 'is', null)
        .orderBy('incident_id')
        .limit(limit - dated.length)
        .execute();
      return [...dated, ...undated].map(fromFactRow);
    },
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
