import { detectLanguage } from './detect-language.js';
import { emptyError } from './read-errors.js';
import type { ReadDocument } from './document.js';
import { TearlineError } from '../../core/errors.js';

interface TextItem {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

/**
 * Reads the text of a PDF with pdf.js (no worker thread, no network): items are joined in reading
 * order, a change of line becomes a space or a paragraph break depending on the gap.
 *
 * @example const doc = await readPdf(bytes, 'report.pdf')
 */
export async function readPdf(bytes: Uint8Array, origin: string): Promise<ReadDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    pdf = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new TearlineError(
      'TEARLINE_E_INGEST_BAD_PDF',
      `The PDF cannot be read: ${(error as Error).message}.`,
      {
        cause: error,
      },
    );
  }
  const pages: string[] = [];
  const info = (await pdf.getMetadata().catch(() => undefined))?.info as
    { Title?: string } | undefined;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(joinItems(content.items as TextItem[]));
  }
  await pdf.destroy();
  const text = pages
    .join('\n\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
  if (!text) throw emptyError('PDF (it may be a scan without a text layer)');
  return {
    text,
    title: info?.Title?.trim() || undefined,
    origin,
    mediaType: 'application/pdf',
    language: detectLanguage(text).language,
  };
}

function joinItems(items: TextItem[]): string {
  let out = '';
  let lastY: number | undefined;
  let lineHeight = 12;
  for (const item of items) {
    if (!('str' in item)) continue;
    const y = item.transform[5] ?? 0;
    const size = Math.abs(item.transform[3] ?? 12) || 12;
    if (lastY !== undefined && Math.abs(lastY - y) > 1) {
      // A gap of more than one and a half lines starts a new paragraph.
      out += Math.abs(lastY - y) > lineHeight * 1.6 ? '\n\n' : ' ';
    }
    out += item.str;
    if (item.hasEOL) out += ' ';
    lastY = y;
    lineHeight = size;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}
