import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditAction } from '../../core/audit.js';
import type { AuditRecorder } from '../../core/audit-recorder.js';
import './audit-notes.js';

type Params = Record<string, string | undefined>;

/** Which requests are recorded: `METHOD route-pattern` → the action and the ids it names. */
const ROUTE_ACTIONS: Record<
  string,
  { action: AuditAction; targets?: (p: Params, body?: { username?: unknown }) => string[] }
> = {
  'POST /api/session': { action: 'session.sign-in' },
  'DELETE /api/session': { action: 'session.sign-out' },
  'POST /api/users': {
    action: 'user.create',
    targets: (_p, body) => [typeof body?.username === 'string' ? body.username : ''],
  },
  'PATCH /api/users/:username': { action: 'user.change', targets: (p) => [p.username ?? ''] },
  'GET /api/search': { action: 'object.search' },
  'POST /api/releases': { action: 'release.create' },
  'GET /api/releases/:id': { action: 'release.download', targets: (p) => [p.id ?? ''] },
  'POST /api/releases/:id/preview': { action: 'release.preview', targets: (p) => [p.id ?? ''] },
  'POST /api/releases/:id/approve': { action: 'release.approve', targets: (p) => [p.id ?? ''] },
  'POST /api/releases/:id/revoke': { action: 'release.revoke', targets: (p) => [p.id ?? ''] },
  'POST /api/assessments': { action: 'assessment.create' },
  'GET /taxii2/:apiRoot/collections/:collectionId/objects/': {
    action: 'taxii.read',
    targets: (p) => [p.collectionId ?? ''],
  },
  'GET /api/audit': { action: 'audit.read' },
  'GET /api/audit/verify': { action: 'audit.read' },
};

/**
 * The onResponse hook that records audited requests: it runs after the reply is sent and only
 * pushes onto the recorder's buffer, so the request never waits for the audit write.
 */
export function createAuditHook(recorder: AuditRecorder) {
  return async function auditOnResponse(request: FastifyRequest, reply: FastifyReply) {
    const key = `${request.method} ${request.routeOptions.url ?? ''}`;
    const known = ROUTE_ACTIONS[key];
    const action = (request.auditAction as AuditAction | undefined) ?? known?.action;
    if (!action) return;
    const targets = [
      ...(known?.targets?.(request.params as Params, request.body as { username?: unknown }) ?? []),
      ...(request.auditTargets ?? []),
    ].filter((t) => t !== '');
    let finalAction = action;
    const actor = actorOf(request);
    if (action === 'session.sign-in') {
      if (reply.statusCode >= 400) finalAction = 'session.sign-in-failed';
      // The sign-in route notes the signed-in user's id: it is the actor, not a target.
      else if (actor.actorId === '') actor.actorId = targets.shift() ?? '';
    }
    recorder.record({
      ...actor,
      action: finalAction,
      targets: targets.join(' '),
      origin: request.ip,
      status: reply.statusCode,
    });
  };
}

function actorOf(request: FastifyRequest): { actorId: string; actorName: string } {
  const p = request.principal;
  if (p?.kind === 'user') return { actorId: p.userId, actorName: p.username };
  if (p?.kind === 'partner') return { actorId: `partner:${p.partnerId}`, actorName: p.partnerName };
  // Anonymous: a sign-in names who it tries to be (the route notes the id when it succeeds).
  const body = request.body as { username?: unknown } | undefined;
  const name = typeof body?.username === 'string' ? body.username.slice(0, 200) : '';
  return { actorId: '', actorName: name };
}
