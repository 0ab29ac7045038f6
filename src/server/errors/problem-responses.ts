/**
 * Response schemas for a route's error statuses, all the shared `Problem` schema, so that the
 * OpenAPI document lists them.
 *
 * @example schema: { response: { 200: userSchema, ...problemResponses(400, 401, 403) } }
 */
export function problemResponses(...statuses: number[]): Record<number, { $ref: string }> {
  const out: Record<number, { $ref: string }> = {};
  for (const status of statuses) out[status] = { $ref: 'Problem#' };
  return out;
}
