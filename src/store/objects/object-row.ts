import { toVersionKey } from '../../core/stix/stix-timestamp.js';
import type { StixObject } from '../../core/stix/stix-object.js';

/** One row of `stix_objects`: one version of one object. */
export interface ObjectRow {
  id: string;
  version: string;
  type: string;
  spec_version: string | null;
  created: string | null;
  modified: string | null;
  revoked: number;
  search_text: string | null;
  data: string;
}

/** The columns of `stix_objects`, in insert order. */
export const OBJECT_COLUMNS = [
  'id',
  'version',
  'type',
  'spec_version',
  'created',
  'modified',
  'revoked',
  'search_text',
  'data',
] as const;

/**
 * The version key of an object: `modified`, else `created` (marking definitions), as a
 * nine-digit-fraction key; SCOs, which have neither, have the single version key ''.
 *
 * @example toObjectVersionKey({ type: 'incident', id, modified: '2024-01-01T00:00:00.5Z' }) // '2024-01-01T00:00:00.500000000Z'
 */
export function toObjectVersionKey(object: StixObject): string {
  const stamp = typeof object.modified === 'string' ? object.modified : object.created;
  return typeof stamp === 'string' ? toVersionKey(stamp) : '';
}

/** The text full-text search indexes: name, aliases and description. */
export function toSearchText(object: StixObject): string | null {
  // Joined as it goes, without a parts array: this runs for every imported object.
  let text: string | null = typeof object.name === 'string' ? object.name : null;
  if (Array.isArray(object.aliases)) {
    for (const alias of object.aliases) {
      if (typeof alias === 'string') text = text === null ? alias : `${text}\n${alias}`;
    }
  }
  const description = object.description;
  if (typeof description === 'string')
    text = text === null ? description : `${text}\n${description}`;
  return text;
}

/**
 * The row that stores one object version, its JSON text written now: `JSON.stringify(object)`,
 * the same text a pending row gets at insert (key order as the object holds them).
 *
 * @example toObjectRow(incident).data === JSON.stringify(incident) // true
 */
export function toObjectRow(object: StixObject): ObjectRow {
  const { object: _, ...columns } = toPendingObjectRow(object);
  return { ...columns, data: JSON.stringify(object) };
}

/**
 * A row whose `data` is written from `object` only as it is inserted: a bulk import then never
 * holds every object's JSON text at once, and the text dies young instead of being promoted by the
 * garbage collector (ADR 0015).
 */
export type PendingObjectRow = Omit<ObjectRow, 'data'> & { data?: undefined; object: StixObject };

/**
 * The row of one object version with its JSON text left to the insert.
 *
 * @example toRowValues(toPendingObjectRow(incident))[8] === JSON.stringify(incident) // true
 */
export function toPendingObjectRow(object: StixObject): PendingObjectRow {
  return {
    object,
    id: object.id,
    version: toObjectVersionKey(object),
    type: object.type,
    spec_version: typeof object.spec_version === 'string' ? object.spec_version : null,
    created: typeof object.created === 'string' ? object.created : null,
    modified: typeof object.modified === 'string' ? object.modified : null,
    revoked: object.revoked === true ? 1 : 0,
    search_text: toSearchText(object),
  };
}

/** The JSON text of a row, written now for a pending row. */
export function toRowData(row: ObjectRow | PendingObjectRow): string {
  return row.data ?? JSON.stringify(row.object);
}

/** The values of a row in OBJECT_COLUMNS order. */
export function toRowValues(row: ObjectRow | PendingObjectRow): unknown[] {
  return [
    row.id,
    row.version,
    row.type,
    row.spec_version,
    row.created,
    row.modified,
    row.revoked,
    row.search_text,
    toRowData(row),
  ];
}
