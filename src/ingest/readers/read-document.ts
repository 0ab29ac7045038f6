import { TearlineError } from '../../core/errors.js';
import { isBinary } from './detect-binary.js';
import { detectLanguage } from './detect-language.js';
import { readHtml } from './read-html.js';
import { readPdf } from './read-pdf.js';
import { MAX_DOCUMENT_BYTES, emptyError, tooLargeError } from './read-errors.js';
import type { ReadDocument } from './document.js';

export interface ReadOptions {
  /** Where the bytes came from (URL, file name, 'paste'). */
  origin: string;
  /** Content-Type or a file extension hint; sniffed from the bytes when absent. */
  mediaType?: string;
  maxBytes?: number;
}

/**
 * Reads one report from bytes: PDF, HTML or plain text, told apart by the media type or by the
 * bytes themselves. Refuses binaries, empty documents and documents over the size limit with a
 * coded error; nothing is half-read.
 *
 * @example const doc = await readDocument(Buffer.from(pastedText), { origin: 'paste' })
 */
export async function readDocument(bytes: Uint8Array, options: ReadOptions): Promise<ReadDocument> {
  const limit = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (bytes.length > limit) throw tooLargeError(bytes.length, limit);
  const kind = sniff(bytes, options.mediaType, options.origin);
  if (kind === 'pdf') return readPdf(bytes, options.origin);
  if (isBinary(bytes)) {
    throw new TearlineError(
      'TEARLINE_E_INGEST_BINARY',
      'The file is binary, not text, HTML or PDF. Convert it to one of those first.',
    );
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (kind === 'html') return readHtml(text, options.origin);
  const clean = text.replace(/\r\n?/g, '\n').trim();
  if (!clean) throw emptyError('document');
  return {
    text: clean,
    origin: options.origin,
    mediaType: 'text/plain',
    language: detectLanguage(clean).language,
  };
}

function sniff(
  bytes: Uint8Array,
  mediaType: string | undefined,
  origin: string,
): 'pdf' | 'html' | 'text' {
  const hint = (mediaType ?? '').toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (hint.includes('pdf') || /\.pdf$/i.test(origin) || head.startsWith('%pdf-')) return 'pdf';
  if (hint.includes('html') || /\.x?html?$/i.test(origin)) return 'html';
  if (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    /<(body|article|p|div)[\s>]/.test(head)
  ) {
    return 'html';
  }
  return 'text';
}
