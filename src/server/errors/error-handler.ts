import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isTearlineError, type ErrorDetail } from '../../core/errors.js';
import { toProblem, type Problem } from './problem.js';

/**
 * Turns any thrown error into a problem response: TearlineError by its kind and code, Fastify's
 * own failures (validation, body size, media type, malformed JSON) into 4xx with our codes, and
 * everything else into a 500 that names the request id and is logged without the request's body
 * or headers. Never a stack trace in a response.
 *
 * @example app.setErrorHandler(createErrorHandler(bodyLimit))
 */
export function createErrorHandler(bodyLimit: number) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const problem = toProblemOf(error, bodyLimit, request.id);
    if (problem.status >= 500) {
      request.log.error(
        { err: { type: error.name, code: error.code, message: error.message, stack: error.stack } },
        'request failed',
      );
    }
    return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
  };
}

function toProblemOf(error: FastifyError, bodyLimit: number, requestId: string): Problem {
  if (isTearlineError(error)) {
    return toProblem(error.status, error.code, error.message, error.details);
  }
  if (error.validation) {
    const errors: ErrorDetail[] = error.validation.map((v) => ({
      path: `${error.validationContext ?? ''}${v.instancePath || ''}`,
      message: v.message ?? 'is invalid',
    }));
    return toProblem(
      400,
      'TEARLINE_E_HTTP_INVALID_REQUEST',
      `The request's ${error.validationContext ?? 'input'} is invalid: ${errors[0]?.path} ${errors[0]?.message}.`,
      errors,
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return toProblem(
        413,
        'TEARLINE_E_HTTP_BODY_TOO_LARGE',
        `The request body is larger than the ${bodyLimit}-byte limit; send it in smaller parts.`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return toProblem(
        415,
        'TEARLINE_E_HTTP_UNSUPPORTED_MEDIA_TYPE',
        'This endpoint does not take that Content-Type; send application/json.',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return toProblem(
        400,
        'TEARLINE_E_HTTP_BAD_JSON',
        'The request body is not valid JSON; fix it and resend.',
      );
  }
  const status = error.statusCode ?? 500;
  if (status === 400 && error instanceof SyntaxError) {
    return toProblem(
      400,
      'TEARLINE_E_HTTP_BAD_JSON',
      'The request body is not valid JSON; fix it and resend.',
    );
  }
  if (status >= 400 && status < 500) {
    return toProblem(
      status,
      'TEARLINE_E_HTTP_BAD_REQUEST',
      `The request was refused: ${error.message}`,
    );
  }
  return toProblem(
    500,
    'TEARLINE_E_INTERNAL',
    `Something went wrong on the server; try again, and report request id ${requestId} to an admin if it persists.`,
  );
}

/**
 * Answers unknown routes with a problem response naming the OpenAPI document.
 *
 * @example app.setNotFoundHandler(handleNotFound)
 */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0] ?? '';
  return reply
    .code(404)
    .type('application/problem+json; charset=utf-8')
    .send(
      toProblem(
        404,
        'TEARLINE_E_HTTP_NOT_FOUND',
        `There is no ${request.method} ${path.slice(0, 200)}; the API is described at /api/openapi.json.`,
      ),
    );
}
