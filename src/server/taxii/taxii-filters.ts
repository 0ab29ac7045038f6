import { TearlineError } from '../../core/errors.js';
import type { CollectionQuery } from '../../core/ports/collection-repository.js';

/** The largest page served; larger `limit`s are served as this (TAXII 2.1 §3.4.1 lets servers cap). */
export const MAX_PAGE_SIZE = 1000;

/** Which URL parameters an endpoint takes (TAXII 2.1 §5.3–§5.8 list them per endpoint). */
export type TaxiiParam =
  'added_after' | 'limit' | 'next' | 'id' | 'type' | 'version' | 'spec_version';

/** The parameters of the objects and manifest endpoints: every filter plus paging (§5.3, §5.4). */
export const COLLECTION_LIST_PARAMS: readonly TaxiiParam[] = [
  'added_after',
  'limit',
  'next',
  'id',
  'type',
  'version',
  'spec_version',
];

function badFilter(message: string): TearlineError {
  return new TearlineError('TEARLINE_E_TAXII_BAD_FILTER', message, { kind: 'input' });
}

function listOf(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  const out = parts.map((p) => p.trim()).filter((p) => p.length > 0);
  return out.length > 0 ? out : undefined;
}

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw badFilter(`${name} may be given once.`);
  return String(value);
}

/**
 * Reads an endpoint's TAXII URL parameters into a collection query: `match[field]=a,b` is an OR
 * within a field and fields combine with AND (§3.4.2); `limit` must be a positive integer and is
 * capped at MAX_PAGE_SIZE; parameters the endpoint does not take are ignored, as §3.4 lets servers
 * ignore filters they do not support.
 *
 * @example parseTaxiiQuery({ 'match[type]': 'incident', limit: '50' }, ['type', 'limit'])
 */
export function parseTaxiiQuery(
  raw: Record<string, unknown>,
  allowed: readonly TaxiiParam[],
): CollectionQuery {
  const has = (p: TaxiiParam) => allowed.includes(p);
  const query: CollectionQuery = { limit: MAX_PAGE_SIZE };
  if (has('limit')) {
    const limit = single(raw.limit, 'limit');
    if (limit !== undefined) {
      if (!/^\d{1,15}$/.test(limit) || Number(limit) < 1)
        throw badFilter('limit must be a positive whole number.');
      query.limit = Math.min(Number(limit), MAX_PAGE_SIZE);
    }
  }
  if (has('added_after')) {
    const addedAfter = single(raw.added_after, 'added_after');
    if (addedAfter !== undefined) query.addedAfter = addedAfter;
  }
  if (has('next')) {
    const next = single(raw.next, 'next');
    if (next !== undefined) {
      if (next.length === 0 || next.length > 600)
        throw new TearlineError(
          'TEARLINE_E_TAXII_BAD_NEXT',
          'The next token is not one this server issued; start again without next.',
          { kind: 'input' },
        );
      query.next = next;
    }
  }
  if (has('id')) {
    const ids = listOf(raw['match[id]']);
    if (ids) query.ids = ids;
  }
  if (has('type')) {
    const types = listOf(raw['match[type]']);
    if (types) query.types = types;
  }
  if (has('version')) {
    const versions = listOf(raw['match[version]']);
    if (versions) query.versions = versions;
  }
  if (has('spec_version')) {
    const specVersions = listOf(raw['match[spec_version]']);
    if (specVersions) query.specVersions = specVersions;
  }
  return query;
}
