import { sql, type RawBuilder } from 'kysely';
import { TearlineError } from '../../core/errors.js';
import type { CollectionQuery } from '../../core/ports/collection-repository.js';
import type { PagePosition } from './page-cursor.js';
import { toTimestampKey } from '../../core/stix/timestamp-key.js';

/** A query's filters with timestamps turned into keys and version tokens sorted out. */
export interface NormalizedQuery {
  addedAfter?: string;
  ids?: readonly string[];
  types?: readonly string[];
  specVersions?: readonly string[];
  onlyRevoked: boolean;
  first: boolean;
  last: boolean;
  all: boolean;
  versionKeys: string[];
}

function badFilter(message: string): TearlineError {
  return new TearlineError('TEARLINE_E_TAXII_BAD_FILTER', message, { kind: 'input' });
}

/**
 * Checks and normalises a query's filters. `match[version]` defaults to `last` (TAXII 2.1 §3.4.2);
 * an absent `match[spec_version]` means "the latest spec version of each object" (same section).
 *
 * @example normalizeQuery({ limit: 10, versions: ['first', '2016-11-03T12:30:59Z'] })
 */
export function normalizeQuery(q: CollectionQuery): NormalizedQuery {
  let addedAfter: string | undefined;
  if (q.addedAfter !== undefined) {
    addedAfter = toTimestampKey(q.addedAfter);
    if (!addedAfter)
      throw badFilter('added_after must be a UTC timestamp such as 2024-03-22T18:00:00Z.');
  }
  const tokens = q.versions && q.versions.length > 0 ? q.versions : ['last'];
  const out: NormalizedQuery = {
    addedAfter,
    ids: q.ids && q.ids.length > 0 ? q.ids : undefined,
    types: q.types && q.types.length > 0 ? q.types : undefined,
    specVersions: q.specVersions && q.specVersions.length > 0 ? q.specVersions : undefined,
    onlyRevoked: q.onlyRevoked === true,
    first: false,
    last: false,
    all: false,
    versionKeys: [],
  };
  for (const token of tokens) {
    if (token === 'first' || token === 'last' || token === 'all') out[token] = true;
    else {
      const key = toTimestampKey(token);
      if (!key)
        throw badFilter(
          'match[version] takes first, last, all or UTC timestamps such as 2016-11-03T12:30:59.000Z.',
        );
      out.versionKeys.push(key);
    }
  }
  return out;
}

const inList = (column: RawBuilder<unknown>, values: readonly string[]) =>
  sql`${column} in (${sql.join(values.map((v) => sql`${v}`))})`;

/** Conditions every counted version must meet (on table alias `alias`). */
function baseFilters(alias: string, n: NormalizedQuery, withIdsAndTypes: boolean) {
  const col = (name: string) => sql.ref(`${alias}.${name}`) as RawBuilder<unknown>;
  const parts: RawBuilder<unknown>[] = [];
  if (withIdsAndTypes && n.ids) parts.push(inList(col('object_id'), n.ids));
  if (withIdsAndTypes && n.types) parts.push(inList(col('type'), n.types));
  if (n.specVersions) parts.push(inList(col('spec_version'), n.specVersions));
  if (n.addedAfter) {
    // On a sibling lookup the comparison is wrapped so that no planner picks the date_added index
    // for it: the sibling is found by primary key (collection, object, version), one object's
    // few versions, not by scanning every row added after the date.
    const dateAdded = alias === 'o' ? col('date_added') : sql`(${col('date_added')} || '')`;
    parts.push(sql`${dateAdded} > ${n.addedAfter}`);
  }
  if (n.onlyRevoked) parts.push(sql`${col('revoked')} = 1`);
  return parts;
}

/** `not exists` a sibling version of the same object meeting the filters and `extra`. */
function noSibling(n: NormalizedQuery, extra: RawBuilder<unknown>): RawBuilder<unknown> {
  const conditions = [
    sql`s.collection_id = o.collection_id`,
    sql`s.object_id = o.object_id`,
    ...baseFilters('s', n, false),
    extra,
  ];
  return sql`not exists (select 1 from taxii_collection_objects s where ${sql.join(conditions, sql` and `)})`;
}

/**
 * The WHERE conditions of a collection query on alias `o`. Filters apply first, version selection
 * after them (medallion's order: added_after and spec_version narrow the versions before
 * first/last pick among them); with no explicit spec_version only each object's latest spec
 * version counts, so `last` is the newest version of that spec version.
 */
export function toWhereConditions(
  collectionId: string,
  n: NormalizedQuery,
  after?: PagePosition,
): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [
    sql`o.collection_id = ${collectionId}`,
    ...baseFilters('o', n, true),
  ];
  const defaultSpec = !n.specVersions;
  const onlyLast = n.last && !n.first && !n.all && n.versionKeys.length === 0;
  if (defaultSpec && onlyLast && !n.onlyRevoked) {
    // The path every polling client takes: "the newest version (latest spec version first) among
    // those added after X" holds exactly when no higher-ranked sibling was added after X, which
    // `newer_added` (kept by the repository, migration 0051) answers without a lookup.
    parts.push(
      n.addedAfter
        ? sql`(o.newer_added is null or o.newer_added <= ${n.addedAfter})`
        : sql`o.newer_added is null`,
    );
  } else if (defaultSpec && onlyLast) {
    // "Latest spec version, then latest version" is the largest (spec_version, version) pair.
    parts.push(noSibling(n, sql`(s.spec_version, s.version) > (o.spec_version, o.version)`));
  } else if (defaultSpec) {
    parts.push(noSibling(n, sql`s.spec_version > o.spec_version`));
  }
  if (!n.all && !(defaultSpec && onlyLast)) {
    const sameSpec = defaultSpec ? sql`s.spec_version = o.spec_version and ` : sql``;
    const choices: RawBuilder<unknown>[] = [];
    if (n.last) choices.push(noSibling(n, sql`${sameSpec}s.version > o.version`));
    if (n.first) choices.push(noSibling(n, sql`${sameSpec}s.version < o.version`));
    if (n.versionKeys.length > 0) choices.push(inList(sql.ref('o.version'), n.versionKeys));
    parts.push(sql`(${sql.join(choices, sql` or `)})`);
  }
  if (after) {
    parts.push(
      sql`(o.date_added, o.object_id, o.version) > (${after.dateAdded}, ${after.objectId}, ${after.version})`,
    );
  }
  return parts;
}
