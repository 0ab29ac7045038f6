import type { AppDeps } from '../../app-deps.js';
import { createAnalysisService, type AnalysisService } from '../../../analysis/analysis-service.js';

/**
 * The analysis module over the app's store, clock and ids; new assessment notes are also put in
 * the STIX object store, where sharing and TAXII find them.
 *
 * @example const analysis = toAnalysisService(deps)
 */
export function toAnalysisService(deps: Pick<AppDeps, 'store' | 'clock' | 'ids'>): AnalysisService {
  return createAnalysisService({
    repo: deps.store.analysis,
    clock: deps.clock,
    ids: deps.ids,
    publishObject: async (object) => {
      await deps.store.objects.putObjects([object]);
    },
    objects: deps.store.objects,
  });
}

/** `:actor` is an actor id, name or alias (URL-encoded). */
export const actorParams = {
  type: 'object',
  required: ['actor'],
  properties: { actor: { type: 'string', minLength: 1, maxLength: 300 } },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

/** `asOf`, window lengths and list length shared by profile and trend queries. */
export const trendQuery = {
  asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
  recentMonths: { type: 'integer', minimum: 1, maximum: 60 },
  baselineMonths: { type: 'integer', minimum: 1, maximum: 240 },
  limit: { type: 'integer', minimum: 1, maximum: 200 },
} as const;
