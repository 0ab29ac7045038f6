import { lookup as dnsLookup } from 'node:dns/promises';
import { TearlineError } from '../../core/errors.js';
import {
  EMPTY_ALLOW_LIST,
  parseAllowList,
  type FetchAllowList,
} from '../../core/net/address-policy.js';
import { MAX_DOCUMENT_BYTES } from '../readers/read-errors.js';

/** One resolved address of a host name. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (tests pass a fixed table). */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

/** What every fetch made on a user's behalf is held to (ADR 0024). */
export interface FetchPolicy {
  /** Networks and names allowed although private (TEARLINE_FETCH_ALLOW); empty by default. */
  allow: FetchAllowList;
  /** Largest body read, streamed; the fetch stops once it is passed. */
  maxBytes: number;
  /** Total time for every hop, headers and body together. */
  timeoutMs: number;
  /** Redirects followed, each re-checked; 0 refuses any redirect. */
  maxRedirects: number;
  resolve: Resolver;
}

export const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** The strict default: public addresses only, 20 MB, 15 s, 5 redirects. */
export const DEFAULT_FETCH_POLICY: FetchPolicy = {
  allow: EMPTY_ALLOW_LIST,
  maxBytes: MAX_DOCUMENT_BYTES,
  timeoutMs: 15_000,
  maxRedirects: 5,
  resolve: systemResolver,
};

/**
 * The one refusal for a target that was not allowed, did not accept a connection, or was too
 * slow: the same code, status and sentence for each, so that the answer says nothing about what
 * listens behind an address (no port-scan oracle).
 */
export function fetchRefused(url: string, timeoutMs: number): TearlineError {
  return new TearlineError(
    'TEARLINE_E_FETCH_REFUSED',
    `Could not fetch ${redact(url)}: the address is not allowed, refused the connection, or gave no complete answer within ${Math.round(timeoutMs / 1000)} s. Tearline fetches public addresses only (TEARLINE_FETCH_ALLOW lists exceptions).`,
    { kind: 'input' },
  );
}

/** The failure for a server that was reached but answered with something unusable. */
export function fetchUpstreamFailed(url: string, why: string): TearlineError {
  return new TearlineError(
    'TEARLINE_E_INGEST_FETCH_FAILED',
    `Could not fetch ${redact(url)}: ${why}. Check the address and try again later.`,
    { kind: 'upstream' },
  );
}

/** The URL as shown in messages: no user name or password, at most 200 characters. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.href.slice(0, 200);
  } catch {
    return url.slice(0, 200);
  }
}

/**
 * Reads an allow list variable (TEARLINE_FETCH_ALLOW, TEARLINE_WEBHOOK_ALLOW); an entry that is
 * neither a CIDR, an address nor a host name is a configuration error, not silently ignored.
 *
 * @example readAllowList(process.env, 'TEARLINE_FETCH_ALLOW')
 */
export function readAllowList(
  env: Record<string, string | undefined>,
  name: string,
): FetchAllowList {
  const { allow, invalid } = parseAllowList(env[name]);
  if (invalid.length > 0)
    throw new TearlineError(
      'TEARLINE_E_CONFIG_BAD_VALUE',
      `${name} holds "${invalid[0]}", which is neither a CIDR (10.0.0.0/8), an address nor a host name.`,
    );
  return allow;
}
