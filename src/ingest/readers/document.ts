/** A report as read from a file, a paste, a URL or a feed item, before extraction. */
export interface ReadDocument {
  /** Plain text: paragraphs separated by blank lines. */
  text: string;
  title?: string;
  /** `YYYY-MM-DD` when the document states its publication date. */
  published?: string;
  /** Where it came from: a URL, a file name, or 'paste'. */
  origin: string;
  mediaType: 'text/plain' | 'text/html' | 'application/pdf';
  /** ISO 639-1 code from detectLanguage, or 'und'. */
  language: string;
}

/** `YYYY-MM-DD` from a date string in any format Date understands, or undefined. */
export function toIsoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value.trim());
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}
