import type { FastifyPluginAsync } from 'fastify';
import { TearlineError } from '../../../core/errors.js';
import { verifyAuditTrail } from '../../../core/audit.js';
import type { AuditRecorder } from '../../../core/audit-recorder.js';
import type { AuditFilter } from '../../../core/ports/audit.js';
import { requireUser } from '../../principal.js';
import type { AppDeps } from '../../app-deps.js';
import { problemResponses } from '../../errors/problem-responses.js';
import { auditListResponse, auditVerdictResponse } from './audit-schemas.js';

const query = {
  type: 'object',
  additionalProperties: false,
  properties: {
    user: { type: 'string', minLength: 1, maxLength: 200 },
    object: { type: 'string', minLength: 1, maxLength: 200 },
    since: { type: 'string', minLength: 1, maxLength: 40 },
    limit: { type: 'integer', minimum: 1, maximum: 10000 },
  },
} as const;

/**
 * The audit trail for admins: `GET /api/audit?user=&object=&since=` (oldest first) and
 * `GET /api/audit/verify`. Both flush the recorder first, so a read sees every earlier request.
 *
 * @example await app.register(auditRoutes(deps, recorder))
 */
export function auditRoutes(
  deps: AppDeps,
  recorder: AuditRecorder | undefined,
): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { user?: string; object?: string; since?: string; limit?: number } }>(
      '/api/audit',
      {
        config: { access: ['admin'] },
        schema: {
          summary: 'Who saw and did what, oldest first (admin)',
          tags: ['audit'],
          querystring: query,
          response: { 200: auditListResponse, ...problemResponses(400, 401, 403) },
        },
      },
      async (request) => {
        requireUser(request, 'admin');
        const q = request.query;
        if (q.since !== undefined && Number.isNaN(Date.parse(q.since))) {
          throw new TearlineError(
            'TEARLINE_E_AUDIT_BAD_SINCE',
            `"since" must be an ISO 8601 timestamp, not "${q.since}".`,
          );
        }
        await recorder?.flush();
        const filter: AuditFilter = {
          ...(q.user !== undefined ? { user: q.user } : {}),
          ...(q.object !== undefined ? { object: q.object } : {}),
          ...(q.since !== undefined ? { since: new Date(q.since).toISOString() } : {}),
          limit: q.limit ?? 1000,
        };
        return { entries: await deps.store.audit.list(filter) };
      },
    );
    app.get(
      '/api/audit/verify',
      {
        config: { access: ['admin'] },
        schema: {
          summary: "Check the audit trail's hash chain (admin)",
          tags: ['audit'],
          response: { 200: auditVerdictResponse, ...problemResponses(401, 403) },
        },
      },
      async (request) => {
        requireUser(request, 'admin');
        await recorder?.flush();
        return verifyAuditTrail(
          await deps.store.audit.listAll(),
          await deps.store.audit.checkpoint(),
        );
      },
    );
  };
}
