import type { Clock, IdSource } from '../../core/clock.js';
import { TearlineError } from '../../core/errors.js';
import { StateCache } from '../../core/state-cache.js';
import type {
  Collection,
  CollectionObjectsPage,
  CollectionPage,
  CollectionQuery,
  CollectionRepository,
  PageRoom,
  TaxiiStatus,
  TaxiiStatusDetail,
  TaxiiStatusRepository,
} from '../../core/ports/collection-repository.js';
import { SUPPORTED_SPEC_VERSIONS } from '../../core/ports/collection-repository.js';
import type { PartnerAccess } from '../../core/ports/partner-access.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { fromDateToTimestampKey } from '../../core/stix/timestamp-key.js';
import type { Principal } from '../principal.js';
import { displayVersionOf, findObjectProblem, parseEnvelopeObjects } from './taxii-envelope.js';
import { taxiiNotFound } from './taxii-error.js';

/** TAXII discovery (§4.1.1). */
export interface TaxiiDiscovery {
  title: string;
  description?: string;
  default?: string;
  api_roots: string[];
}

/** An API root's information (§4.2.1). */
export interface TaxiiApiRootInfo {
  title: string;
  description?: string;
  versions: string[];
  max_content_length: number;
}

/**
 * What the TAXII routes ask, one method per endpoint (medallion's backend shape). Every method
 * takes the caller and decides visibility itself: a collection the caller may not see is
 * reported exactly as one that does not exist.
 */
export interface TaxiiBackend {
  getDiscovery(): TaxiiDiscovery;
  getApiRoot(name: string): TaxiiApiRootInfo | undefined;
  listCollections(caller: Principal): Promise<Collection[]>;
  getCollection(caller: Principal, collectionId: string): Promise<Collection>;
  getObjects(
    caller: Principal,
    collectionId: string,
    query: CollectionQuery,
  ): Promise<CollectionPage>;
  /** The page `getObjects` gives, as the bytes the objects endpoint sends. */
  getObjectsJson(
    caller: Principal,
    collectionId: string,
    query: CollectionQuery,
    room?: PageRoom,
  ): Promise<CollectionObjectsPage>;
  addObjects(caller: Principal, collectionId: string, envelope: unknown): Promise<TaxiiStatus>;
  getObject(
    caller: Principal,
    collectionId: string,
    objectId: string,
    query: CollectionQuery,
  ): Promise<CollectionPage>;
  deleteObject(
    caller: Principal,
    collectionId: string,
    objectId: string,
    filter: { versions?: readonly string[]; specVersions?: readonly string[] },
  ): Promise<void>;
  getVersions(
    caller: Principal,
    collectionId: string,
    objectId: string,
    query: CollectionQuery,
  ): Promise<CollectionPage>;
  getManifest(
    caller: Principal,
    collectionId: string,
    query: CollectionQuery,
  ): Promise<CollectionPage>;
  getStatus(caller: Principal, statusId: string): Promise<TaxiiStatus>;
}

/** The one API root Tearline serves under /taxii2/. */
export const API_ROOT = 'tearline';

export interface TaxiiBackendDeps {
  collections: CollectionRepository & TaxiiStatusRepository;
  partnerAccess: PartnerAccess;
  clock: Clock;
  ids: IdSource;
  baseUrl: string;
  maxContentLength: number;
}

interface Access {
  collection: Collection;
  onlyRevoked: boolean;
  mayWrite: boolean;
}

const ownerOf = (caller: Principal) =>
  caller.kind === 'partner' ? `partner:${caller.partnerId}` : `user:${caller.userId}`;

const forbidden = (message: string) =>
  new TearlineError('TEARLINE_E_TAXII_FORBIDDEN', message, { kind: 'forbidden' });

/**
 * The TAXII backend over the collections store and the sharing policy's partner access.
 *
 * @example const backend = createTaxiiBackend({ collections: store.collections, partnerAccess, clock, ids, baseUrl, maxContentLength })
 */
export function createTaxiiBackend(deps: TaxiiBackendDeps): TaxiiBackend {
  const { collections: repo } = deps;
  const base = deps.baseUrl.replace(/\/+$/, '');
  // Collections read under a partner request's sharing-state token (StateCache), keyed by caller
  // and id. A missing one is kept too: another partner's collection and a missing one must keep
  // costing the caller the same, cached or not.
  const collectionsRead = new StateCache<Readonly<Collection> | null>();

  async function collectionFor(caller: Principal, collectionId: string) {
    if (caller.kind !== 'partner' || caller.sharingState === undefined)
      return repo.getCollection(collectionId);
    const token = caller.sharingState;
    const key = `${caller.partnerId}\n${collectionId}`;
    const known = collectionsRead.get(token, key);
    if (known !== undefined) return known ?? undefined;
    const found = await repo.getCollection(collectionId);
    collectionsRead.set(token, key, found ? Object.freeze(found) : null);
    return found;
  }

  /**
   * The caller's view of a collection. Both lookups run for every caller and every id, so that a
   * collection of another partner costs the same as one that does not exist (no timing oracle).
   */
  async function resolve(caller: Principal, collectionId: string): Promise<Access> {
    // Side by side: on PostgreSQL the two reads then cost one round trip of waiting, not two.
    const [level, collection] = await Promise.all([
      caller.kind === 'partner'
        ? deps.partnerAccess.getAccessLevel(caller.partnerId, deps.clock.now(), caller.sharingState)
        : ('full' as const),
      collectionFor(caller, collectionId),
    ]);
    const visible =
      collection !== undefined &&
      (caller.kind === 'partner'
        ? collection.partnerId === caller.partnerId && level !== 'none'
        : collection.direction === 'internal' && collection.partnerId === undefined);
    if (!visible || !collection) throw taxiiNotFound('collection');
    return {
      collection,
      onlyRevoked: level === 'revocations-only',
      mayWrite: collection.canWrite && level === 'full',
    };
  }

  async function readable(caller: Principal, collectionId: string): Promise<Access> {
    const access = await resolve(caller, collectionId);
    if (!access.collection.canRead)
      throw forbidden('This collection cannot be read with your credentials.');
    return access;
  }

  /** Whether any version of the object is visible to the caller (for 404 versus an empty page). */
  async function objectExists(access: Access, objectId: string): Promise<boolean> {
    const page = await repo.queryObjects(access.collection.id, {
      ids: [objectId],
      versions: ['all'],
      specVersions: SUPPORTED_SPEC_VERSIONS,
      onlyRevoked: access.onlyRevoked,
      limit: 1,
    });
    return page.entries.length > 0;
  }

  async function pageOfObject(
    caller: Principal,
    collectionId: string,
    objectId: string,
    query: CollectionQuery,
  ): Promise<CollectionPage> {
    const access = await readable(caller, collectionId);
    const page = await repo.queryObjects(collectionId, {
      ...query,
      ids: [objectId],
      onlyRevoked: access.onlyRevoked,
    });
    if (page.entries.length === 0 && !(await objectExists(access, objectId)))
      throw taxiiNotFound('object');
    return page;
  }

  async function getObjects(caller: Principal, collectionId: string, query: CollectionQuery) {
    const access = await readable(caller, collectionId);
    return repo.queryObjects(collectionId, { ...query, onlyRevoked: access.onlyRevoked });
  }

  return {
    getDiscovery: () => ({
      title: 'Tearline TAXII 2.1',
      description: 'Tearline releases for partners, one collection per partner and direction.',
      default: `${base}/taxii2/${API_ROOT}/`,
      api_roots: [`${base}/taxii2/${API_ROOT}/`],
    }),

    getApiRoot: (name) =>
      name === API_ROOT
        ? {
            title: 'Tearline',
            description: 'Sanitized releases (tearlines) and partner submissions.',
            versions: ['application/taxii+json;version=2.1'],
            max_content_length: deps.maxContentLength,
          }
        : undefined,

    async listCollections(caller) {
      if (caller.kind === 'partner') {
        const level = await deps.partnerAccess.getAccessLevel(
          caller.partnerId,
          deps.clock.now(),
          caller.sharingState,
        );
        if (level === 'none') return [];
        return repo.listCollections({ partnerId: caller.partnerId });
      }
      const all = await repo.listCollections();
      return all.filter((c) => c.direction === 'internal' && c.partnerId === undefined);
    },

    async getCollection(caller, collectionId) {
      return (await resolve(caller, collectionId)).collection;
    },

    getObjects,
    getManifest: getObjects,

    async getObjectsJson(caller, collectionId, query, room) {
      const access = await readable(caller, collectionId);
      return repo.queryObjectsJson(
        collectionId,
        { ...query, onlyRevoked: access.onlyRevoked },
        room,
      );
    },

    async addObjects(caller, collectionId, envelope) {
      const access = await resolve(caller, collectionId);
      if (!access.mayWrite)
        throw forbidden('This collection cannot be written with your credentials.');
      const posted = parseEnvelopeObjects(envelope);
      const now = deps.clock.now();
      const dateAdded = fromDateToTimestampKey(now);
      const good: StixObject[] = [];
      const successes: TaxiiStatusDetail[] = [];
      const failures: TaxiiStatusDetail[] = [];
      for (const item of posted) {
        const problem = findObjectProblem(item);
        const o = item as Partial<StixObject> | null;
        const id = typeof o?.id === 'string' ? o.id : '';
        if (problem) {
          const version =
            typeof o?.modified === 'string'
              ? o.modified
              : typeof o?.created === 'string'
                ? o.created
                : '';
          failures.push({ id, version, message: problem });
        } else {
          good.push(item as StixObject);
          successes.push({ id, version: displayVersionOf(item as StixObject, dateAdded) });
        }
      }
      await repo.addObjects(collectionId, good, dateAdded);
      const status: TaxiiStatus = {
        id: deps.ids.uuid(),
        status: 'complete',
        request_timestamp: dateAdded,
        total_count: posted.length,
        success_count: successes.length,
        ...(successes.length > 0 ? { successes } : {}),
        failure_count: failures.length,
        ...(failures.length > 0 ? { failures } : {}),
        pending_count: 0,
      };
      await repo.saveStatus(ownerOf(caller), status);
      return status;
    },

    getObject: pageOfObject,

    async getVersions(caller, collectionId, objectId, query) {
      return pageOfObject(caller, collectionId, objectId, { ...query, versions: ['all'] });
    },

    async deleteObject(caller, collectionId, objectId, filter) {
      const access = await readable(caller, collectionId);
      if (!access.mayWrite)
        throw forbidden('This collection cannot be written with your credentials.');
      if (!(await objectExists(access, objectId))) throw taxiiNotFound('object');
      await repo.deleteObject(collectionId, objectId, filter);
    },

    async getStatus(caller, statusId) {
      const status = await repo.getStatus(ownerOf(caller), statusId);
      if (!status) throw taxiiNotFound('status');
      return status;
    },
  };
}
