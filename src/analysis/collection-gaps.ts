import { toStixTimestamp } from '../core/clock.js';
import { type ErrorDetail, notFound, TearlineError } from '../core/errors.js';
import type { CollectionGap } from '../core/ports/analysis.js';
import { isStixId } from '../core/stix/stix-id.js';
import type { AnalysisDeps } from './analysis-deps.js';

/** What an analyst submits to record a collection gap. */
export interface CollectionGapInput {
  countries?: unknown;
  region?: unknown;
  topic?: unknown;
  since?: unknown;
  reason?: unknown;
  requirements?: unknown;
  actorIds?: unknown;
}

const SINCE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * Records (or, with `id`, replaces) a collection gap: where we cannot see, about what, since when
 * and why ("withdrawal of our presence in 2021"), and the requirements it blocks.
 *
 * @example await saveCollectionGap(deps, { countries: ['AF'], topic: 'ISIS-K', since: '2021-08', reason: '…' })
 */
export async function saveCollectionGap(
  deps: AnalysisDeps,
  input: CollectionGapInput,
  id?: string,
): Promise<CollectionGap> {
  const details: ErrorDetail[] = [];
  const strings = (value: unknown, path: string): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      details.push({ path, message: 'must be a list of strings' });
      return [];
    }
    return value as string[];
  };
  const countries = strings(input.countries, '.countries').map((c) => c.trim().toUpperCase());
  countries.forEach((c, i) => {
    if (!/^[A-Z]{2}$/.test(c))
      details.push({ path: `.countries[${i}]`, message: 'must be an ISO 3166-1 alpha-2 code' });
  });
  const actorIds = strings(input.actorIds, '.actorIds');
  actorIds.forEach((a, i) => {
    if (!isStixId(a, 'threat-actor'))
      details.push({ path: `.actorIds[${i}]`, message: 'must be a threat-actor id' });
  });
  const requirements = strings(input.requirements, '.requirements');
  const region =
    typeof input.region === 'string' && input.region.trim() ? input.region.trim() : undefined;
  if (countries.length === 0 && region === undefined)
    details.push({ path: '.countries', message: 'give the countries or a region the gap covers' });
  const text = (value: unknown, path: string, what: string): string => {
    if (typeof value !== 'string' || value.trim() === '') {
      details.push({ path, message: what });
      return '';
    }
    return value.trim();
  };
  const topic = text(
    input.topic,
    '.topic',
    'say what we cannot see (e.g. "ISIS-K external plotting")',
  );
  const reason = text(
    input.reason,
    '.reason',
    'say why (e.g. "withdrawal of our presence in 2021")',
  );
  const since = text(input.since, '.since', 'give a date: YYYY, YYYY-MM or YYYY-MM-DD');
  if (since && !SINCE.test(since))
    details.push({ path: '.since', message: 'must be YYYY, YYYY-MM or YYYY-MM-DD' });
  if (details.length > 0) {
    throw new TearlineError(
      'TEARLINE_E_GAP_INVALID',
      'The collection gap is incomplete or malformed; fix the fields listed and submit it again.',
      { details },
    );
  }
  const now = toStixTimestamp(deps.clock.now());
  const existing = id === undefined ? undefined : await deps.repo.getCollectionGap(id);
  if (id !== undefined && !existing) throw gapNotFound(id);
  const gap: CollectionGap = {
    id: id ?? deps.ids.uuid(),
    countries: [...new Set(countries)],
    region,
    topic,
    since,
    reason,
    requirements,
    actorIds,
    created: existing?.created ?? now,
    modified: now,
  };
  await deps.repo.putCollectionGap(gap);
  return gap;
}

/** Removes a collection gap, or fails with not-found. */
export async function deleteCollectionGap(deps: AnalysisDeps, id: string): Promise<void> {
  if (!(await deps.repo.deleteCollectionGap(id))) throw gapNotFound(id);
}

function gapNotFound(id: string): TearlineError {
  return notFound('TEARLINE_E_GAP_NOT_FOUND', `There is no collection gap ${id}.`);
}
