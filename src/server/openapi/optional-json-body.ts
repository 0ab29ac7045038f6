/**
 * A JSON body that may be left out. Fastify validates a body schema even when no body was sent
 * (and then refuses `undefined`); in the per-media-type form it validates only what comes as
 * `application/json`, so a request without a body passes and the route applies its default.
 *
 * @example body: optionalJsonBody({ type: 'object', properties: { label: { type: 'string' } } })
 */
export function optionalJsonBody<S extends object>(schema: S) {
  return { content: { 'application/json': { schema } } } as const;
}
