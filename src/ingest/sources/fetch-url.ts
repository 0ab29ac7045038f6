import { TearlineError } from '../../core/errors.js';
import { MAX_DOCUMENT_BYTES } from '../readers/read-errors.js';
import { tooLargeError } from '../readers/read-errors.js';

/** The fetch function used (global fetch by default; tests may pass their own). */
export type FetchLike = typeof fetch;

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
 * headers (RFC 9110 §13.1: If-None-Match, If-Modified-Since). HTTP errors, timeouts and network
 * failures become TEARLINE_E_INGEST_FETCH_FAILED.
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
      (options.fetch ?? fetch)(url, { headers, signal: controller.signal, redirect: 'follow' });
    // One retry on a network error: a pooled keep-alive socket the server has just closed fails
    // the first request without the server being down.
    const res = await get().catch((error: unknown) => {
      if (controller.signal.aborted) throw error;
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
      throw failed(url, `the server answered HTTP ${res.status}`);
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
    if (controller.signal.aborted)
      throw failed(url, `no complete answer within ${Math.round(timeoutMs / 1000)} s`);
    throw failed(url, (error as Error).message || 'the connection failed');
  } finally {
    clearTimeout(timer);
  }
}

function failed(url: string, why: string): TearlineError {
  return new TearlineError(
    'TEARLINE_E_INGEST_FETCH_FAILED',
    `Could not fetch ${url.slice(0, 200)}: ${why}. Check the address and try again later.`,
    { kind: 'failure' },
  );
}
