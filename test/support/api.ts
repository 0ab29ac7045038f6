import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends one in-process request and checks its status; a wrong status fails with the method, the
 * URL and the body, which is where the reason is.
 *
 * @example const res = await expectStatus(t.app, { method: 'POST', url: '/api/objects', payload }, 201)
 */
export async function expectStatus(
  app: FastifyInstance,
  request: InjectOptions,
  status: number,
): Promise<LightMyRequestResponse> {
  const res = await app.inject(request);
  assert.equal(
    res.statusCode,
    status,
    `${request.method ?? 'GET'} ${request.url}: ${res.statusCode} ${res.body}`,
  );
  return res;
}

/** Requests as one caller (its headers), each with the status it must answer. */
export interface ApiClient {
  get(url: string, status?: number): Promise<LightMyRequestResponse>;
  post(url: string, payload: unknown, status: number): Promise<LightMyRequestResponse>;
  put(url: string, payload: unknown, status: number): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown, status: number): Promise<LightMyRequestResponse>;
  delete(url: string, status: number): Promise<LightMyRequestResponse>;
}

/**
 * "Post this, expect that status" for one caller.
 *
 * @example const api = apiClient(t.app, { authorization: `Bearer ${token}` }); await api.post('/api/objects', actor, 201)
 */
export function apiClient(app: FastifyInstance, headers: Record<string, string> = {}): ApiClient {
  const send = (method: Method, url: string, status: number, payload?: unknown) =>
    expectStatus(
      app,
      {
        method,
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      },
      status,
    );
  return {
    get: (url, status = 200) => send('GET', url, status),
    post: (url, payload, status) => send('POST', url, status, payload),
    put: (url, payload, status) => send('PUT', url, status, payload),
    patch: (url, payload, status) => send('PATCH', url, status, payload),
    delete: (url, status) => send('DELETE', url, status),
  };
}
