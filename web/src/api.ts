import type { ApiAnswer } from './api-types.js';

/** The signed-in user as the session API returns it (the fields the pages read). */
export type User = Pick<
  ApiAnswer<'/api/session/me', 'get'>['user'],
  'id' | 'username' | 'displayName' | 'roles'
>;

/** A problem answer from the API (RFC 9457), shown to the user as its one-sentence detail. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

let csrfToken = '';

/** The window event fired when the API answers 401: the session has ended. */
export const SESSION_ENDED = 'tearline:session-ended';

/**
 * Remembers the session's CSRF token, sent as X-CSRF-Token on every state-changing request.
 *
 * @example setCsrfToken(session.csrfToken)
 */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/**
 * Calls the API with the session cookie and CSRF token; returns the JSON body or throws ApiError.
 *
 * @example const { objects } = await callApi<ApiAnswer<'/api/objects', 'get'>>('GET', '/api/objects')
 */
export async function callApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A Blob (an imported file) goes as its own bytes and type; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) {
    headers['content-type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: raw ? body : JSON.stringify(body) }),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string };
    // An ended session (idle, expired, signed out elsewhere) sends the user back to sign in.
    if (res.status === 401 && !path.startsWith('/api/session')) {
      window.dispatchEvent(new Event(SESSION_ENDED));
    }
    throw new ApiError(
      res.status,
      p.code ?? 'TEARLINE_E_HTTP',
      p.detail ?? `The server answered ${res.status}.`,
    );
  }
  return data as T;
}

/**
 * A query string from the defined values of a record.
 *
 * @example toQuery({ type: 'incident', limit: 20 }) // '?type=incident&limit=20'
 */
export function toQuery(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
