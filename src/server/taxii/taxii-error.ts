import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isTearlineError, notFound, type TearlineError } from '../../core/errors.js';
import { TAXII_MEDIA_TYPE } from './taxii-media.js';

/** A TAXII 2.1 error message (§3.6.1); `http_status` is a string, as the spec's examples give it. */
export interface TaxiiErrorBody {
  title: string;
  description: string;
  error_code: string;
  http_status: string;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'ProcessingError',
  500: 'Internal Server Error',
};

/** Codes whose title follows medallion's "ProcessingError" (the request cannot be processed as sent). */
const processingErrors = new Set(['TEARLINE_E_TAXII_BAD_NEXT', 'TEARLINE_E_TAXII_NOT_ENVELOPE']);

/** What TAXII says when a collection, object, status or API root is not there (or not the caller's). */
export function taxiiNotFound(
  what: 'collection' | 'object' | 'status' | 'api-root',
): TearlineError {
  const messages = {
    collection: 'No such collection; list /collections/ for the ones you can use.',
    object: 'No such object in this collection.',
    status: 'No such status resource.',
    'api-root': 'No such API root; GET /taxii2/ lists them.',
  };
  return notFound('TEARLINE_E_TAXII_NOT_FOUND', messages[what]);
}

function toStatusAndBody(error: FastifyError | Error, requestId: string) {
  let status: number;
  let code: string;
  let description: string;
  if (isTearlineError(error)) {
    // The registry binds each code to its status, 406, 415 and 422 included.
    status = error.status;
    code = error.code;
    description = error.message;
  } else {
    const fe = error as FastifyError;
    status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      code = 'TEARLINE_E_TAXII_TOO_LARGE';
      description =
        'The envelope is larger than the API root max_content_length; send fewer objects per request.';
    } else if (status < 500) {
      code = 'TEARLINE_E_TAXII_BAD_REQUEST';
      description = 'The request could not be read; check its body and headers.';
    } else {
      code = 'TEARLINE_E_INTERNAL';
      description = `Something went wrong on the server; try again, and report request id ${requestId} if it persists.`;
    }
  }
  const body: TaxiiErrorBody = {
    title: processingErrors.has(code) ? 'ProcessingError' : (titles[status] ?? 'Error'),
    description,
    error_code: code,
    http_status: String(status),
  };
  return { status, body };
}

/**
 * The TAXII routes' error handler: every failure becomes a TAXII error message with the TAXII
 * media type (§3.6.1), and 401 carries the challenges for HTTP Basic and Bearer (RFC 9110 §11.6.1).
 *
 * @example fastify.setErrorHandler(handleTaxiiError)
 */
export function handleTaxiiError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { status, body } = toStatusAndBody(error, request.id);
  if (status >= 500)
    request.log.error(
      { err: { message: error.message, stack: error.stack } },
      'taxii request failed',
    );
  if (status === 401)
    reply.header('WWW-Authenticate', [
      'Basic realm="tearline-taxii", charset="UTF-8"',
      'Bearer realm="tearline-taxii"',
    ]);
  return reply
    .code(status)
    .header('content-type', TAXII_MEDIA_TYPE)
    .send(Buffer.from(JSON.stringify(body), 'utf8'));
}
