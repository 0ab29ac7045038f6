import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isTearlineError } from '../../core/errors.js';
import { checkAddress, isHostAllowed, toHostKey } from '../../core/net/address-policy.js';
import { parseIpAddress } from '../../core/net/ip-address.js';
import { tooLargeError } from '../readers/read-errors.js';
import {
  DEFAULT_FETCH_POLICY,
  fetchRefused,
  fetchUpstreamFailed,
  type FetchPolicy,
  type ResolvedAddress,
} from './fetch-policy.js';

/** The part of `fetch` Tearline's outbound calls use. */
export type GuardedFetch = (url: string, init?: RequestInit) => Promise<Response>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers that must not follow a redirect to another origin (RFC 9110 §15.4). */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * A `fetch` held to a policy: each hop's host is resolved once, every address checked, and the
 * connection made to the checked address (no second DNS answer can slip in: DNS rebinding);
 * redirects are followed by hand, at most `maxRedirects`, http: and https: only, each re-checked;
 * the body is streamed up to `maxBytes` and everything must finish within `timeoutMs`.
 * Refusals (policy, closed, slow) throw TEARLINE_E_FETCH_REFUSED; an unusable answer throws
 * TEARLINE_E_INGEST_FETCH_FAILED (502). An abort by the caller's signal rethrows the abort.
 *
 * @example const res = await createGuardedFetch({ allow })('https://example.org/feed.xml')
 */
export function createGuardedFetch(overrides: Partial<FetchPolicy> = {}): GuardedFetch {
  const policy: FetchPolicy = { ...DEFAULT_FETCH_POLICY, ...overrides };
  return async (url, init = {}) => {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), policy.timeoutMs);
    const signals = [deadline.signal, ...(init.signal ? [init.signal] : [])];
    const signal = AbortSignal.any(signals);
    try {
      return await follow(policy, url, init, signal);
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason ?? error;
      if (deadline.signal.aborted) throw fetchRefused(url, policy.timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
}

async function follow(
  policy: FetchPolicy,
  first: string,
  init: RequestInit,
  signal: AbortSignal,
): Promise<Response> {
  let url = parseTarget(first, policy);
  let method = (init.method ?? 'GET').toUpperCase();
  let body = toBody(init.body);
  const headers = toHeaderRecord(init.headers);
  for (let hop = 0; ; hop++) {
    const pinned = await resolveChecked(policy, url, first, signal);
    const res = await send(url, pinned, { method, headers, body }, signal, first, policy);
    const location = res.headers.location;
    if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return toResponse(res, policy, first);
    res.resume();
    if (hop >= policy.maxRedirects) throw fetchRefused(first, policy.timeoutMs);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw fetchUpstreamFailed(first, 'the server redirected to an address that is not a URL');
    }
    next = parseTarget(next.href, policy, first);
    if (next.origin !== url.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
    if (res.statusCode === 303 || ((res.statusCode ?? 0) < 307 && method === 'POST')) {
      method = 'GET';
      body = undefined;
      delete headers['content-type'];
    }
    url = next;
  }
}

/** Parses and checks a URL's scheme; user info is dropped (never sent, never trusted). */
function parseTarget(text: string, policy: FetchPolicy, shownAs = text): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fetchRefused(shownAs, policy.timeoutMs);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw fetchRefused(shownAs, policy.timeoutMs);
  url.username = '';
  url.password = '';
  return url;
}

/**
 * Resolves a URL's host (or reads its literal address) and checks every address; the first is
 * the one connected to. Names under `localhost` are refused without asking DNS (RFC 6761 §6.3).
 */
async function resolveChecked(
  policy: FetchPolicy,
  url: URL,
  shownAs: string,
  signal: AbortSignal,
): Promise<ResolvedAddress> {
  const host = toHostKey(url.hostname);
  const literal = parseIpAddress(host);
  let addresses: ResolvedAddress[];
  if (literal) addresses = [{ address: host, family: literal.length === 4 ? 4 : 6 }];
  else if (/(^|\.)localhost$/.test(host) && !isHostAllowed(policy.allow, host))
    throw fetchRefused(shownAs, policy.timeoutMs);
  else {
    // A name made only of digits, dots and hex markers would have been normalised to an address
    // by the URL parser; if one gets here it is not a name DNS should see.
    if (/^[\d.x]+$/i.test(host)) throw fetchRefused(shownAs, policy.timeoutMs);
    try {
      addresses = await abortable(policy.resolve(host), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      throw fetchRefused(shownAs, policy.timeoutMs);
    }
  }
  if (addresses.length === 0) throw fetchRefused(shownAs, policy.timeoutMs);
  for (const a of addresses)
    if (checkAddress(policy.allow, host, a.address) !== undefined)
      throw fetchRefused(shownAs, policy.timeoutMs);
  return addresses[0]!;
}

function send(
  url: URL,
  pinned: ResolvedAddress,
  req: { method: string; headers: Record<string, string>; body: Buffer | undefined },
  signal: AbortSignal,
  shownAs: string,
  policy: FetchPolicy,
): Promise<IncomingMessage> {
  // Every lookup the socket makes answers with the address that was checked.
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  const options: RequestOptions = {
    method: req.method,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    headers: { ...req.headers, host: url.host },
    lookup,
    agent: false,
    signal,
  };
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(options, resolve);
    request.on('error', (error: NodeJS.ErrnoException) => {
      request.destroy();
      if (signal.aborted) return reject(error);
      // Reached, but the answer was not HTTP (HPE_* parser errors): the upstream is at fault.
      if (typeof error.code === 'string' && error.code.startsWith('HPE_'))
        return reject(fetchUpstreamFailed(shownAs, 'the answer was not valid HTTP'));
      reject(fetchRefused(shownAs, policy.timeoutMs));
    });
    request.end(req.body);
  });
}

/** Reads the body up to the size cap and wraps it as a WHATWG Response. */
async function toResponse(
  res: IncomingMessage,
  policy: FetchPolicy,
  shownAs: string,
): Promise<Response> {
  const status = res.statusCode ?? 0;
  if (status < 200 || status > 599) {
    res.destroy();
    throw fetchUpstreamFailed(shownAs, `the server answered status ${status}`);
  }
  const declared = Number(res.headers['content-length'] ?? '0');
  if (declared > policy.maxBytes) {
    res.destroy();
    throw tooLargeError(declared, policy.maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > policy.maxBytes) {
        res.destroy();
        throw tooLargeError(size, policy.maxBytes);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (isTearlineError(error)) throw error;
    throw fetchUpstreamFailed(shownAs, 'the connection broke while the answer was read');
  }
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    try {
      headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
    } catch {
      // A header value the WHATWG Headers class refuses is dropped, not fatal.
    }
  }
  const nullBody = status === 204 || status === 205 || status === 304;
  return new Response(nullBody ? null : Buffer.concat(chunks), {
    status,
    statusText: res.statusMessage ?? '',
    headers,
  });
}

function toHeaderRecord(init: ConstructorParameters<typeof Headers>[0]): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init).forEach((value, name) => (out[name] = value));
  return out;
}

function toBody(body: RequestInit['body']): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body);
  throw new TypeError('guarded fetch sends string or byte bodies only');
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
