import type { StixObject } from '../stix/stix-object.js';

/** Which latest-version objects to return. All fields are optional and combine with AND. */
export interface ObjectFilter {
  types?: readonly string[];
  ids?: readonly string[];
  /** Only objects whose latest `modified` is at or after this STIX timestamp. */
  modifiedSince?: string;
  /** Revoked objects are left out unless this is true. */
  includeRevoked?: boolean;
  /** Order is by `modified` descending, then id. */
  limit?: number;
  offset?: number;
}

/** The version of an object, as its own fields say it. */
export interface VersionStamp {
  id: string;
  created?: string;
  modified?: string;
  revoked: boolean;
}

/** Options of `relationshipsOf`. */
export interface RelationshipQueryOptions {
  /** Revoked relationships are left out unless this is true. */
  includeRevoked?: boolean;
  /** At most this many, newest first (default 500). */
  limit?: number;
}

/** What `putObjects` did. */
export interface PutObjectsResult {
  /** Object versions newly stored. */
  inserted: number;
  /** Versions already stored with the same id and `modified` (left as they were). */
  unchanged: number;
  /** Ids referenced by the objects (`*_ref`, `*_refs`) that are neither in the batch nor stored. */
  dangling: string[];
}

/** Options of `putObjects`. */
export interface PutObjectsOptions {
  /** Called as rows are written (for a progress bar); `done` counts object versions handled. */
  onProgress?(done: number, total: number): void;
}

/**
 * The STIX knowledge base: every version of every object is kept (id + modified); "latest" is a
 * query, not a copy. Implemented in src/store for SQLite and PostgreSQL.
 */
export interface ObjectRepository {
  /**
   * Stores all versions in one transaction: all or nothing. It does not validate: callers check
   * objects with validateStixObject / validateBundle (src/core/stix) first.
   */
  putObjects(
    objects: readonly StixObject[],
    options?: PutObjectsOptions,
  ): Promise<PutObjectsResult>;
  /** The latest version of an object (revoked included), or undefined. */
  getLatest(id: string): Promise<StixObject | undefined>;
  getVersion(id: string, modified: string): Promise<StixObject | undefined>;
  /** Every stored version, oldest first. */
  listVersions(id: string): Promise<StixObject[]>;
  /** Latest versions matching the filter. */
  findLatest(filter?: ObjectFilter): Promise<StixObject[]>;
  countLatest(
    filter?: Pick<ObjectFilter, 'types' | 'ids' | 'modifiedSince' | 'includeRevoked'>,
  ): Promise<number>;
  /**
   * Which version of each object is latest, without reading the objects: their `created`,
   * `modified` and `revoked` as stored. For checks that only need to know whether anything
   * changed (a version never changes content).
   */
  findLatestStamps(
    filter?: Pick<ObjectFilter, 'types' | 'ids' | 'includeRevoked'>,
  ): Promise<VersionStamp[]>;
  /** Every version of every object matching types / modifiedSince, streamed in (id, modified) order. */
  streamAllVersions(
    filter?: Pick<ObjectFilter, 'types' | 'modifiedSince'>,
  ): AsyncIterable<StixObject>;
  /**
   * The latest versions of the relationships that start or end at `id` (`source_ref` or
   * `target_ref`), newest first; without reading every relationship into memory.
   */
  relationshipsOf(id: string, options?: RelationshipQueryOptions): Promise<StixObject[]>;
  /** Full-text search over names, aliases and descriptions of latest versions, best match first. */
  search(
    text: string,
    options?: { types?: readonly string[]; limit?: number },
  ): Promise<StixObject[]>;
}
