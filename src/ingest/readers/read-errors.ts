import { TearlineError } from '../../core/errors.js';

/** Documents above this size are refused before any parsing (20 MB by default). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The refusal for a document larger than `limit` bytes. */
export function tooLargeError(size: number, limit: number): TearlineError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new TearlineError(
    'TEARLINE_E_INGEST_TOO_LARGE',
    `The document is ${mb(size)}; the limit is ${mb(limit)}. Split it or raise TEARLINE_MAX_DOCUMENT_MB.`,
    { kind: 'too-large' },
  );
}

/** The refusal for a document with no readable text. */
export function emptyError(what: string): TearlineError {
  return new TearlineError('TEARLINE_E_INGEST_EMPTY', `The ${what} has no readable text.`);
}
