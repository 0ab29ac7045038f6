import { sql, type Selectable } from 'kysely';
import type { AnalysisIncidentTargetsTable } from '../schema/tearline-db.js';
import type { Database } from '../database.js';
import { withDynamicTables } from '../schema/dynamic-tables.js';
import type { FactRow } from './incident-fact-rows.js';

type Db = Database['db'];

/** One aggregate table: its key columns, descriptive columns set on insert, and summed counts. */
interface AggregateSpec {
  table: string;
  keys: readonly string[];
  extra: readonly string[];
  values: readonly string[];
}

interface Delta {
  spec: AggregateSpec;
  row: Record<string, string | number>;
}

export type TargetRow = Selectable<AnalysisIncidentTargetsTable>;

const SPECS = {
  actorMonths: {
    table: 'analysis_actor_months',
    keys: ['actor_id', 'month'],
    extra: [],
    values: ['incidents', 'lethal_incidents', 'fatalities', 'injuries'],
  },
  countryMonths: {
    table: 'analysis_country_months',
    keys: ['country', 'month'],
    extra: [],
    values: ['incidents', 'lethal_incidents', 'fatalities', 'injuries'],
  },
  actorCountries: {
    table: 'analysis_actor_countries',
    keys: ['actor_id', 'country'],
    extra: [],
    values: ['incidents', 'fatalities'],
  },
  actorPlaces: {
    table: 'analysis_actor_places',
    keys: ['actor_id', 'place_key'],
    extra: ['name', 'country'],
    values: ['incidents', 'points', 'latitude_sum', 'longitude_sum'],
  },
  actorTargets: {
    table: 'analysis_actor_targets',
    keys: ['actor_id', 'target_id'],
    extra: ['target_name'],
    values: ['incidents'],
  },
} as const satisfies Record<string, AggregateSpec>;

/**
 * The changes to every aggregate table that adding (sign 1) or removing (sign -1) these fact
 * and target rows makes, summed per key so each key is written once. Undated incidents count
 * under month '' (left out of monthly series, kept in totals).
 */
export class AggregateDeltas {
  private readonly deltas = new Map<string, Delta>();

  add(rows: readonly FactRow[], targets: readonly TargetRow[], sign: 1 | -1): void {
    const countryCounted = new Set<string>();
    const targetsOf = new Map<string, TargetRow[]>();
    for (const t of targets)
      targetsOf.set(t.incident_id, [...(targetsOf.get(t.incident_id) ?? []), t]);
    for (const r of rows) {
      const month = r.month ?? '';
      const killed = r.fatalities ?? 0;
      const counts = {
        incidents: sign,
        lethal_incidents: killed > 0 ? sign : 0,
        fatalities: sign * killed,
        injuries: sign * (r.injuries ?? 0),
      };
      // An incident counts once for its country, however many actors it is attributed to.
      if (r.country !== null && !countryCounted.has(r.incident_id)) {
        countryCounted.add(r.incident_id);
        this.bump(SPECS.countryMonths, { country: r.country, month }, {}, counts);
      }
      if (r.actor_id === '') continue;
      this.bump(SPECS.actorMonths, { actor_id: r.actor_id, month }, {}, counts);
      if (r.country !== null) {
        this.bump(
          SPECS.actorCountries,
          { actor_id: r.actor_id, country: r.country },
          {},
          {
            incidents: sign,
            fatalities: sign * killed,
          },
        );
      }
      if (r.location_name !== null) {
        const hasPoint = r.latitude !== null && r.longitude !== null;
        this.bump(
          SPECS.actorPlaces,
          { actor_id: r.actor_id, place_key: `${r.location_name}|${r.country ?? ''}` },
          { name: r.location_name, country: r.country ?? '' },
          {
            incidents: sign,
            points: hasPoint ? sign : 0,
            latitude_sum: hasPoint ? sign * Number(r.latitude) : 0,
            longitude_sum: hasPoint ? sign * Number(r.longitude) : 0,
          },
        );
      }
      for (const t of targetsOf.get(r.incident_id) ?? []) {
        this.bump(
          SPECS.actorTargets,
          { actor_id: r.actor_id, target_id: t.target_id },
          { target_name: t.target_name },
          {
            incidents: sign,
          },
        );
      }
    }
  }

  /** Writes the summed changes with one upsert per chunk and table. */
  async apply(trx: Db, chunkSize: number): Promise<void> {
    const byTable = new Map<AggregateSpec, Record<string, string | number>[]>();
    for (const d of this.deltas.values()) {
      if (d.spec.values.every((v) => d.row[v] === 0)) continue;
      byTable.set(d.spec, [...(byTable.get(d.spec) ?? []), d.row]);
    }
    for (const [spec, rows] of byTable) {
      const set = Object.fromEntries(
        spec.values.map((v) => [
          v,
          sql`${sql.ref(`${spec.table}.${v}`)} + ${sql.ref(`excluded.${v}`)}`,
        ]),
      );
      for (let i = 0; i < rows.length; i += chunkSize) {
        await withDynamicTables(trx)
          .insertInto(spec.table)
          .values(rows.slice(i, i + chunkSize))
          .onConflict((oc) => oc.columns([...spec.keys]).doUpdateSet(set))
          .execute();
      }
    }
  }

  private bump(
    spec: AggregateSpec,
    keys: Record<string, string>,
    extra: Record<string, string>,
    values: Record<string, number>,
  ): void {
    const id = `${spec.table}\u0000${spec.keys.map((k) => keys[k]).join('\u0000')}`;
    let d = this.deltas.get(id);
    if (!d) {
      d = {
        spec,
        row: { ...keys, ...extra, ...Object.fromEntries(spec.values.map((v) => [v, 0])) },
      };
      this.deltas.set(id, d);
    }
    for (const [k, v] of Object.entries(values)) d.row[k] = (d.row[k] as number) + v;
  }
}
