import type { FastifyPluginAsync } from 'fastify';
import { TearlineError } from '../../../core/errors.js';
import { problemResponses } from '../../errors/problem-responses.js';
import type { IngestRuntime } from './ingest-runtime.js';
import { readDocument } from '../../../ingest/readers/read-document.js';
import { MAX_DOCUMENT_BYTES } from '../../../ingest/readers/read-errors.js';
import type { ReadDocument } from '../../../ingest/readers/document.js';
import {
  ingestReport,
  queueReport,
  type IngestOptions,
} from '../../../ingest/draft/ingest-report.js';
import { fetchUrl } from '../../../ingest/sources/fetch-url.js';
import { getSourceOrThrow, parseGradeInput } from '../../../ingest/sources/source-service.js';
import { EXTRACT_REPORT_JOB } from '../../../ingest/jobs/ingest-jobs.js';
import * as schemas from './ingest-schemas.js';

/** The fields of a submitted report, from the JSON body or the query string of an upload. */
interface ReportFields {
  text?: unknown;
  html?: unknown;
  url?: unknown;
  title?: unknown;
  published?: unknown;
  source?: unknown;
  grade?: unknown;
  queue?: unknown;
}

const bad = (message: string) => new TearlineError('TEARLINE_E_INGEST_BAD_REPORT', message);
const UPLOAD_TYPES = [
  'text/plain',
  'text/html',
  'application/pdf',
  'application/octet-stream',
  'application/xhtml+xml',
];

async function toOptions(runtime: IngestRuntime, f: ReportFields): Promise<IngestOptions> {
  const options: IngestOptions = {};
  if (f.title !== undefined) {
    if (typeof f.title !== 'string' || f.title.length > 500)
      throw bad('title must be text of at most 500 characters.');
    options.title = f.title;
  }
  if (f.published !== undefined) {
    if (
      typeof f.published !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(f.published) ||
      Number.isNaN(Date.parse(f.published))
    ) {
      throw bad('published must be a date written YYYY-MM-DD.');
    }
    options.published = f.published;
  }
  if (f.source !== undefined) {
    if (typeof f.source !== 'string') throw bad('source must be the name or id of a source.');
    options.source = await getSourceOrThrow(runtime.ingest, f.source);
  }
  if (f.grade !== undefined) options.grade = parseGradeInput(f.grade);
  return options;
}

/**
 * POST /api/reports: a report pasted (JSON `text` or `html`), fetched (`url`) or uploaded as the
 * raw body (text, HTML, PDF; fields in the query string). Answers 201 with the extracted draft, or
 * 202 with the queued draft when `queue` is true (extraction then runs as a background job).
 *
 * @example await app.register(reportRoutes(runtime), { prefix: '/api' })
 */
export function reportRoutes(runtime: IngestRuntime, bodyLimit: number): FastifyPluginAsync {
  return async (app) => {
    // Uploads arrive as raw bytes; readDocument tells text, HTML and PDF apart and checks them.
    app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    app.post<{ Body: ReportFields | Buffer; Querystring: ReportFields }>(
      '/reports',
      {
        config: { access: ['analyst'] },
        // A little above the document limit, so that readDocument's clearer refusal answers first.
        bodyLimit: Math.max(bodyLimit, MAX_DOCUMENT_BYTES + 256 * 1024),
        schema: {
          summary: 'Submit a report (text, HTML, URL or uploaded file) and get its draft',
          tags: ['ingest'],
          querystring: {
            type: 'object',
            properties: {
              title: { type: 'string', maxLength: 500 },
              published: { type: 'string', maxLength: 10 },
              source: { type: 'string', maxLength: 200 },
              grade: { type: 'string', maxLength: 2 },
              queue: { type: 'boolean' },
            },
            additionalProperties: false,
          },
          body: schemas.reportBody,
          response: {
            201: schemas.reportCreatedResponse,
            202: schemas.reportQueuedResponse,
            ...problemResponses(400, 401, 403, 404, 413, 500),
          },
        },
      },
      async (request, reply) => {
        let doc: ReadDocument;
        let fields: ReportFields;
        if (Buffer.isBuffer(request.body)) {
          fields = request.query;
          doc = await readDocument(request.body, {
            origin: 'upload',
            mediaType: String(request.headers['content-type'] ?? ''),
          });
        } else {
          fields = { ...request.query, ...(request.body ?? {}) };
          const given = ['text', 'html', 'url'].filter(
            (k) => fields[k as keyof ReportFields] !== undefined,
          );
          if (given.length !== 1)
            throw bad(
              'Send exactly one of text, html or url (or upload the file as the request body).',
            );
          if (fields.text !== undefined) {
            if (typeof fields.text !== 'string') throw bad('text must be a string.');
            doc = await readDocument(Buffer.from(fields.text, 'utf8'), {
              origin: 'paste',
              mediaType: 'text/plain',
            });
          } else if (fields.html !== undefined) {
            if (typeof fields.html !== 'string') throw bad('html must be a string.');
            doc = await readDocument(Buffer.from(fields.html, 'utf8'), {
              origin: 'paste',
              mediaType: 'text/html',
            });
          } else {
            const url =
              typeof fields.url === 'string' && /^https?:\/\//i.test(fields.url)
                ? fields.url
                : undefined;
            if (!url) throw bad('url must be an http:// or https:// address.');
            const page = await fetchUrl(url, {
              ...(runtime.ingest.fetch ? { fetch: runtime.ingest.fetch } : {}),
              ...(runtime.ingest.timeoutMs ? { timeoutMs: runtime.ingest.timeoutMs } : {}),
            });
            doc = await readDocument(page.bytes, {
              origin: url,
              ...(page.contentType ? { mediaType: page.contentType } : {}),
            });
          }
        }
        const options = await toOptions(runtime, fields);
        if (fields.queue === true || fields.queue === 'true') {
          const draft = await queueReport(runtime.ingest, doc, options);
          const jobId = await runtime.queue.enqueue(EXTRACT_REPORT_JOB, { draftId: draft.id });
          return reply.code(202).send({ draftId: draft.id, state: draft.state, jobId });
        }
        const draft = await ingestReport(runtime.ingest, doc, options);
        return reply.code(201).send({
          draftId: draft.id,
          state: draft.state,
          language: draft.language,
          ...(draft.error ? { note: draft.error } : {}),
        });
      },
    );
  };
}
