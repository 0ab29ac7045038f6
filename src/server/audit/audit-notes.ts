import type {} from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Ids a route learnt while answering (a created release, a restricted object read). */
    auditTargets?: string[];
    /** Set by a route whose request is worth recording only in some cases (a restricted read). */
    auditAction?: string;
  }
}

/**
 * Tells the audit hook which ids a request touched (and, optionally, the action), for what the
 * URL does not say: a new release's id, an object read that turned out to be TLP:AMBER+STRICT.
 *
 * @example noteAudit(request, [release.id])
 */
export function noteAudit(
  request: { auditTargets?: string[]; auditAction?: string },
  targets: readonly string[],
  action?: string,
): void {
  request.auditTargets = [...(request.auditTargets ?? []), ...targets];
  if (action !== undefined) request.auditAction = action;
}
