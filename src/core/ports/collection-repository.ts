import type { StixObject } from '../stix/stix-object.js';

/**
 * A TAXII 2.1 collection. Collections hold their own copies of the object versions added to them
 * (a release's derived objects, a partner's posted objects), each with its `date_added`.
 */
export interface Collection {
  /** UUID (TAXII collection ids are not STIX ids). */
  id: string;
  title: string;
  description?: string;
  alias?: string;
  canRead: boolean;
  canWrite: boolean;
  mediaTypes: string[];
  /** The partner this collection belongs to; undefined for internal collections. */
  partnerId?: string;
  /** outbound: we release to the partner; inbound: the partner posts to us. */
  direction: 'outbound' | 'inbound' | 'internal';
}

export interface CollectionEntry {
  object: StixObject;
  /**
   * The object's JSON text exactly as stored, when the repository has it: servers can send it
   * without parsing and re-serialising (`object` is then parsed on first use).
   */
  json?: string;
  /** When this version was added to the collection (STIX timestamp, microsecond precision allowed). */
  dateAdded: string;
}

/** A TAXII object query (TAXII 2.1 §3.4 filtering). */
export interface CollectionQuery {
  addedAfter?: string;
  ids?: readonly string[];
  types?: readonly string[];
  /** `first`, `last`, `all` or explicit `modified` timestamps; default `last`. */
  versions?: readonly string[];
  specVersions?: readonly string[];
  /** Only revoked versions (what a partner whose agreement ended may still read). */
  onlyRevoked?: boolean;
  limit: number;
  /** Opaque cursor returned as `next` by the previous page. */
  next?: string;
}

export interface CollectionPage {
  entries: CollectionEntry[];
  more: boolean;
  next?: string;
}

/**
 * A page of objects as the objects endpoint sends it: the stored JSON of each object, joined by
 * commas, as UTF-8 bytes, with the paging facts. No object is parsed or serialised again.
 */
export interface CollectionObjectsPage {
  /**
   * The objects' JSON texts joined by commas (no brackets) at `[jsonStart, jsonEnd)`; the bytes
   * before and after are the room the caller asked for, to write the envelope around the page
   * without copying it.
   */
  bytes: Uint8Array;
  jsonStart: number;
  jsonEnd: number;
  count: number;
  /** The date_added of the page's first and last object (absent on an empty page). */
  firstAdded?: string;
  lastAdded?: string;
  more: boolean;
  next?: string;
  /**
   * False when every object of the page was checked when stored and names no audited marking id
   * (TLP:AMBER+STRICT, TLP:RED): the audit trail then need not search the bytes. True otherwise.
   */
  mayHoldAudited: boolean;
  /**
   * Present when `bytes` is borrowed memory that the store writes other pages into: call it once
   * nothing reads the bytes any more (for a response, once it is sent or abandoned). A page
   * without it owns its bytes.
   */
  release?: () => void;
}

/** Bytes to leave free before and after a page's JSON (see CollectionObjectsPage). */
export interface PageRoom {
  before: number;
  after: number;
}

/** Storage of TAXII collections and their contents. */
export interface CollectionRepository {
  createCollection(collection: Collection): Promise<void>;
  getCollection(id: string): Promise<Collection | undefined>;
  listCollections(filter?: { partnerId?: string }): Promise<Collection[]>;
  /**
   * Adds object versions with one `date_added`; all or nothing; a version already there is kept.
   * `texts`, when given, are the objects' JSON exactly as they are to be served, in the same
   * order (the sharing module gives the canonical JSON its ledger hashes); by default each
   * object's JSON.stringify.
   */
  addObjects(
    collectionId: string,
    objects: readonly StixObject[],
    dateAdded: string,
    texts?: readonly string[],
  ): Promise<void>;
  queryObjects(collectionId: string, query: CollectionQuery): Promise<CollectionPage>;
  /** The same page as `queryObjects`, as the bytes the objects endpoint sends. */
  queryObjectsJson(
    collectionId: string,
    query: CollectionQuery,
    room?: PageRoom,
  ): Promise<CollectionObjectsPage>;
  /**
   * Removes an object from a collection: every version, or only those the filter selects
   * (TAXII 2.1 §5.7: `match[version]` and `match[spec_version]`, both defaulting to all).
   * Resolves to the number of versions removed.
   */
  deleteObject(
    collectionId: string,
    objectId: string,
    filter?: { versions?: readonly string[]; specVersions?: readonly string[] },
  ): Promise<number>;
}

/** The STIX spec versions a collection stores; objects of any other version are refused. */
export const SUPPORTED_SPEC_VERSIONS = ['2.0', '2.1'] as const;

/** One object of a TAXII status resource (TAXII 2.1 §4.3.1 status-details). */
export interface TaxiiStatusDetail {
  id: string;
  version: string;
  message?: string;
}

/** A TAXII 2.1 status resource (§4.3.1), as served by `GET {api-root}/status/{id}/`. */
export interface TaxiiStatus {
  id: string;
  status: 'complete' | 'pending';
  request_timestamp: string;
  total_count: number;
  success_count: number;
  /** The lists are optional in §4.3.1; Tearline leaves an empty one out, as medallion does. */
  successes?: TaxiiStatusDetail[];
  failure_count: number;
  failures?: TaxiiStatusDetail[];
  pending_count: number;
  pendings?: TaxiiStatusDetail[];
}

/**
 * Storage of TAXII status resources. `owner` is who made the request (`partner:<id>` or
 * `user:<id>`): a status answers only its owner, and as missing to everyone else.
 */
export interface TaxiiStatusRepository {
  saveStatus(owner: string, status: TaxiiStatus): Promise<void>;
  getStatus(owner: string, id: string): Promise<TaxiiStatus | undefined>;
}
