import { TearlineError } from '../core/errors.js';
import { randomIds, systemClock } from '../core/clock.js';
import { readAllowList } from '../ingest/outbound/fetch-policy.js';
import type { Store } from '../store/create-store.js';
import type { AppConfig, AppDeps } from './app-deps.js';
import { createPartnerAccess, createPartnerAuthenticator } from '../sharing/partner-service.js';
import { DEFAULT_LOAD_LIMITS } from './load/load-shedding.js';

/** What the composition root reads besides the environment. */
export interface DepsOptions {
  env: Record<string, string | undefined>;
  /** The address the server listens on, used for the default base URL. */
  host: string;
  port: number;
}

function readInteger(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new TearlineError(
      'TEARLINE_E_CONFIG_BAD_VALUE',
      `${name} must be a positive whole number (got "${raw}").`,
    );
  }
  return value;
}

function readBoolean(
  env: Record<string, string | undefined>,
  name: string,
  fallback: boolean,
): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new TearlineError(
    'TEARLINE_E_CONFIG_BAD_VALUE',
    `${name} must be true or false (got "${raw}").`,
  );
}

/**
 * The server's configuration from the environment: TEARLINE_BASE_URL, TEARLINE_BODY_LIMIT
 * (bytes, default 10 MiB), TEARLINE_SERVE_WEB, TEARLINE_SECURE_COOKIES, TEARLINE_RATE_LIMIT
 * (requests a minute per token or address), TEARLINE_SESSION_HOURS, TEARLINE_SESSION_IDLE_MINUTES,
 * TEARLINE_LOG_LEVEL, TEARLINE_FETCH_ALLOW and TEARLINE_WEBHOOK_ALLOW (CIDRs and host names the
 * outbound fetch policy lets through although private; empty by default), TEARLINE_FETCH_TIMEOUT_MS,
 * when to shed load: TEARLINE_MAX_IN_FLIGHT, TEARLINE_RESERVED_IN_FLIGHT,
 * TEARLINE_MAX_EVENT_LOOP_DELAY_MS (ADR 0026), TEARLINE_AUDIT (default on),
 * TEARLINE_AUDIT_RETENTION_DAYS (audit records kept; default forever) and TEARLINE_AUDIT_COALESCE
 * (repeated page reads and searches within 100 ms as one record; default on, ADR 0038).
 *
 * @example const config = toAppConfig({ env: process.env, host: '127.0.0.1', port: 8080 })
 */
export function toAppConfig(options: DepsOptions): AppConfig {
  const { env } = options;
  const shownHost =
    options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const config: AppConfig = {
    baseUrl: (
      env.TEARLINE_BASE_URL ??
      `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${options.port}`
    ).replace(/\/+$/, ''),
    bodyLimit: readInteger(env, 'TEARLINE_BODY_LIMIT', 10 * 1024 * 1024),
    serveWeb: readBoolean(env, 'TEARLINE_SERVE_WEB', true),
    secureCookies: readBoolean(env, 'TEARLINE_SECURE_COOKIES', false),
    rateLimit: { max: readInteger(env, 'TEARLINE_RATE_LIMIT', 6000), windowMs: 60_000 },
    session: {
      ttlMs: readInteger(env, 'TEARLINE_SESSION_HOURS', 12) * 3_600_000,
      idleMs: readInteger(env, 'TEARLINE_SESSION_IDLE_MINUTES', 60) * 60_000,
    },
    log: { level: env.TEARLINE_LOG_LEVEL ?? 'info' },
    fetchAllow: readAllowList(env, 'TEARLINE_FETCH_ALLOW'),
    fetchTimeoutMs: readInteger(env, 'TEARLINE_FETCH_TIMEOUT_MS', 15_000),
    webhookAllow: readAllowList(env, 'TEARLINE_WEBHOOK_ALLOW'),
    load: {
      maxInFlight: readInteger(env, 'TEARLINE_MAX_IN_FLIGHT', DEFAULT_LOAD_LIMITS.maxInFlight),
      reservedInFlight: readInteger(
        env,
        'TEARLINE_RESERVED_IN_FLIGHT',
        DEFAULT_LOAD_LIMITS.reservedInFlight,
      ),
      maxEventLoopDelayMs: readInteger(
        env,
        'TEARLINE_MAX_EVENT_LOOP_DELAY_MS',
        DEFAULT_LOAD_LIMITS.maxEventLoopDelayMs,
      ),
      maxHeapUsedBytes: DEFAULT_LOAD_LIMITS.maxHeapUsedBytes,
    },
    audit: {
      enabled: readBoolean(env, 'TEARLINE_AUDIT', true),
      coalesce: readBoolean(env, 'TEARLINE_AUDIT_COALESCE', true),
      ...(env.TEARLINE_AUDIT_RETENTION_DAYS
        ? { retentionDays: readInteger(env, 'TEARLINE_AUDIT_RETENTION_DAYS', 365) }
        : {}),
    },
  };
  return config;
}

/**
 * The composition root of `tearline serve`: AppDeps over an open store with the system clock and
 * random ids; partners are recognised and their access decided by the sharing module.
 *
 * @example const app = await createApp(createDeps(store, { env: process.env, host, port }))
 */
export function createDeps(store: Store, options: DepsOptions): AppDeps {
  return {
    store,
    clock: systemClock,
    ids: randomIds,
    config: toAppConfig(options),
    partnerAuthenticator: createPartnerAuthenticator(store.sharing.partners),
    partnerAccess: createPartnerAccess(store.sharing.agreements),
  };
}
