import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { AuditAction } from '../../core/audit.js';
import type { AuditRecorder } from '../../core/audit-recorder.js';
import type { ObjectRepository } from '../../core/ports/object-repository.js';
import type { ProtectedTermsCache } from './protected-terms-cache.js';
import { findRestrictedAmong, keepAnswersOfRoutes, scanAnswer } from './restricted-scan.js';
import { findReleasedSources } from './released-sources.js';
import type { ReleaseRepository } from '../../core/ports/sharing.js';

type Params = Record<string, string | undefined>;

/** Which requests are recorded: `METHOD route-pattern` → the action and the ids it names. */
interface RouteAction {
  action: AuditAction;
  targets?: (p: Params, body?: { username?: unknown }) => string[];
}
const ROUTE_ACTIONS: Partial<Record<string, RouteAction>> = {
  'POST /api/session': { action: 'session.sign-in' },
  'DELETE /api/session': { action: 'session.sign-out' },
  'POST /api/users': {
    action: 'user.create',
    targets: (_p, body) => [typeof body?.username === 'string' ? body.username : ''],
  },
  'PATCH /api/users/:username': { action: 'user.change', targets: (p) => [p.username ?? ''] },
  'POST /api/partners': { action: 'partner.create' },
  'POST /api/partners/:id/credentials': {
    action: 'partner.change',
    targets: (p) => [p.id ?? ''],
  },
  'DELETE /api/partner-credentials/:id': {
    action: 'partner.change',
    targets: (p) => [p.id ?? ''],
  },
  'POST /api/agreements': { action: 'agreement.create' },
  'POST /api/agreements/:id/suspend': { action: 'agreement.change', targets: (p) => [p.id ?? ''] },
  'POST /api/agreements/:id/resume': { action: 'agreement.change', targets: (p) => [p.id ?? ''] },
  'POST /api/agreements/:id/end': { action: 'agreement.change', targets: (p) => [p.id ?? ''] },
  'POST /api/agreements/:id/conditions': {
    action: 'agreement.change',
    targets: (p) => [p.id ?? ''],
  },
  'POST /api/agreements/:id/conditions/:conditionId': {
    action: 'agreement.change',
    targets: (p) => [p.id ?? '', p.conditionId ?? ''],
  },
  'PUT /api/sharing/settings': { action: 'settings.change' },
  'POST /api/objects': { action: 'object.write' },
  'POST /api/objects/:id/versions': { action: 'object.write', targets: (p) => [p.id ?? ''] },
  'GET /api/search': { action: 'object.search' },
  'POST /api/releases': { action: 'release.create' },
  'GET /api/releases/:id': { action: 'release.download', targets: (p) => [p.id ?? ''] },
  'POST /api/releases/:id/preview': { action: 'release.preview', targets: (p) => [p.id ?? ''] },
  'GET /api/releases/:id/preview': { action: 'release.preview', targets: (p) => [p.id ?? ''] },
  'POST /api/releases/:id/approve': { action: 'release.approve', targets: (p) => [p.id ?? ''] },
  'POST /api/releases/:id/revoke': { action: 'release.revoke', targets: (p) => [p.id ?? ''] },
  'POST /api/assessments': { action: 'assessment.create' },
  'GET /taxii2/:apiRoot/collections/:collectionId/objects/': {
    action: 'taxii.read',
    targets: (p) => [p.collectionId ?? ''],
  },
  'GET /taxii2/:apiRoot/collections/:collectionId/objects/:objectId/': {
    action: 'taxii.read',
    targets: (p) => [p.collectionId ?? '', p.objectId ?? ''],
  },
  'GET /taxii2/:apiRoot/collections/:collectionId/objects/:objectId/versions/': {
    action: 'taxii.read',
    targets: (p) => [p.collectionId ?? '', p.objectId ?? ''],
  },
  'GET /api/audit': { action: 'audit.read' },
  'GET /api/audit/verify': { action: 'audit.read' },
};

/** What the hook reads to classify the objects an aggregate answer names. */
export interface AuditHookSources {
  objects: Pick<ObjectRepository, 'findLatest'>;
  /** Maps a partner's released copies back to their sources. */
  releases?: Pick<ReleaseRepository, 'listReleases'>;
}

/**
 * The onRoute hook that gives every route its audit hooks: the preSerialization hook that keeps
 * the answer for the scan (keepAnswersOfRoutes), and an onSend hook that records the request.
 *
 * The onSend hook notes the restricted objects the answer holds (scanAnswer) and pushes the
 * request's records onto the recorder's buffer, so the request never waits for the audit write.
 * Restricted objects the answer held (noted by the scan, or found among an aggregate's ids) are
 * recorded as one `object.read-restricted` record after the request's own.
 *
 * Why this shape (ADR 0039): the scan and the record are one hook, at the point where the answer
 * and its status are final, so Fastify needs no listener for the end of each response (an
 * onResponse hook adds one per request when no logger is set); a hook per route knows its route,
 * which `request.routeOptions` rebuilds at every access. A callback hook: a request with nothing
 * to look up (every TAXII page, almost every search) is recorded without a promise or a closure.
 * The few that must look ids up (aggregates, a partner's released copies) are recorded when the
 * lookup ends, without holding the answer back; a change of the protected terms holds its answer
 * until they are reloaded, so that the next request is scanned for them. A route added before
 * this hook is not audited: createApp adds it before any route.
 *
 * `settled()` resolves once every record still waiting for such a lookup has been made: the
 * server's onClose hook awaits it before the recorder's last flush, so a read answered just
 * before the close is not lost.
 *
 * @example const hook = createAuditRouteHook(recorder, terms, sources); app.addHook('onRoute', hook)
 */
export function createAuditRouteHook(
  recorder: AuditRecorder,
  terms: ProtectedTermsCache,
  sources?: AuditHookSources,
) {
  const classifying = new Set<Promise<void>>();
  const auditRoute = (route: RouteOptions): void => {
    keepAnswersOfRoutes(route);
    const hook = createAuditHook(recorder, terms, route, classifying, sources);
    const own = route.onSend;
    route.onSend = own === undefined ? [hook] : [own, hook].flat();
  };
  return Object.assign(auditRoute, {
    settled: async (): Promise<void> => {
      while (classifying.size > 0) await Promise.all(classifying);
    },
  });
}

/** The onSend hook of one route (see createAuditRouteHook). */
function createAuditHook(
  recorder: AuditRecorder,
  terms: ProtectedTermsCache,
  route: Pick<RouteOptions, 'method' | 'url'>,
  classifying: Set<Promise<void>>,
  sources?: AuditHookSources,
) {
  // A route of one method has one key; one of several (GET and HEAD) keys by the request's.
  const single = typeof route.method === 'string' ? `${route.method} ${route.url}` : undefined;
  const singleKnown = single === undefined ? undefined : ROUTE_ACTIONS[single];
  return function auditOnSend(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (error: Error | null, payload: unknown) => void,
  ): void {
    const key = single ?? `${request.method} ${route.url}`;
    const known = single === undefined ? ROUTE_ACTIONS[key] : singleKnown;
    scanAnswer(key, request, reply, payload, terms);
    if (key === 'PUT /api/sharing/settings') {
      void terms.reload().then(() => {
        recordRequest(recorder, request, reply, known, request.auditRestricted ?? []);
        done(null, payload);
      });
      return;
    }
    if (mustClassify(request, sources)) {
      const recorded = restrictedReadOf(request, terms, sources)
        .then((restricted) => recordRequest(recorder, request, reply, known, restricted))
        .catch((error: unknown) => request.log.error({ err: error }, 'audit: record not made'))
        .finally(() => classifying.delete(recorded));
      classifying.add(recorded);
    } else recordRequest(recorder, request, reply, known, request.auditRestricted ?? []);
    done(null, payload);
  };
}

/** Records the request's own action (when it has one) and the restricted objects it returned. */
function recordRequest(
  recorder: AuditRecorder,
  request: FastifyRequest,
  reply: FastifyReply,
  known: RouteAction | undefined,
  restricted: readonly string[],
): void {
  const action = (request.auditAction as AuditAction | undefined) ?? known?.action;
  if (!action && restricted.length === 0) return;
  const actor = actorOf(request);
  if (action) {
    const targets: string[] = [];
    pushNonEmpty(
      targets,
      known?.targets?.(request.params as Params, request.body as { username?: unknown }),
    );
    pushNonEmpty(targets, request.auditTargets);
    let finalAction = action;
    if (action === 'session.sign-in' && reply.statusCode >= 400)
      finalAction = 'session.sign-in-failed';
    if (finalAction === 'object.read-restricted') {
      pushNonEmpty(targets, restricted);
      push(recorder, request, reply, actor, finalAction, targets);
      return;
    }
    push(recorder, request, reply, actor, finalAction, targets);
  }
  if (restricted.length > 0)
    push(recorder, request, reply, actor, 'object.read-restricted', restricted);
}

function pushNonEmpty(into: string[], ids: readonly string[] | undefined): void {
  if (ids) for (const id of ids) if (id !== '') into.push(id);
}

function push(
  recorder: AuditRecorder,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: { actorId: string; actorName: string },
  action: AuditAction,
  targets: readonly string[],
): void {
  recorder.record({
    actorId: actor.actorId,
    actorName: actor.actorName,
    action,
    targets: targets.length < 2 ? (targets[0] ?? '') : [...new Set(targets)].join(' '),
    origin: request.ip,
    status: reply.statusCode,
  });
}

/** Whether the answer named ids to classify, or a partner read released copies to map back. */
function mustClassify(request: FastifyRequest, sources: AuditHookSources | undefined): boolean {
  if (sources === undefined) return false;
  if ((request.auditReferenced?.length ?? 0) > 0) return true;
  return request.principal?.kind === 'partner' && (request.auditRestricted?.length ?? 0) > 0;
}

async function restrictedReadOf(
  request: FastifyRequest,
  terms: ProtectedTermsCache,
  sources: AuditHookSources | undefined,
): Promise<string[]> {
  const held = request.auditRestricted ?? [];
  const named = request.auditReferenced ?? [];
  const partner = request.principal?.kind === 'partner' ? request.principal.partnerId : undefined;
  // Most answers hold nothing restricted and name nothing to classify: no work after the reply.
  if (sources === undefined || (named.length === 0 && (partner === undefined || held.length === 0)))
    return held;
  try {
    const among =
      named.length > 0 ? await findRestrictedAmong(sources.objects, named, terms.current()) : [];
    const behind =
      partner !== undefined && held.length > 0 && sources.releases
        ? await findReleasedSources(sources.releases, partner, held)
        : [];
    return [...new Set([...held, ...behind, ...among])];
  } catch (error) {
    request.log.error({ err: error }, 'audit: the objects an answer named could not be classified');
    return held;
  }
}

function actorOf(request: FastifyRequest): { actorId: string; actorName: string } {
  const p = request.principal;
  if (p?.kind === 'user') return { actorId: p.userId, actorName: p.username };
  if (p?.kind === 'partner') return { actorId: `partner:${p.partnerId}`, actorName: p.partnerName };
  // Anonymous: only a name the route vouches for (a sign-in's account), never the body's.
  return request.auditActor === undefined
    ? { actorId: '', actorName: '' }
    : { ...request.auditActor };
}
