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
import { fromFactRow, toFactRows, type FactRow } from './incident-fact-rows.js';

type Db = Database['db'];

interface Delta {
  key: string;
  month: string;
  incidents: number;
  lethal_incidents: number;
  fatalities: number;
  injuries: number;
}

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
    const targets: Array<{ incident_id: string; target_id: string; target_name: string }> = [];
    for (const record of records) byIncident.set(record.incident.id, toFactRows(record));
    for (const record of records) {
      for (const t of record.targets ?? []) {
        targets.push({ incident_id: record.incident.id, target_id: t.id, target_name: t.name });
      }
    }
    const ids = [...byIncident.keys()];
    await db.transaction().execute(async (trx) => {
      const actorDeltas = new Map<string, Delta>();
      const countryDeltas = new Map<string, Delta>();
      for (const part of chunks(ids, CHUNK)) {
        const old = (await trx
          .selectFrom('analysis_incident_facts')
          .selectAll()
          .where('incident_id', 'in', part)
          .execute()) as FactRow[];
        addDeltas(old, -1, actorDeltas, countryDeltas);
        if (old.length > 0) {
          await trx
            .deleteFrom('analysis_incident_facts')
            .where('incident_id', 'in', part)
            .execute();
        }
        await trx
          .deleteFrom('analysis_incident_targets')
          .where('incident_id', 'in', part)
          .execute();
      }
      const rows = [...byIncident.values()].flat();
      addDeltas(rows, 1, actorDeltas, countryDeltas);
      for (const part of chunks(rows, CHUNK)) {
        await trx.insertInto('analysis_incident_facts').values(part).execute();
      }
      const uniqueTargets = [
        ...new Map(targets.map((t) => [`${t.incident_id} ${t.target_id}`, t])).values(),
      ];
      for (const part of chunks(uniqueTargets, CHUNK)) {
        await trx.insertInto('analysis_incident_targets').values(part).execute();
      }
      await applyDeltas(trx, 'analysis_actor_months', 'actor_id', actorDeltas);
      await applyDeltas(trx, 'analysis_country_months', 'country', countryDeltas);
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
      .groupBy('month')
      .orderBy('month')
      .execute();
    return rows
      .map((r) => ({
        month: r.month as string,
        incidents: Number(r.incidents),
        lethalIncidents: Number(r.lethal_incidents),
        fatalities: Number(r.fatalities),
        injuries: Number(r.injuries),
      }))
      .filter((m) => m.incidents > 0);
  }

  return {
    recordIncidents,
    recordIncident: (record: IncidentRecord) => recordIncidents([record]),

    async getIncidentFacts(incidentId: string): Promise<IncidentFact[]> {
      const rows = (await db
        .selectFrom('analysis_incident_facts')
        .selectAll()
        .where('incident_id', '=', incidentId)
        .orderBy('actor_id')
        .execute()) as FactRow[];
      return rows.map(fromFactRow);
    },

    getActorMonths: (actorId: string) => monthsOf('analysis_actor_months', 'actor_id', [actorId]),
    getCountryMonths: (countries: readonly string[]) =>
      monthsOf('analysis_country_months', 'country', countries),

    async getActorTotals(actorId: string): Promise<ActorTotals> {
      const r = await db
        .selectFrom('analysis_incident_facts')
        .select([
          sql<number>`count(*)`.as('incidents'),
          sql<number>`sum(case when event_date is null then 1 else 0 end)`.as('undated'),
          sql<number>`sum(case when country is null and latitude is null then 1 else 0 end)`.as(
            'unplaced',
          ),
          sql<number>`coalesce(sum(fatalities), 0)`.as('fatalities'),
          sql<number>`coalesce(sum(injuries), 0)`.as('injuries'),
        ])
        .where('actor_id', '=', actorId)
        .executeTakeFirstOrThrow();
      return {
        incidents: Number(r.incidents),
        undated: Number(r.undated ?? 0),
        unplaced: Number(r.unplaced ?? 0),
        fatalities: Number(r.fatalities),
        injuries: Number(r.injuries),
      };
    },

    async getActorCountries(actorId: string): Promise<CountryReach[]> {
      const rows = await db
        .selectFrom('analysis_incident_facts')
        .select([
          'country',
          sql<number>`count(*)`.as('incidents'),
          sql<number>`coalesce(sum(fatalities), 0)`.as('fatalities'),
          sql<string | null>`min(event_date)`.as('first_date'),
          sql<string>`min(incident_id)`.as('any_incident'),
        ])
        .where('actor_id', '=', actorId)
        .where('country', 'is not', null)
        .groupBy('country')
        .orderBy(sql`count(*)`, 'desc')
        .orderBy('country')
        .execute();
      const out: CountryReach[] = [];
      for (const r of rows) {
        const first = r.first_date
          ? await db
              .selectFrom('analysis_incident_facts')
              .select('incident_id')
              .where('actor_id', '=', actorId)
              .where('country', '=', r.country as string)
              .where('event_date', '=', r.first_date)
              .orderBy('incident_id')
              .limit(1)
              .executeTakeFirst()
          : undefined;
        out.push({
          country: r.country as string,
          incidents: Number(r.incidents),
          fatalities: Number(r.fatalities),
          firstDate: r.first_date ?? undefined,
          firstIncidentId: (first?.incident_id as string | undefined) ?? r.any_incident,
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
        .selectFrom('analysis_incident_facts')
        .select([
          'location_name',
          'country',
          sql<number | null>`avg(latitude)`.as('latitude'),
          sql<number | null>`avg(longitude)`.as('longitude'),
          sql<number>`count(*)`.as('incidents'),
        ])
        .where('actor_id', '=', actorId)
        .where('location_name', 'is not', null)
        .groupBy(['location_name', 'country'])
        .orderBy(sql`count(*)`, 'desc')
        .orderBy('location_name')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        key: `${r.location_name as string}|${(r.country as string | null) ?? ''}`,
        name: r.location_name as string,
        country: (r.country as string | null) ?? undefined,
        latitude: r.latitude === null ? undefined : Number(r.latitude),
        longitude: r.longitude === null ? undefined : Number(r.longitude),
        incidents: Number(r.incidents),
      }));
    },

    async getActorTargets(actorId: string, limit: number): Promise<NamedCount[]> {
      const rows = await db
        .selectFrom('analysis_incident_targets as t')
        .innerJoin('analysis_incident_facts as f', 'f.incident_id', 't.incident_id')
        .select(['t.target_id', 't.target_name', sql<number>`count(*)`.as('incidents')])
        .where('f.actor_id', '=', actorId)
        .groupBy(['t.target_id', 't.target_name'])
        .orderBy(sql`count(*)`, 'desc')
        .orderBy('t.target_name')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        key: r.target_id as string,
        name: r.target_name as string,
        incidents: Number(r.incidents),
      }));
    },

    async getKeyIncidents(actorId: string, limit: number): Promise<IncidentFact[]> {
      const rows = (await db
        .selectFrom('analysis_incident_facts')
        .selectAll()
        .where('actor_id', '=', actorId)
        .where('fatalities', 'is not', null)
        .orderBy('fatalities', 'desc')
        .orderBy('incident_id')
        .limit(limit)
        .execute()) as FactRow[];
      return rows.map(fromFactRow);
    },

    async getRecentIncidents(actorId: string, limit: number): Promise<IncidentFact[]> {
      const dated = (await db
        .selectFrom('analysis_incident_facts')
        .selectAll()
        .where('actor_id', '=', actorId)
        .where('event_date', 'is not', null)
        .orderBy('event_date', 'desc')
        .orderBy('incident_id')
        .limit(limit)
        .execute()) as FactRow[];
      if (dated.length >= limit) return dated.map(fromFactRow);
      const undated = (await db
        .selectFrom('analysis_incident_facts')
        .selectAll()
        .where('actor_id', '=', actorId)
        .where('event_date', 'is', null)
        .orderBy('incident_id')
        .limit(limit - dated.length)
        .execute()) as FactRow[];
      return [...dated, ...undated].map(fromFactRow);
    },
  };
}

function addDeltas(
  rows: readonly FactRow[],
  sign: 1 | -1,
  actorDeltas: Map<string, Delta>,
  countryDeltas: Map<string, Delta>,
): void {
  const countedCountry = new Set<string>();
  for (const row of rows) {
    if (row.month === null) continue;
    if (row.actor_id !== '') add(actorDeltas, row.actor_id, row, sign);
    // A country counts an incident once, however many actors it is attributed to.
    if (row.country !== null && !countedCountry.has(row.incident_id)) {
      countedCountry.add(row.incident_id);
      add(countryDeltas, row.country, row, sign);
    }
  }
}

function add(map: Map<string, Delta>, key: string, row: FactRow, sign: 1 | -1): void {
  const id = `${key}\u0000${row.month}`;
  let d = map.get(id);
  if (!d) {
    d = { key, month: row.month!, incidents: 0, lethal_incidents: 0, fatalities: 0, injuries: 0 };
    map.set(id, d);
  }
  d.incidents += sign;
  d.lethal_incidents += (row.fatalities ?? 0) > 0 ? sign : 0;
  d.fatalities += sign * (row.fatalities ?? 0);
  d.injuries += sign * (row.injuries ?? 0);
}

async function applyDeltas(
  trx: Db,
  table: 'analysis_actor_months' | 'analysis_country_months',
  column: 'actor_id' | 'country',
  deltas: Map<string, Delta>,
): Promise<void> {
  const values = [...deltas.values()]
    .filter((d) => d.incidents !== 0 || d.fatalities !== 0 || d.injuries !== 0)
    .map((d) => ({
      [column]: d.key,
      month: d.month,
      incidents: d.incidents,
      lethal_incidents: d.lethal_incidents,
      fatalities: d.fatalities,
      injuries: d.injuries,
    }));
  for (const part of chunks(values, CHUNK)) {
    await trx
      .insertInto(table)
      .values(part)
      .onConflict((oc) =>
        oc.columns([column, 'month']).doUpdateSet({
          incidents: sql`${sql.ref(`${table}.incidents`)} + excluded.incidents`,
          lethal_incidents: sql`${sql.ref(`${table}.lethal_incidents`)} + excluded.lethal_incidents`,
          fatalities: sql`${sql.ref(`${table}.fatalities`)} + excluded.fatalities`,
          injuries: sql`${sql.ref(`${table}.injuries`)} + excluded.injuries`,
        }),
      )
      .execute();
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
