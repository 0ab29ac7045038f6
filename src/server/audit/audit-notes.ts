import type { StixObject } from '../../core/stix/stix-object.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The handler names every STIX object its answer holds with noteAnswerObjects: the answer is
     * not kept for the audit scan, and its bytes are not searched.
     */
    auditNotesObjects?: boolean;
  }
  interface FastifyRequest {
    /** Every STIX object the answer holds, named by a route with `auditNotesObjects`. */
    auditObjects?: readonly StixObject[];
    /** Ids a route learnt while answering (a created release, a restricted object read). */
    auditTargets?: string[];
    /** Set by a route whose request is worth recording only in some cases (a restricted read). */
    auditAction?: string;
    /** Set by a route whose answer is known to name no audited marking id (noteNoAuditedMarking). */
    auditNoMarking?: boolean;
    /** Who an unauthenticated request acted as, when its route knows (a sign-in): noteAuditActor. */
    auditActor?: { actorId: string; actorName: string };
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

/**
 * Tells the onSend scan that the answer's bytes name no audited marking id, because the route
 * knows it from the store (a TAXII page whose rows were searched when stored): the bytes are not
 * searched again. A route that does not say so has its answer searched.
 *
 * @example if (!page.mayHoldAudited) noteNoAuditedMarking(request)
 */
export function noteNoAuditedMarking(request: { auditNoMarking?: boolean }): void {
  request.auditNoMarking = true;
}

/**
 * Names the actor of a request made before anyone is signed in (a sign-in, failed or not). The
 * audit hook records no name the route did not give: what was typed into the username box may
 * be a password typed in the wrong place.
 *
 * @example noteAuditActor(request, { actorId: user.id, actorName: user.username })
 */
export function noteAuditActor(
  request: { auditActor?: { actorId: string; actorName: string } },
  actor: { actorId: string; actorName: string },
): void {
  request.auditActor = actor;
}

/**
 * Names every STIX object a route's answer holds (a search's results, a page of a list), in a
 * route whose config says `auditNotesObjects: true`. The audit hook classifies these objects
 * instead of searching the answer's bytes and walking the answer: a search is the request an
 * analyst makes most, and its answer is a list of objects the route already holds.
 *
 * @example noteAnswerObjects(request, found); return { objects: found }
 */
export function noteAnswerObjects(
  request: { auditObjects?: readonly StixObject[] },
  objects: readonly StixObject[],
): void {
  request.auditObjects = objects;
}
