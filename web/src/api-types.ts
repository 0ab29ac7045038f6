import type { paths } from './api-types.gen.js';

// Shorthands over the types generated from the OpenAPI document (api-types.gen.ts, `npm run
// api:types`), so that a page names an answer by its route instead of copying its shape.

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/**
 * The JSON answer of a route for a status (default 200).
 *
 * @example type Profile = ApiAnswer<'/api/actors/{actor}/profile', 'get'>
 */
export type ApiAnswer<P extends keyof paths, M extends Method, S extends number = 200> =
  Operation<P, M> extends { responses: infer R }
    ? S extends keyof R
      ? JsonOf<R[S]>
      : never
    : never;

/**
 * The JSON body a route takes.
 *
 * @example type NewGap = ApiBody<'/api/collection-gaps', 'post'>
 */
export type ApiBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
