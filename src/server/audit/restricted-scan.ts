import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AUDITED_MARKING_IDS } from '../../core/audit.js';
import {
  findRestrictedAmongObjects,
  findRestrictedIds,
  findStixIds,
  mayHoldRestricted,
} from '../../core/audit-restricted.js';
import type { ObjectRepository } from '../../core/ports/object-repository.js';
import type { ProtectedTermsCache } from './protected-terms-cache.js';
import { noteAudit } from './audit-notes.js';

/**
 * Answers that name objects by id without carrying their markings (profiles, relationship
 * listings, trends): their ids are looked up after the reply is sent.
 */
const AGGREGATE_ROUTES = new Set([
  'GET /api/objects/:id/relationships',
  'GET /api/actors',
  'GET /api/actors/:actor/profile',
  'GET /api/trends',
  'GET /api/collection-gaps',
  'GET /api/alerts',
  // A release names its source objects by id; its bundle holds only the released copies.
  'GET /api/releases/:id',
]);

/** Read requests that are not GETs: a release preview is built and returned on POST. */
const READS_BY_POST = new Set(['POST /api/releases/:id/preview']);

/** Creations whose new id is only in the answer; it becomes the record's target. */
const CREATED_ID_ROUTES = new Set([
  'POST /api/partners',
  'POST /api/agreements',
  'POST /api/objects',
]);

/** At most this many ids of one aggregate answer are looked up (a profile names a few dozen). */
const MAX_REFERENCED = 2_000;

declare module 'fastify' {
  interface FastifyRequest {
    /** Restricted objects the answer carried whole (found by the onSend scan). */
    auditRestricted?: string[];
    /** Ids an aggregate answer named, to be classified after the reply is sent. */
    auditReferenced?: string[];
    /** The answer as the route returned it, before serialisation (keepAnswerForScan). */
    auditAnswer?: unknown;
  }
}

/** The audited marking ids as bytes, made once: TAXII pages are searched without decoding. */
const AUDITED_MARKING_BYTES = AUDITED_MARKING_IDS.map((id) => Buffer.from(id));

/**
 * The preSerialization hook that keeps the answer object for the onSend scan, so that an answer
 * holding a restricted marking is walked as it is instead of parsed back from its JSON (a
 * quarter of the bench's search pages; a bundle export much more). A callback hook: no promise
 * per request.
 */
export function keepAnswerForScan(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: unknown,
  done: (error: Error | null, payload: unknown) => void,
): void {
  request.auditAnswer = payload;
  done(null, payload);
}

/**
 * Gives a route keepAnswerForScan, unless it is TAXII's or names its answer's objects itself
 * (`config.auditNotesObjects`); called from the audit's onRoute hook. A TAXII route sends its
 * answer as bytes, and bytes on a page slot still pass through preSerialization, where keeping
 * them served nothing: the scan searches TAXII bytes and never walks a kept answer. A route added
 * before the hook has no kept answer, and its answers are parsed back when they must be walked.
 *
 * @example keepAnswersOfRoutes(route) // in an onRoute hook
 */
export function keepAnswersOfRoutes(route: RouteOptions): void {
  if (route.url.startsWith('/taxii2/') || route.url === '/taxii2') return;
  // The route names its answer's objects itself (noteAnswerObjects): nothing to keep.
  if (route.config?.auditNotesObjects === true) return;
  const own = route.preSerialization;
  route.preSerialization =
    own === undefined ? [keepAnswerForScan] : [own, keepAnswerForScan].flat();
}

/**
 * Notes which restricted objects (TLP:AMBER+STRICT, TLP:RED, protected) an answer holds, whatever
 * route produced it, for the audit hook to record. A route that named its answer's objects
 * (noteAnswerObjects: a search, a list) has those classified; any other answer's bytes are
 * searched for the audited marking ids and the protected terms, and an answer holding neither —
 * almost every TAXII page — is not parsed.
 *
 * @example scanAnswer('GET /api/search', request, reply, payload, terms)
 */
export function scanAnswer(
  key: string,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  terms: ProtectedTermsCache,
): void {
  if (CREATED_ID_ROUTES.has(key) && typeof payload === 'string' && reply.statusCode < 300) {
    noteCreatedId(request, payload);
    return;
  }
  if (request.method !== 'GET' && !READS_BY_POST.has(key)) return;
  if (!request.principal || reply.statusCode >= 300) return;
  if (key.startsWith('GET /api/audit')) return;
  if (request.auditObjects !== undefined) {
    const restricted = findRestrictedAmongObjects(request.auditObjects, terms.current());
    if (restricted.length > 0) request.auditRestricted = restricted;
    return;
  }
  if (typeof payload === 'string') {
    const matchers = terms.current();
    if (mayHoldRestricted(payload, matchers)) {
      noteRestricted(request, payload, matchers, request.auditAnswer);
    }
    if (AGGREGATE_ROUTES.has(key)) {
      request.auditReferenced = findStixIds(payload).slice(0, MAX_REFERENCED);
    }
  } else if (
    // TAXII pages are sent as bytes; released copies never hold protected terms (the policy
    // redacts them), so only the marking ids are searched for, without decoding, and not at all
    // when the route knows from the store that no row of the page names one.
    Buffer.isBuffer(payload) &&
    request.auditNoMarking !== true &&
    AUDITED_MARKING_BYTES.some((id) => payload.includes(id))
  ) {
    noteRestricted(request, payload.toString('utf8'), terms.current());
  }
}

function noteCreatedId(request: FastifyRequest, text: string): void {
  try {
    // `{ id, … }`, or `{ object: { id, … } }` for a stored STIX object.
    const answer = JSON.parse(text) as { id?: unknown; object?: { id?: unknown } };
    const id = answer.id ?? answer.object?.id;
    if (typeof id === 'string') noteAudit(request, [id]);
  } catch {
    // An answer that is not JSON names nothing.
  }
}

/**
 * Notes the restricted objects of an answer: the object the route returned (kept before
 * serialisation) when there is one, else the text's parsed JSON. The object may hold fields its
 * response schema leaves out of the bytes; a restricted object among them is recorded too (the
 * bytes held an audited marking or term, so the answer was a restricted read). An object that
 * cannot be walked (a cycle in a field the schema skips) falls back to the text.
 */
function noteRestricted(
  request: FastifyRequest,
  text: string,
  matchers: readonly string[],
  answer?: unknown,
): void {
  let restricted: string[] | undefined;
  if (answer !== undefined && answer !== null && typeof answer === 'object') {
    try {
      restricted = findRestrictedIds(answer, matchers);
    } catch {
      restricted = undefined;
    }
  }
  try {
    restricted ??= findRestrictedIds(JSON.parse(text), matchers);
    if (restricted.length > 0) request.auditRestricted = restricted;
  } catch {
    // Not JSON (the web app's files): nothing to record.
  }
}

/**
 * The restricted objects among the ids an aggregate answer named (one read, after the reply).
 *
 * @example await findRestrictedAmong(store.objects, ['incident--…'], terms.current())
 */
export async function findRestrictedAmong(
  objects: Pick<ObjectRepository, 'findLatest'>,
  ids: readonly string[],
  matchers: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await objects.findLatest({ ids, includeRevoked: true, limit: ids.length });
  return findRestrictedAmongObjects(found, matchers);
}
