import { noteAudit } from '../../audit/audit-notes.js';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { problemResponses } from '../../errors/problem-responses.js';
import { requireUser } from '../../principal.js';
import { actorParams, idParams, toAnalysisService } from './analysis-route-deps.js';
import * as schemas from './analysis-schemas.js';

/**
 * Capability and intent assessments: an actor's history (what changed, when, on which
 * evidence), one assessment, and recording a new one that may supersede the current one.
 *
 * @example await app.register(assessmentRoutes(deps), { prefix: '/api' })
 */
export function assessmentRoutes(deps: AppDeps): FastifyPluginAsync {
  const analysis = toAnalysisService(deps);
  return async (app) => {
    const tags = ['analysis'];
    app.get<{ Params: { actor: string } }>(
      '/actors/:actor/assessments',
      {
        config: { access: [] },
        schema: {
          summary: "An actor's assessments: current ones and the history of changes",
          tags,
          params: actorParams,
          response: { 200: schemas.assessmentHistorySchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) => analysis.getAssessmentHistory(request.params.actor),
    );
    app.get<{ Params: { id: string } }>(
      '/assessments/:id',
      {
        config: { access: [] },
        schema: {
          summary: 'One assessment with its STIX note',
          tags,
          params: idParams,
          response: { 200: schemas.assessmentSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) => analysis.getAssessment(request.params.id),
    );
    app.post<{ Body: Record<string, unknown> }>(
      '/assessments',
      {
        config: { access: ['analyst'] },
        schema: {
          summary:
            'Record an assessment (capability, intent, confidence, rationale, evidence; optionally superseding one)',
          tags,
          body: schemas.assessmentBody,
          response: { 201: schemas.assessmentSchema, ...problemResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request, 'analyst');
        const b = request.body;
        const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : undefined);
        const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
        const view = await analysis.createAssessment(
          {
            subjectRef: String(b.subjectRef ?? ''),
            // Left out of a superseding judgment: carried over from the one it supersedes.
            capability: str(b.capability),
            intent: str(b.intent),
            analyticConfidence: str(b.analyticConfidence),
            rationale: str(b.rationale),
            evidenceRefs: list(b.evidenceRefs),
            // The author is whoever is signed in; the body cannot claim someone else.
            author: user.username,
            validFrom: str(b.validFrom),
            regionCountries: list(b.regionCountries),
            targetDescription: str(b.targetDescription),
            supersedes: str(b.supersedes),
          },
          { allowFork: b.allowFork === true },
        );
        const supersedes = str(b.supersedes);
        noteAudit(
          request,
          supersedes ? [view.id, supersedes] : [view.id],
          supersedes ? 'assessment.change' : undefined,
        );
        return reply.code(201).send(view);
      },
    );
  };
}
