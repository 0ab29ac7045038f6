import type { IncidentRecord } from '../core/ports/analysis.js';
import type { StixObject } from '../core/stix/stix-object.js';
import {
  getActorOrThrow,
  getActorProfile,
  getTrend,
  type ProfileOptions,
  type TrendSubject,
} from './actor-profile.js';
import type { AnalysisDeps } from './analysis-deps.js';
import { acknowledgeAlert, configureWebhook, evaluateAlertsForIncident } from './alerts.js';
import { createAssessment, getAssessmentHistory, getAssessmentOrThrow } from './assessments.js';
import type { AssessmentSubmission } from './assessment-carry-over.js';
import {
  deleteCollectionGap,
  saveCollectionGap,
  type CollectionGapInput,
} from './collection-gaps.js';
import { indexStixObjects } from './stix-indexing.js';
import { reindexFromObjectStore } from './reindex.js';
import type { ObjectRepository } from '../core/ports/object-repository.js';

/**
 * The analysis module bound to its dependencies: what the server routes, the CLI and the review
 * step call. The review engineer calls `recordIncident` (or `indexStixObjects`) and then
 * `evaluateAlertsForIncident` after accepting an incident.
 *
 * @example const analysis = createAnalysisService({ repo: store.analysis, clock, ids })
 */
export function createAnalysisService(deps: AnalysisDeps) {
  return {
    deps,
    recordIncident: async (record: IncidentRecord) => deps.repo.recordIncident(record),
    indexStixObjects: (objects: readonly StixObject[]) => indexStixObjects(deps, objects),
    reindexFromObjectStore: (objects: Pick<ObjectRepository, 'streamAllVersions'>) =>
      reindexFromObjectStore(deps, objects),
    evaluateAlertsForIncident: (incidentId: string) => evaluateAlertsForIncident(deps, incidentId),
    getActor: (idOrName: string) => getActorOrThrow(deps, idOrName),
    listActors: () => deps.repo.listActors(),
    setHomeCountries: async (idOrName: string, countries: readonly string[]) => {
      const actor = await getActorOrThrow(deps, idOrName);
      await deps.repo.setHomeCountries(actor.id, countries);
    },
    getActorProfile: (idOrName: string, options?: ProfileOptions) =>
      getActorProfile(deps, idOrName, options),
    getTrend: (subject: TrendSubject, options?: ProfileOptions) => getTrend(deps, subject, options),
    createAssessment: (input: AssessmentSubmission, options?: { allowFork?: boolean }) =>
      createAssessment(deps, input, options),
    getAssessment: (id: string) => getAssessmentOrThrow(deps, id),
    getAssessmentHistory: (idOrName: string) => getAssessmentHistory(deps, idOrName),
    saveCollectionGap: (input: CollectionGapInput, id?: string) =>
      saveCollectionGap(deps, input, id),
    listCollectionGaps: (filter?: { actorId?: string; country?: string }) =>
      deps.repo.listCollectionGaps(filter),
    deleteCollectionGap: (id: string) => deleteCollectionGap(deps, id),
    listAlerts: (filter?: { unacknowledgedOnly?: boolean; actorId?: string; limit?: number }) =>
      deps.repo.listAlerts(filter),
    acknowledgeAlert: (id: string, by: string) => acknowledgeAlert(deps, id, by),
    getWebhook: () => deps.repo.getWebhook(),
    configureWebhook: (input: { url?: unknown; enabled?: unknown; minSeverity?: unknown }) =>
      configureWebhook(deps, input),
  };
}

/** The bound analysis module. */
export type AnalysisService = ReturnType<typeof createAnalysisService>;
