import { TearlineError } from '../../../core/errors.js';
import { DEFAULT_SECTION_CHARS } from '../../../ingest/extract.js';

/**
 * TEARLINE_EXTRACT_SECTION_CHARS: texts longer than this many characters are extracted in
 * sections cut at paragraphs (default 100,000; at least 10,000).
 *
 * @example readSectionChars({ TEARLINE_EXTRACT_SECTION_CHARS: '50000' }) // 50000
 */
export function readSectionChars(env: NodeJS.ProcessEnv): number {
  const raw = env.TEARLINE_EXTRACT_SECTION_CHARS;
  if (raw === undefined || raw === '') return DEFAULT_SECTION_CHARS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 10_000) {
    throw new TearlineError(
      'TEARLINE_E_CONFIG_BAD_VALUE',
      `TEARLINE_EXTRACT_SECTION_CHARS must be a whole number of characters, at least 10000 (got "${raw}").`,
    );
  }
  return value;
}
