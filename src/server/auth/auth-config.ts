import type { AppConfig } from '../app-deps.js';
import { DEFAULT_PASSWORD_COST } from './password-hash.js';

/** Limits and lifetimes with their defaults filled in. */
export interface AuthConfig {
  rateLimit: { max: number; windowMs: number; signInMax: number };
  session: { ttlMs: number; idleMs: number };
  /** log2 of scrypt's N for new password hashes. */
  passwordCost: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The app's rate limits and session lifetimes: generous defaults (6,000 requests a minute, i.e.
 * 100 a second, per token or address; 20 sign-in attempts a minute per address; 12-hour
 * sessions that end after an hour idle), overridden by whatever the config sets.
 *
 * @example const { session } = toAuthConfig(deps.config)
 */
export function toAuthConfig(config: AppConfig): AuthConfig {
  return {
    rateLimit: {
      max: config.rateLimit?.max ?? 6000,
      windowMs: config.rateLimit?.windowMs ?? MINUTE,
      signInMax: config.rateLimit?.signInMax ?? 20,
    },
    session: {
      ttlMs: config.session?.ttlMs ?? 12 * HOUR,
      idleMs: config.session?.idleMs ?? HOUR,
    },
    passwordCost: config.passwordCost ?? DEFAULT_PASSWORD_COST,
  };
}
