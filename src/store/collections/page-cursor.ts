import { createHash } from 'node:crypto';
import { TearlineError } from '../../core/errors.js';
import type { CollectionQuery } from '../../core/ports/collection-repository.js';

/** Where a page ended: the sort key of its last record. */
export interface PagePosition {
  dateAdded: string;
  objectId: string;
  version: string;
}

const KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const OBJECT_ID = /^[a-z0-9][a-z0-9-]*--[0-9a-fA-F-]{36}$/;
const TOKEN = /^[A-Za-z0-9_-]{1,600}$/;

/**
 * A fingerprint of a query's filters (everything but `limit` and `next`), carried in the cursor so
 * that a `next` token replayed with other filters is refused, as medallion refuses it (HTTP 400).
 */
function fingerprintOf(collectionId: string, q: CollectionQuery): string {
  const sorted = (v: readonly string[] | undefined) => (v ? [...v].sort() : null);
  const canonical = JSON.stringify([
    collectionId,
    q.addedAfter ?? null,
    sorted(q.ids),
    sorted(q.types),
    sorted(q.versions),
    sorted(q.specVersions),
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

/**
 * The opaque `next` token for the page ending at `position`: base64url of the sort key and the
 * filters' fingerprint.
 *
 * @example toPageCursor('c1', query, { dateAdded, objectId, version })
 */
export function toPageCursor(
  collectionId: string,
  query: CollectionQuery,
  position: PagePosition,
): string {
  const payload = [
    1,
    fingerprintOf(collectionId, query),
    position.dateAdded,
    position.objectId,
    position.version,
  ];
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function badNext(message: string): TearlineError {
  return new TearlineError('TEARLINE_E_TAXII_BAD_NEXT', message, { kind: 'input' });
}

/**
 * The position a `next` token stands for; throws TEARLINE_E_TAXII_BAD_NEXT (400) when the token is
 * malformed or was issued for different filters.
 *
 * @example const position = parsePageCursor('c1', query, query.next)
 */
export function parsePageCursor(
  collectionId: string,
  query: CollectionQuery,
  token: string,
): PagePosition {
  let payload: unknown;
  try {
    if (!TOKEN.test(token)) throw new Error('shape');
    payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badNext('The next token is not one this server issued; start again without next.');
  }
  if (
    !Array.isArray(payload) ||
    payload.length !== 5 ||
    payload[0] !== 1 ||
    typeof payload[1] !== 'string' ||
    typeof payload[2] !== 'string' ||
    typeof payload[3] !== 'string' ||
    typeof payload[4] !== 'string' ||
    !KEY.test(payload[2]) ||
    !OBJECT_ID.test(payload[3]) ||
    !KEY.test(payload[4])
  ) {
    throw badNext('The next token is not one this server issued; start again without next.');
  }
  if (payload[1] !== fingerprintOf(collectionId, query)) {
    throw badNext(
      'The next token belongs to a query with other filters; repeat the first query or start again without next.',
    );
  }
  return { dateAdded: payload[2], objectId: payload[3], version: payload[4] };
}
