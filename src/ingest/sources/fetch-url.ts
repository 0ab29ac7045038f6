import { TearlineError } from '../../core/errors.js';
import { MAX_DOCUMENT_BYTES } from '../readers/read-errors.js';
import { tooLargeError } from '../readers/read-errors.js';
import { fetchRefused, fetchUpstreamFailed } from '../outbound/fetch-policy.js';
import { createGuardedFetch, type GuardedFetch } from '../outbound/guarded-fetch.js';

/**
 * The fetch function used: by default one held to the strict outbound policy (public addresses
 * only); the server and CLI pass one with the deployment's allow list (ADR 0024).
 */
export type FetchLike = GuardedFetch;

const strictFetch = createGuardedFetch();

/** A fetched resource, or `notModified` for a conditional GET answered 304. */
export interface Fetched {
  status: number;
  bytes: Uint8Array;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  notModified: boolean;
}

/** How long a fetch may take, headers and body together, before it is abandoned. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

/**
 * GETs a URL with a timeout covering headers and body, a size limit, and optional conditional
 * headers (RFC 9110 §13.1: If-None-Match, If-Modified-Since). A refused, closed or slow target is
 * TEARLINE_E_FETCH_REFUSED (4xx); an HTTP error answer is TEARLINE_E_INGEST_FETCH_FAILED (502).
 *
 * @example const page = await fetchUrl('https://example.org/news/1', { timeoutMs: 5000 })
 */
export async function fetchUrl(
  url: string,
  options: {
    timeoutMs?: number;
    etag?: string;
    lastModified?: string;
    maxBytes?: number;
    fetch?: FetchLike;
  } = {},
): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const limit = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const headers: Record<string, string> = {
    accept:
      'application/rss+xml, application/atom+xml, text/html, application/pdf, text/plain, */*;q=0.5',
    'user-agent': 'Tearline',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  try {
    const get = () =>
      (options.fetch ?? strictFetch)(url, {
        headers,
        signal: controller.signal,
        redirect: 'follow',
      });
    // One retry on a raw network error: a pooled keep-alive socket the server has just closed
    // fails the first request without the server being down. The guarded fetch opens a fresh
    // socket each time and answers with coded errors, which are final.
    const res = await get().catch((error: unknown) => {
      if (controller.signal.aborted || error instanceof TearlineError) throw error;
      return get();
    });
    const meta = {
      status: res.status,
      ...(res.headers.get('content-type') ? { contentType: res.headers.get('content-type')! } : {}),
      ...(res.headers.get('etag') ? { etag: res.headers.get('etag')! } : {}),
      ...(res.headers.get('last-modified')
        ? { lastModified: res.headers.get('last-modified')! }
        : {}),
    };
    if (res.status === 304) {
      await res.body?.cancel();
      return { ...meta, bytes: new Uint8Array(), notModified: true };
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw fetchUpstreamFailed(url, `the server answered HTTP ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > limit) {
      await res.body?.cancel();
      throw tooLargeError(declared, limit);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body?.getReader();
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        controller.abort();
        throw tooLargeError(size, limit);
      }
      chunks.push(value);
    }
    return { ...meta, bytes: Buffer.concat(chunks), notModified: false };
  } catch (error) {
    if (error instanceof TearlineError) throw error;
    throw fetchRefused(url, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
