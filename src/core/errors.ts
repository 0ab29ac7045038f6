/**
 * A failure the user can act on: a stable code (`TEARLINE_E_<AREA>_<WHAT>`, listed in
 * docs/errors.md), one sentence that says what was wrong and what to do, and optional details
 * (offending ids and JSON paths). The server turns it into a problem response, the CLI into one
 * line on stderr and an exit code.
 *
 * @example throw new TearlineError('TEARLINE_E_CLI_USAGE', 'Missing file argument.', { kind: 'input' })
 */
export class TearlineError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  /** The HTTP status the server answers with (the registry's, else the kind's). */
  readonly status: number;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, message: string, options: TearlineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TearlineError';
    this.code = code;
    const entry: ErrorEntry = ERROR_REGISTRY[code];
    this.kind = entry.kind;
    this.status = entry.status ?? toHttpStatus(entry.kind);
    this.details = options.details ?? [];
  }
}

/**
 * A "not found" error (404): only codes registered with kind `not-found` are accepted.
 *
 * @example throw notFound('TEARLINE_E_OBJECT_NOT_FOUND', `No object ${id}.`)
 */
export function notFound(
  code: NotFoundCode,
  message: string,
  details?: readonly ErrorDetail[],
): TearlineError {
  return new TearlineError(code, message, details ? { details } : {});
}

interface ErrorEntry {
  readonly kind: ErrorKind;
  /** Only where the HTTP status is not the kind's (406, 415, 422). */
  readonly status?: number;
}

/**
 * Every error code Tearline raises, bound to its kind (hence its HTTP status and exit code). One
 * code, one kind: a code is never raised as a 400 here and a 403 there. docs/errors.md lists the
 * same codes with what to do; test/error-catalogue.test.ts checks both directions.
 */
export const ERROR_REGISTRY = {
  TEARLINE_E_CLI_USAGE: { kind: 'input' },
  TEARLINE_E_STORE_BAD_URL: { kind: 'input' },
  TEARLINE_E_STORE_MIGRATION_FAILED: { kind: 'failure' },
  TEARLINE_E_STORE_BACKUP_EXISTS: { kind: 'input' },
  TEARLINE_E_STORE_BACKUP_FAILED: { kind: 'failure' },
  TEARLINE_E_STORE_BACKUP_NO_FILE: { kind: 'input' },
  TEARLINE_E_STORE_BACKUP_BAD_FILE: { kind: 'input' },
  TEARLINE_E_STORE_RESTORE_NOT_EMPTY: { kind: 'input' },
  TEARLINE_E_AUTH_REQUIRED: { kind: 'unauthenticated' },
  TEARLINE_E_AUTH_FORBIDDEN: { kind: 'forbidden' },
  TEARLINE_E_ACCOUNT_EXISTS: { kind: 'conflict' },
  TEARLINE_E_INGEST_TOO_LARGE: { kind: 'too-large' },
  TEARLINE_E_INGEST_EMPTY: { kind: 'input' },
  TEARLINE_E_INGEST_BINARY: { kind: 'input' },
  TEARLINE_E_INGEST_BAD_PDF: { kind: 'input' },
  TEARLINE_E_INGEST_BAD_FEED: { kind: 'input' },
  TEARLINE_E_INGEST_DRAFT_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_INGEST_ITEM_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_INGEST_ITEM_DECIDED: { kind: 'conflict' },
  TEARLINE_E_INGEST_NOTHING_TO_UNDO: { kind: 'conflict' },
  TEARLINE_E_INGEST_UNDO_BLOCKED: { kind: 'conflict' },
  TEARLINE_E_INGEST_ITEM_LINKS_PENDING: { kind: 'conflict' },
  TEARLINE_E_INGEST_ACCEPT_STALLED: { kind: 'conflict' },
  TEARLINE_E_INGEST_INVALID_OBJECT: { kind: 'input' },
  TEARLINE_E_INGEST_BAD_EDIT: { kind: 'input' },
  TEARLINE_E_INGEST_BAD_MERGE: { kind: 'input' },
  TEARLINE_E_INGEST_MERGE_TARGET_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_INGEST_BAD_REPORT: { kind: 'input' },
  TEARLINE_E_INGEST_BAD_SOURCE: { kind: 'input' },
  TEARLINE_E_INGEST_SOURCE_EXISTS: { kind: 'conflict' },
  TEARLINE_E_INGEST_SOURCE_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_INGEST_BAD_FEED_INPUT: { kind: 'input' },
  TEARLINE_E_INGEST_FEED_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_INGEST_FETCH_FAILED: { kind: 'upstream' },
  TEARLINE_E_FETCH_REFUSED: { kind: 'input' },
  TEARLINE_E_INGEST_BAD_GRADE: { kind: 'input' },
  TEARLINE_E_INGEST_JOB_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_INGEST_DRAFT_GRADED: { kind: 'conflict' },
  TEARLINE_E_TAXII_BAD_NEXT: { kind: 'input' },
  TEARLINE_E_TAXII_BAD_FILTER: { kind: 'input' },
  TEARLINE_E_TAXII_BAD_OBJECT: { kind: 'input' },
  TEARLINE_E_SHARING_BAD_TRANSFORM: { kind: 'input' },
  TEARLINE_E_SHARING_BAD_INPUT: { kind: 'input' },
  TEARLINE_E_SHARING_PARTNER_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_SHARING_AGREEMENT_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_SHARING_RELEASE_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_SHARING_CREDENTIAL_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_SHARING_OBJECT_NOT_FOUND: { kind: 'input' },
  TEARLINE_E_SHARING_AGREEMENT_STATE: { kind: 'conflict' },
  TEARLINE_E_SHARING_NO_ACTIVE_AGREEMENT: { kind: 'conflict' },
  TEARLINE_E_SHARING_RELEASE_STATE: { kind: 'conflict' },
  TEARLINE_E_SHARING_RELEASE_STALE: { kind: 'conflict' },
  TEARLINE_E_SHARING_SELF_APPROVAL: { kind: 'forbidden' },
  TEARLINE_E_SHARING_USER_UNKNOWN: { kind: 'input' },
  TEARLINE_E_SHARING_LEDGER_BROKEN: { kind: 'failure' },
  TEARLINE_E_AUDIT_BROKEN: { kind: 'failure' },
  TEARLINE_E_AUDIT_BAD_SINCE: { kind: 'input' },
  TEARLINE_E_SHARING_PREVIEW_NOT_SEEN: { kind: 'conflict' },
  TEARLINE_E_SHARING_OPEN_FINDINGS: { kind: 'conflict' },
  TEARLINE_E_VOCAB_UNKNOWN_TERM: { kind: 'input' },
  TEARLINE_E_ACCOUNT_BAD_USERNAME: { kind: 'input' },
  TEARLINE_E_ACCOUNT_BAD_ROLE: { kind: 'input' },
  TEARLINE_E_ACCOUNT_WEAK_PASSWORD: { kind: 'input' },
  TEARLINE_E_ACCOUNT_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_ACCOUNT_LAST_ADMIN: { kind: 'conflict' },
  TEARLINE_E_ACCOUNT_BAD_TOKEN_EXPIRY: { kind: 'input' },
  TEARLINE_E_ACCOUNT_TOKEN_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_AUTH_BAD_CREDENTIALS: { kind: 'unauthenticated' },
  TEARLINE_E_AUTH_DISABLED: { kind: 'forbidden' },
  TEARLINE_E_AUTH_TOKEN_INVALID: { kind: 'unauthenticated' },
  TEARLINE_E_AUTH_SCHEME: { kind: 'unauthenticated' },
  TEARLINE_E_AUTH_CSRF: { kind: 'forbidden' },
  TEARLINE_E_AUTH_NO_SESSION: { kind: 'input' },
  TEARLINE_E_CONFIG_BAD_VALUE: { kind: 'input' },
  TEARLINE_E_HTTP_BAD_JSON: { kind: 'input' },
  TEARLINE_E_HTTP_INVALID_REQUEST: { kind: 'input' },
  TEARLINE_E_HTTP_BODY_TOO_LARGE: { kind: 'too-large' },
  TEARLINE_E_HTTP_UNSUPPORTED_MEDIA_TYPE: { kind: 'input', status: 415 },
  TEARLINE_E_HTTP_BAD_REQUEST: { kind: 'input' },
  TEARLINE_E_HTTP_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_HTTP_RATE_LIMITED: { kind: 'rate-limited' },
  TEARLINE_E_HTTP_OVERLOADED: { kind: 'rate-limited', status: 503 },
  TEARLINE_E_INTERNAL: { kind: 'failure' },
  TEARLINE_E_OBJECT_BAD_ID: { kind: 'input' },
  TEARLINE_E_OBJECT_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_OBJECT_VERSION_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_OBJECT_INVALID: { kind: 'input' },
  TEARLINE_E_OBJECT_EXISTS: { kind: 'conflict' },
  TEARLINE_E_OBJECT_IDENTITY_CHANGED: { kind: 'input' },
  TEARLINE_E_IMPORT_NOT_JSON: { kind: 'input' },
  TEARLINE_E_IMPORT_MALFORMED_JSON: { kind: 'input' },
  TEARLINE_E_IMPORT_BAD_BUNDLE: { kind: 'input' },
  TEARLINE_E_IMPORT_INVALID_OBJECTS: { kind: 'input' },
  TEARLINE_E_IMPORT_TOO_LARGE: { kind: 'too-large' },
  TEARLINE_E_IMPORT_NO_FILE: { kind: 'input' },
  TEARLINE_E_EXTRACT_TOO_LARGE: { kind: 'too-large' },
  TEARLINE_E_EXTRACT_INPUT_MISSING: { kind: 'input' },
  TEARLINE_E_ANALYSIS_ACTOR_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_ANALYSIS_BAD_QUERY: { kind: 'input' },
  TEARLINE_E_ANALYSIS_INCIDENT_NOT_INDEXED: { kind: 'not-found' },
  TEARLINE_E_ASSESSMENT_INVALID: { kind: 'input' },
  TEARLINE_E_ASSESSMENT_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_ASSESSMENT_SUPERSEDES_MISSING: { kind: 'input' },
  TEARLINE_E_ASSESSMENT_SUPERSEDES_CYCLE: { kind: 'input' },
  TEARLINE_E_ASSESSMENT_FORK: { kind: 'conflict' },
  TEARLINE_E_ASSESSMENT_SUBJECT_MISMATCH: { kind: 'input' },
  TEARLINE_E_GAP_INVALID: { kind: 'input' },
  TEARLINE_E_GAP_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_ALERT_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_WEBHOOK_INVALID: { kind: 'input' },
  TEARLINE_E_TAXII_BAD_JSON: { kind: 'input' },
  TEARLINE_E_TAXII_BAD_REQUEST: { kind: 'input' },
  TEARLINE_E_TAXII_FORBIDDEN: { kind: 'forbidden' },
  TEARLINE_E_TAXII_MEDIA_TYPE: { kind: 'input', status: 415 },
  TEARLINE_E_TAXII_NOT_ACCEPTABLE: { kind: 'input', status: 406 },
  TEARLINE_E_TAXII_NOT_ENVELOPE: { kind: 'input', status: 422 },
  TEARLINE_E_TAXII_NOT_FOUND: { kind: 'not-found' },
  TEARLINE_E_TAXII_TOO_LARGE: { kind: 'too-large' },
  TEARLINE_E_ACCOUNT_WRONG_PASSWORD: { kind: 'input' },
  TEARLINE_E_BRIEF_BAD_OUT: { kind: 'input' },
  TEARLINE_E_BRIEF_PDF_FAILED: { kind: 'failure' },
  TEARLINE_E_HTTP_BAD_URL: { kind: 'input' },
  TEARLINE_E_PULL_FAILED: { kind: 'failure' },
  TEARLINE_E_DEMO_BAD_FILE: { kind: 'input' },
  TEARLINE_E_PULL_BAD_SOURCE: { kind: 'input' },
  TEARLINE_E_ACCOUNT_DISABLED: { kind: 'input' },
} as const satisfies Record<string, ErrorEntry>;

/** A registered error code (`TEARLINE_E_<AREA>_<WHAT>`). */
export type ErrorCode = keyof typeof ERROR_REGISTRY;

/** The codes registered with kind `not-found`. */
export type NotFoundCode = {
  [C in ErrorCode]: (typeof ERROR_REGISTRY)[C]['kind'] extends 'not-found' ? C : never;
}[ErrorCode];

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
  /**
   * Kept so that call sites read as before; the registry decides the kind, and
   * test/error-catalogue.test.ts fails when a call site names another one.
   */
  kind?: ErrorKind;
  details?: readonly ErrorDetail[];
  cause?: unknown;
}

/** True when `code` is a registered error code. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_REGISTRY, code);
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
