import { createServer, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import {
  createSequentialIds,
  createSteppingClock,
  type Clock,
  type IdSource,
} from '../src/core/clock.js';
import type {
  AuthenticatedPartner,
  PartnerAccess,
  PartnerAccessLevel,
  PartnerAuthenticator,
} from '../src/core/ports/partner-access.js';
import type { Database } from '../src/store/database.js';
import { createStore, type Store } from '../src/store/create-store.js';
import { createApp } from '../src/server/create-app.js';

/** Test partners: secret → partner, and a settable access level per partner (default full). */
export interface TestPartners extends PartnerAuthenticator, PartnerAccess {
  add(secret: string, partner: AuthenticatedPartner): void;
  setLevel(partnerId: string, level: PartnerAccessLevel): void;
  /** How many access decisions were asked (isolation tests compare work done). */
  readonly accessCalls: number;
}

/**
 * In-memory partner credentials and access levels: the sharing module's real ones answer the same
 * two port questions; these let the TAXII suites set them directly.
 */
export function createTestPartners(): TestPartners {
  const bySecret = new Map<string, AuthenticatedPartner>();
  const levels = new Map<string, PartnerAccessLevel>();
  let calls = 0;
  return {
    add: (secret, partner) => void bySecret.set(secret, partner),
    setLevel: (id, level) => void levels.set(id, level),
    get accessCalls() {
      return calls;
    },
    authenticatePartner: async (secret) => bySecret.get(secret),
    getAccessLevel: async (partnerId) => {
      calls++;
      return levels.get(partnerId) ?? 'full';
    },
  };
}

export interface TaxiiTestServer {
  /** http://127.0.0.1:<port> */
  url: string;
  app: FastifyInstance;
  store: Store;
  partners: TestPartners;
  close(): Promise<void>;
}

/** A loopback port nobody listens on (so that the app's base URL can name it before it listens). */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The real application (createApp) over a test database, listening on a loopback port.
 *
 * @example const server = await startTaxiiServer(t.database); await fetch(`${server.url}/taxii2/`)
 */
export async function startTaxiiServer(
  database: Database,
  options: { clock?: Clock; ids?: IdSource; partners?: TestPartners; bodyLimit?: number } = {},
): Promise<TaxiiTestServer> {
  const store = createStore(database);
  const port = await findFreePort();
  const partners = options.partners ?? createTestPartners();
  const app = await createApp({
    store,
    clock: options.clock ?? createSteppingClock('2026-01-01T00:00:00.000Z', 1),
    ids: options.ids ?? createSequentialIds(),
    config: {
      baseUrl: `http://127.0.0.1:${port}`,
      bodyLimit: options.bodyLimit ?? 1_000_000,
      serveWeb: false,
      secureCookies: false,
      rateLimit: { max: 1_000_000, windowMs: 60_000 },
    },
    partnerAuthenticator: partners,
    partnerAccess: partners,
  });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    store,
    partners,
    close: () => app.close(),
  };
}

export const TAXII_ACCEPT = 'application/taxii+json;version=2.1';

/** HTTP Basic credentials (RFC 7617) for a partner secret. */
export function basicAuth(secret: string, user = 'partner'): string {
  return `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
}

/** A TAXII request over real HTTP: JSON body (when any), headers, status. */
export async function taxiiRequest(
  url: string,
  options: {
    method?: string;
    auth?: string;
    accept?: string;
    contentType?: string;
    body?: string;
  } = {},
): Promise<{ status: number; headers: Headers; text: string; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { accept: options.accept ?? TAXII_ACCEPT };
  if (options.auth) headers.authorization = options.auth;
  if (options.body !== undefined)
    headers['content-type'] = options.contentType ?? 'application/taxii+json;version=2.1';
  const res = await fetch(url, { method: options.method ?? 'GET', headers, body: options.body });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    json = {};
  }
  return { status: res.status, headers: res.headers, text, json };
}
