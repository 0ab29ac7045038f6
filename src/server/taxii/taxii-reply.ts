import type { FastifyReply, FastifyRequest } from 'fastify';
import type {
  CollectionObjectsPage,
  CollectionPage,
} from '../../core/ports/collection-repository.js';
import type { Principal } from '../principal.js';
import { API_ROOT } from './taxii-backend.js';
import { taxiiNotFound } from './taxii-error.js';
import { TAXII_MEDIA_TYPE } from './taxii-media.js';

/**
 * Sends a TAXII resource with the TAXII media type (TAXII 2.1 §1.6.8: every response carries it).
 *
 * @example return sendTaxii(reply, { collections })
 */
export function sendTaxii(reply: FastifyReply, body: unknown, status = 200) {
  return sendTaxiiBytes(reply, JSON.stringify(body), status);
}

/**
 * Sends text with exactly `application/taxii+json;version=2.1`. A Buffer, because Fastify
 * rewrites the Content-Type of string payloads (quoting the version, adding a charset), and
 * clients such as taxii2-client compare the header literally.
 */
export function sendTaxiiBytes(reply: FastifyReply, text: string, status = 200) {
  return sendTaxiiBuffer(reply, Buffer.from(text, 'utf8'), status);
}

/**
 * Sets X-TAXII-Date-Added-First/Last to the date_added of the first and last record of this page
 * (TAXII 2.1 §3.3.1); an empty page sends neither.
 */
export function setDateAddedHeaders(reply: FastifyReply, page: CollectionPage): void {
  setAddedRange(reply, page.entries[0]?.dateAdded, page.entries.at(-1)?.dateAdded);
}

function setAddedRange(reply: FastifyReply, first?: string, last?: string): void {
  if (first !== undefined && last !== undefined) {
    reply.header('X-TAXII-Date-Added-First', first);
    reply.header('X-TAXII-Date-Added-Last', last);
  }
}

/**
 * Sets X-TAXII-Date-Added-First/Last from a page read as bytes (TAXII 2.1 §3.3.1); an empty page
 * sends neither.
 */
export function setDateAddedHeadersOf(reply: FastifyReply, page: CollectionObjectsPage): void {
  setAddedRange(reply, page.firstAdded, page.lastAdded);
}

/** Room the objects endpoint asks for around a page: its paging members and `]}`. */
export const ENVELOPE_ROOM = { before: 1024, after: 2 };

/**
 * The envelope of a page read as bytes (TAXII 2.1 §3.7): the paging members written into the room
 * before the page's JSON and `]}` after it, so that the page is neither decoded nor copied (a
 * head longer than the room, which no cursor this server issues reaches, is joined by copying).
 */
export function toEnvelopeBytes(page: CollectionObjectsPage): Buffer {
  if (page.count === 0) return Buffer.from('{}');
  const paging =
    page.next === undefined ? { more: page.more } : { more: page.more, next: page.next };
  const head = Buffer.from(`${JSON.stringify(paging).slice(0, -1)},"objects":[`);
  const json = page.bytes.subarray(page.jsonStart, page.jsonEnd);
  const all = Buffer.from(page.bytes.buffer, page.bytes.byteOffset, page.bytes.byteLength);
  if (head.length > page.jsonStart || all.length - page.jsonEnd < 2)
    return Buffer.concat([head, json, Buffer.from(']}')]);
  head.copy(all, page.jsonStart - head.length);
  all.write(']}', page.jsonEnd);
  return all.subarray(page.jsonStart - head.length, page.jsonEnd + 2);
}

/**
 * Fastify sends a Buffer untouched only when it lies on an ArrayBuffer; one on shared memory (a
 * page slot, page-slots.ts) it would serialise as JSON. This serializer hands such a Buffer on
 * as it is, and Fastify then writes it like any other (its serializer's result goes to the socket
 * when it is a string or a Buffer); Buffers on an ArrayBuffer never reach it.
 */
const bytesAsTheyAre = ((payload: Buffer) => payload) as unknown as (payload: unknown) => string;

/** Sends bytes with exactly `application/taxii+json;version=2.1` (see sendTaxiiBytes). */
export function sendTaxiiBuffer(reply: FastifyReply, bytes: Buffer, status = 200) {
  return reply
    .code(status)
    .header('content-type', TAXII_MEDIA_TYPE)
    .serializer(bytesAsTheyAre)
    .send(bytes);
}

/**
 * The envelope of a page of objects (TAXII 2.1 §3.7) as JSON text, splicing in each object's
 * stored JSON when the repository gave it, so that no object is parsed and re-serialised.
 */
export function toEnvelopeJson(page: CollectionPage): string {
  if (page.entries.length === 0) return '{}';
  const head = JSON.stringify(toPaging(page)).slice(0, -1);
  const objects = page.entries.map((e) => e.json ?? JSON.stringify(e.object)).join(',');
  return `${head},"objects":[${objects}]}`;
}

/** The paging part of a TAXII list resource: `more` and `next` (§3.7), or nothing when empty. */
export function toPaging(page: CollectionPage): { more?: boolean; next?: string } {
  if (page.entries.length === 0) return {};
  return page.next === undefined ? { more: page.more } : { more: page.more, next: page.next };
}

/** The caller, set by the auth hook (the TAXII onRequest guard has already answered 401 without). */
export function principalOf(request: FastifyRequest): Principal {
  return request.principal as Principal;
}

/** Throws 404 unless the URL names Tearline's API root. */
export function checkApiRoot(params: unknown): void {
  if ((params as { apiRoot?: string }).apiRoot !== API_ROOT) throw taxiiNotFound('api-root');
}

/** The route parameters of TAXII paths. */
export interface TaxiiParams {
  apiRoot: string;
  collectionId: string;
  objectId: string;
  statusId: string;
}
