import type { Database } from './database.js';
import type { SharingRepositories } from '../core/ports/sharing.js';
import { createSharingStore } from './sharing/sharing-store.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';
import type { ObjectRepository } from '../core/ports/object-repository.js';
import { createObjectRepository } from './objects/object-repository.js';
import type { SessionRepository, TokenRepository, UserRepository } from '../core/ports/users.js';
import { createUserRepository } from './accounts/user-repository.js';
import { createSessionRepository } from './accounts/session-repository.js';
import { createTokenRepository } from './accounts/token-repository.js';
import type {
  CollectionRepository,
  TaxiiStatusRepository,
} from '../core/ports/collection-repository.js';
import { createCollectionRepository } from './collections/collection-repository.js';
import { createTaxiiStatusRepository } from './collections/taxii-status-repository.js';
import type { PullStateRepository } from './collections/pull-state-repository.js';
import { createPullStateRepository } from './collections/pull-state-repository.js';
import type { AnalysisRepository } from '../core/ports/analysis.js';
import { createAnalysisStore } from './analysis/analysis-store.js';
import type { IngestRepository, JobRepository } from '../core/ports/ingest.js';
import { createIngestRepository } from './ingest/ingest-repository.js';
import { createJobRepository } from './ingest/job-repository.js';
import type { AuditTrail } from '../core/ports/audit.js';
import { createAuditRepository } from './accounts/audit-repository.js';

/**
 * Everything the application reads and writes, one repository per area, all over one database.
 * Each repository implements a port from src/core/ports; domain modules see only the ports.
 */
export interface Store {
  readonly database: Database;
  /** The STIX knowledge base: every version of every object, search, dangling references. */
  readonly objects: ObjectRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly tokens: TokenRepository;
  /** TAXII collections, their object copies and status resources. */
  readonly collections: CollectionRepository & TaxiiStatusRepository;
  /** Resume points and provenance of `tearline pull`. */
  readonly taxiiPulls: PullStateRepository;
  readonly analysis: AnalysisRepository;
  /** Partners, agreements, releases and the disclosure ledger. */
  readonly sharing: SharingRepositories;
  /** Sources, feeds, drafts and their items. */
  readonly ingest: IngestRepository;
  /** The table job queue's rows. */
  readonly jobs: JobRepository;
  /** Who saw and did what, hash-chained (ADR 0027). */
  readonly audit: AuditTrail;
  close(): Promise<void>;
}

/**
 * Builds the repositories over an open (and migrated) database.
 *
 * @example const store = createStore(await openDatabase(url))
 */
export function createStore(database: Database): Store {
  return {
    database,
    objects: createObjectRepository(database),
    users: createUserRepository(database),
    sessions: createSessionRepository(database),
    tokens: createTokenRepository(database),
    collections: {
      ...createCollectionRepository(database),
      ...createTaxiiStatusRepository(database),
    },
    taxiiPulls: createPullStateRepository(database),
    analysis: createAnalysisStore(database),
    sharing: createSharingStore(database),
    ingest: createIngestRepository(database),
    jobs: createJobRepository(database),
    audit: createAuditRepository(database),
    close: () => database.close(),
  };
}

/** Opens the database at `url`, migrates it, and builds the store. */
export async function openStore(url: string): Promise<Store> {
  const database = await openDatabase(url);
  await migrateToLatest(database);
  return createStore(database);
}
