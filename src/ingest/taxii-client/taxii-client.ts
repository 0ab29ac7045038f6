import { TearlineError } from '../../core/errors.js';
import type { StixObject } from '../../core/stix/stix-object.js';

const TAXII = 'application/taxii+json;version=2.1';

/** How the client proves who it is: HTTP Basic (RFC 7617) or a bearer token (RFC 6750). */
export type TaxiiCredentials =
  { kind: 'basic'; user: string; password: string } | { kind: 'bearer'; token: string };

/** One page of a collection's objects, with the date-added headers that bound it (TAXII 2.1 §3.3.1). */
export interface TaxiiObjectsPage {
  objects: StixObject[];
  more: boolean;
  next?: string;
  dateAddedFirst?: string;
  dateAddedLast?: string;
}

/** Where the client reads from, once resolved from the URL the user gave. */
export interface TaxiiSource {
  /** The API root URL, ending in `/`. */
  apiRootUrl: string;
  /** The API root's title: who sends the data, as that server names itself. */
  apiRootTitle: string;
}

function pullError(message: string, kind: 'input' | 'failure' = 'failure'): TearlineError {
  // A source the user named wrong is bad input (exit 2); a source that failed is a failure.
  return new TearlineError(
    kind === 'input' ? 'TEARLINE_E_PULL_BAD_SOURCE' : 'TEARLINE_E_PULL_FAILED',
    message,
  );
}

function authorization(credentials: TaxiiCredentials): string {
  return credentials.kind === 'basic'
    ? `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`
    : `Bearer ${credentials.token}`;
}

/**
 * A TAXII 2.1 client for reading one collection: resolves a discovery or API-root URL, then pages
 * through `…/objects/` with `added_after`, `limit` and `next`.
 *
 * @example const client = createTaxiiClient({ kind: 'bearer', token }); const source = await client.resolve(url)
 */
export function createTaxiiClient(
  credentials: TaxiiCredentials,
  fetchImpl: (url: string, init?: RequestInit) => Promise<Response> = fetch,
) {
  async function getJson(
    url: string,
  ): Promise<{ body: Record<string, unknown>; headers: Headers }> {
    let res: Response;
    try {
      res = await fetchImpl(url, {
        headers: { accept: TAXII, authorization: authorization(credentials) },
      });
    } catch (error) {
      throw pullError(
        `Cannot reach ${new URL(url).origin} (${(error as Error).message}); check the URL and the network.`,
      );
    }
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      throw pullError(
        `${url} did not answer TAXII JSON (HTTP ${res.status}); is it a TAXII 2.1 server?`,
      );
    }
    if (res.status === 401 || res.status === 403)
      throw pullError(
        `The server refused the credentials (HTTP ${res.status}); check --user/--password or --token.`,
        'input',
      );
    if (res.status === 404)
      throw pullError(`Not found: ${url} (HTTP 404); check the URL and --collection.`, 'input');
    if (res.status !== 200) {
      const detail = typeof body.description === 'string' ? `: ${body.description}` : '';
      throw pullError(`${url} answered HTTP ${res.status}${detail}`);
    }
    return { body, headers: res.headers };
  }

  return {
    /**
     * The API root behind a URL: an API root itself, or a discovery resource whose `default`
     * (else first) API root is taken (TAXII 2.1 §4.1).
     */
    async resolve(url: string): Promise<TaxiiSource> {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw pullError(
          `"${url}" is not a URL; give the server's discovery or API root URL.`,
          'input',
        );
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw pullError('Only http:// and https:// TAXII URLs are supported.', 'input');
      const base = parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
      const { body } = await getJson(base);
      if (Array.isArray(body.api_roots)) {
        const root = typeof body.default === 'string' ? body.default : body.api_roots[0];
        if (typeof root !== 'string') throw pullError('The discovery resource lists no API root.');
        const resolved = new URL(root, base).href;
        const info = await getJson(resolved.endsWith('/') ? resolved : `${resolved}/`);
        return {
          apiRootUrl: resolved.endsWith('/') ? resolved : `${resolved}/`,
          apiRootTitle: String(info.body.title ?? resolved),
        };
      }
      if (!Array.isArray(body.versions) || typeof body.title !== 'string')
        throw pullError(`${base} is neither a TAXII discovery nor an API root resource.`, 'input');
      return { apiRootUrl: base, apiRootTitle: body.title };
    },

    /** One page of `…/collections/{id}/objects/`. */
    async getObjectsPage(
      source: TaxiiSource,
      collectionId: string,
      query: { addedAfter?: string; next?: string; limit: number },
    ): Promise<TaxiiObjectsPage> {
      const url = new URL(
        `collections/${encodeURIComponent(collectionId)}/objects/`,
        source.apiRootUrl,
      );
      url.searchParams.set('limit', String(query.limit));
      if (query.addedAfter) url.searchParams.set('added_after', query.addedAfter);
      if (query.next) url.searchParams.set('next', query.next);
      const { body, headers } = await getJson(url.href);
      const objects = Array.isArray(body.objects) ? (body.objects as StixObject[]) : [];
      const page: TaxiiObjectsPage = { objects, more: body.more === true };
      if (typeof body.next === 'string') page.next = body.next;
      const first = headers.get('x-taxii-date-added-first');
      const last = headers.get('x-taxii-date-added-last');
      if (first) page.dateAddedFirst = first;
      if (last) page.dateAddedLast = last;
      return page;
    },
  };
}

/** The client `createTaxiiClient` returns. */
export type TaxiiClient = ReturnType<typeof createTaxiiClient>;

/**
 * The timestamp one microsecond before `ts` (`…59.000000Z` → `…58.999999Z`): a safe resume
 * point inside a run, since the rest of the versions added at `ts` may be on the next page and
 * `added_after` is strictly-after (TAXII 2.1 §3.4.1).
 *
 * @example toResumePoint('2024-01-01T00:00:00Z') // '2023-12-31T23:59:59.999999Z'
 */
export function toResumePoint(ts: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(ts);
  if (!m) return undefined;
  const seconds = Date.parse(`${m[1]}Z`);
  if (Number.isNaN(seconds)) return undefined;
  const micros = BigInt(seconds) * 1000n + BigInt((m[2] ?? '').padEnd(6, '0').slice(0, 6)) - 1n;
  const ms = Number(micros / 1000n);
  const rest = Number(micros % 1000n);
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}${String(rest).padStart(3, '0')}Z`;
}
