import type { ErrorDetail } from '../../core/errors.js';

/**
 * A problem response (after RFC 9457): `type` names the error, `title` says what kind of failure,
 * `detail` is the one sentence for the user, `code` is Tearline's stable code, `errors` lists
 * offending ids and JSON paths.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: ErrorDetail[];
}

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};

/**
 * Builds a problem body; `type` is a URN naming the code (listed in docs/errors.md).
 *
 * @example toProblem(404, 'TEARLINE_E_OBJECT_NOT_FOUND', 'No object incident--… is stored.')
 */
export function toProblem(
  status: number,
  code: string,
  detail: string,
  errors?: readonly ErrorDetail[],
): Problem {
  const problem: Problem = {
    type: `urn:tearline:error:${code}`,
    title: titles[status] ?? (status >= 500 ? 'Server error' : 'Request error'),
    status,
    code,
    detail,
  };
  if (errors && errors.length > 0) problem.errors = [...errors];
  return problem;
}

/** The JSON schema of a problem response, referenced by every route's error responses. */
export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          subject: { type: 'string' },
          path: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
  },
} as const;
