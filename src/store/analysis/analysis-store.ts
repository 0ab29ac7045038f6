import type { AnalysisRepository } from '../../core/ports/analysis.js';
import type { Database } from '../database.js';
import { createActorDirectoryStore } from './actor-directory-store.js';
import { createAlertStore } from './alert-store.js';
import { createIncidentFactsStore } from './incident-facts-store.js';
import { createJudgmentStore } from './judgment-store.js';

/**
 * The analysis repository over one database (both engines): incident facts and aggregates, the
 * actor directory, assessments, collection gaps, alerts and the webhook outbox.
 *
 * @example const analysis = createAnalysisStore(database)
 */
export function createAnalysisStore(database: Database): AnalysisRepository {
  return {
    ...createIncidentFactsStore(database),
    ...createActorDirectoryStore(database),
    ...createJudgmentStore(database),
    ...createAlertStore(database),
  };
}
