/**
 * A failure the user can act on: a stable code (`TEARLINE_E_<AREA>_<WHAT>`, listed in
 * docs/errors.md), one sentence that says what was wrong and what to do, and optional details
 * (offending ids and JSON paths). The server turns it into a problem response, the CLI into one
 * line on stderr and an exit code.
 *
 * @example throw new TearlineError('TEARLINE_E_CLI_USAGE', 'Missing file argument.', { kind: 'input' })
 */
export class TearlineError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: readonly ErrorDetail[];

  constructor(code: string, message: string, options: TearlineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TearlineError';
    this.code = code;
    this.kind = options.kind ?? 'input';
    this.details = options.details ?? [];
  }
}

/**
 * What went wrong, which decides the HTTP status and the CLI exit code:
 * input → 400 / exit 2, not-found → 404, conflict → 409, forbidden → 403,
 * unauthenticated → 401, too-large → 413, rate-limited → 429, failure → 500 / exit 1,
 * upstream (a server Tearline fetched from answered badly) → 502 / exit 1.
 */
export type ErrorKind =
  | 'input'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'too-large'
  | 'rate-limited'
  | 'failure'
  | 'upstream';

export interface ErrorDetail {
  /** The STIX id (or line number, file name) the detail is about. */
  readonly subject?: string;
  /** JSON path inside the subject, e.g. `.modified` or `.objects[3].created`. */
  readonly path?: string;
  readonly message: string;
}

export interface TearlineErrorOptions {
  kind?: ErrorKind;
  details?: readonly ErrorDetail[];
  cause?: unknown;
}

/** True for errors raised by Tearline itself (as opposed to bugs and library failures). */
export function isTearlineError(value: unknown): value is TearlineError {
  return value instanceof TearlineError;
}

const statusByKind: Record<ErrorKind, number> = {
  input: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
  failure: 500,
  upstream: 502,
};

/** The HTTP status for an error kind. */
export function toHttpStatus(kind: ErrorKind): number {
  return statusByKind[kind];
}

/** The CLI exit code for an error kind: 2 for bad input or usage, 1 for everything else. */
export function toExitCode(kind: ErrorKind): number {
  return kind === 'input' || kind === 'too-large' ? 2 : 1;
}
