import type { FastifyInstance } from 'fastify';
import type { Engine } from '../src/store/database.js';
import { createStore, type Store } from '../src/store/create-store.js';
import { createSequentialIds } from '../src/core/clock.js';
import type { AppConfig, AppDeps } from '../src/server/app-deps.js';
import { createApp } from '../src/server/create-app.js';
import { createPartnerAccess, createPartnerAuthenticator } from '../src/sharing/partner-service.js';
import { createAccountService } from '../src/server/auth/account-service.js';
import { toAuthConfig } from '../src/server/auth/auth-config.js';
import type { UserRole } from '../src/core/ports/users.js';
import { createTestDatabase } from './support/engines.js';

/** A clock tests move by hand. */
export interface ManualClock {
  now(): Date;
  advance(ms: number): void;
}

export function createManualClock(start = '2026-03-01T09:00:00.000Z'): ManualClock {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  deps: AppDeps;
  clock: ManualClock;
  /** Adds a user with a known password (`<username>-password-123`). */
  addUser(username: string, ...roles: UserRole[]): Promise<{ id: string; password: string }>;
  /** Signs in through the API; returns the cookie header value and the CSRF token. */
  signIn(username: string, password?: string): Promise<{ cookie: string; csrf: string }>;
  /** Mints an API token for a user through the account service. */
  mintToken(username: string, days?: number): Promise<string>;
  dispose(): Promise<void>;
}

/**
 * An app over a fresh database of the engine, with a manual clock and sequential ids.
 *
 * @example const t = await createTestApp('sqlite', { rateLimit: { max: 3, windowMs: 60_000 } })
 */
export async function createTestApp(
  engine: Engine,
  config: Partial<AppConfig> = {},
  overrides: Partial<Pick<AppDeps, 'partnerAuthenticator' | 'partnerAccess'>> = {},
  webRoot?: string,
): Promise<TestApp> {
  const db = await createTestDatabase(engine);
  const store = createStore(db.database);
  const clock = createManualClock();
  const deps: AppDeps = {
    store,
    clock,
    ids: createSequentialIds(),
    config: {
      baseUrl: 'http://127.0.0.1:8080',
      bodyLimit: 1024 * 1024,
      serveWeb: false,
      secureCookies: false,
      // Fixtures make hundreds of users: scrypt at 2^10 instead of 2^15 (the hashes still verify).
      passwordCost: 10,
      ...config,
    },
    partnerAuthenticator: createPartnerAuthenticator(store.sharing.partners),
    partnerAccess: createPartnerAccess(store.sharing.agreements),
    ...overrides,
  };
  const app = await createApp(deps, webRoot === undefined ? {} : { webRoot });
  const accounts = createAccountService({ ...deps, auth: toAuthConfig(deps.config) });
  return {
    app,
    store,
    deps,
    clock,
    async addUser(username, ...roles) {
      const password = `${username}-password-123`;
      const { user } = await accounts.addUser({ username, roles, password });
      return { id: user.id, password };
    },
    async signIn(username, password = `${username}-password-123`) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'tearline_session');
      return {
        cookie: `tearline_session=${cookie!.value}`,
        csrf: (res.json() as { csrfToken: string }).csrfToken,
      };
    },
    async mintToken(username, days) {
      const user = await accounts.getUserOrThrow(username);
      return (await accounts.mintToken(user.id, days === undefined ? {} : { expiresInDays: days }))
        .token;
    },
    async dispose() {
      await app.close();
      await db.dispose();
    },
  };
}

/** Asserts the shape of a problem response and returns its body. */
export function problemOf(res: {
  statusCode: number;
  headers: Record<string, unknown>;
  json(): unknown;
}) {
  const body = res.json() as {
    type: string;
    title: string;
    status: number;
    code: string;
    detail: string;
  };
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`not a problem response: ${String(res.headers['content-type'])}`);
  }
  if (
    body.status !== res.statusCode ||
    !/^TEARLINE_E_[A-Z0-9_]+$/.test(body.code) ||
    !body.detail ||
    !body.title
  ) {
    throw new Error(`malformed problem: ${JSON.stringify(body)}`);
  }
  if (/\n\s+at /.test(JSON.stringify(body))) throw new Error('stack trace in a response');
  return body;
}
