import type { Clock, IdSource } from '../core/clock.js';
import type { Store } from '../store/create-store.js';
import type { FetchAllowList } from '../core/net/address-policy.js';
import type { PartnerAccess, PartnerAuthenticator } from '../core/ports/partner-access.js';
import type { LoadLimits } from './load/load-shedding.js';

/** What `createApp` is built from. Tests pass a fresh store, a frozen clock and sequential ids. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  ids: IdSource;
  config: AppConfig;
  /** Recognises partners' TAXII credentials (implemented by src/sharing over the store). */
  partnerAuthenticator: PartnerAuthenticator;
  /** The sharing policy's answer to what a partner may read now. */
  partnerAccess: PartnerAccess;
}

export interface AppConfig {
  /** Public base URL, used in TAXII discovery and links (e.g. http://127.0.0.1:8080). */
  baseUrl: string;
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  /** Serve the built web application from web/dist when present. */
  serveWeb: boolean;
  /** Mark session cookies Secure (behind TLS). */
  secureCookies: boolean;
  /** Requests per window per API token or address; defaults in src/server/auth/auth-config.ts. */
  rateLimit?: { max: number; windowMs: number; signInMax?: number };
  /** Session lifetime: absolute `ttlMs` and idle `idleMs`; defaults in auth-config.ts. */
  session?: { ttlMs: number; idleMs: number };
  /**
   * log2 of scrypt's N for new password hashes (default 15, the OWASP setting; 10–20). Lower only
   * where many users are made and nothing is protected: the test fixtures use 10.
   */
  passwordCost?: number;
  /** Private networks and hosts URL ingestion and feeds may fetch (TEARLINE_FETCH_ALLOW). */
  fetchAllow?: FetchAllowList;
  /** Total time one outbound fetch may take, redirects and body included (default 15 s). */
  fetchTimeoutMs?: number;
  /** Private networks and hosts alert webhooks may reach (TEARLINE_WEBHOOK_ALLOW). */
  webhookAllow?: FetchAllowList;
  /**
   * When to answer 503 instead of queueing (src/server/load/load-shedding.ts, ADR 0026); left
   * out, nothing is shed (in-process tests), though requests still start a few per loop turn.
   */
  load?: LoadLimits;
  /**
   * The audit trail (ADR 0027): on unless `enabled` is false; records wait in a buffer at most
   * `flushMs` (default 100 ms) before one chained batch is written; records older than
   * `retentionDays` are pruned by `tearline serve` (kept forever when left out). Repeated page
   * reads and searches within 100 ms are one record with a count unless `coalesce` is false
   * (ADR 0038).
   */
  audit?: { enabled?: boolean; flushMs?: number; retentionDays?: number; coalesce?: boolean };
  /** Where the server's JSON log lines go and from which level; silent when left out. */
  log?: { level: string; stream?: { write(line: string): void } };
}
